package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.UserDirectory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Computing one tenant's score never depends on another tenant's computation running alongside. */
class TenantIsolationPropertyTest {

  @Property(tries = 60)
  void score_ofATenant_isTheSameAloneAndInterleavedWithAnother(@ForAll long seedA,
      @ForAll long seedB, @ForAll @IntRange(min = 0, max = 25) int users,
      @ForAll @IntRange(min = 0, max = 150) int events) {
    ScoreFixture a = RandomTenant.draw(seedA, users, events);
    ScoreFixture b = RandomTenant.draw(seedB, users + 3, events);
    UserDirectory dirB = UserDirectory.of(TenantId.of("fabrikam"), b.users);
    byte[] alone = ScoreJson.toBytes(a.score(10));

    UsageScoreEngine engine = UsageScoreEngine.withHistoryDays(10);
    UsageScoreEngine.Computation ca = engine.start(ScoreFixture.TENANT, a.directory(),
        ScoreFixture.R);
    UsageScoreEngine.Computation cb = engine.start(TenantId.of("fabrikam"), dirB, ScoreFixture.R);
    int n = Math.max(a.events.size(), b.events.size());
    for (int i = 0; i < n; i++) {
      if (i < b.events.size()) {
        cb.accept(b.events.get(i));
      }
      if (i < a.events.size()) {
        ca.accept(a.events.get(i));
      }
    }
    UsageScore scoreB = cb.finish(Peers.none());
    UsageScore scoreA = ca.finish(Peers.none());

    assertThat(ScoreJson.toBytes(scoreA)).isEqualTo(alone);
    assertThat(scoreB.tenant()).isEqualTo(TenantId.of("fabrikam"));
    for (Recommendation r : scoreA.recommendations()) {
      assertThat(r.targets()).allSatisfy(t ->
          assertThat(a.directory().find(t.userId())).isPresent());
    }
    assertThat(a.events).allSatisfy((ActivityEvent e) ->
        assertThat(e.user()).isLessThan(a.users.size()));
  }
}
