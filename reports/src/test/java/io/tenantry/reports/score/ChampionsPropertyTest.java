package io.tenantry.reports.score;

import static io.tenantry.reports.score.ScoreFixture.R;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Champions on random tenants: the privacy floor and tenant isolation hold. */
class ChampionsPropertyTest {

  @Property(tries = 100)
  void champions_neverBelowTheFloorAndOnlyTheTenantsOwnUsers(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int users,
      @ForAll @IntRange(min = 0, max = 200) int events) {
    ScoreFixture f = RandomTenant.draw(seed, users, events);
    UsageScoreEngine.Computation c =
        UsageScoreEngine.withHistoryDays(1).start(ScoreFixture.TENANT, f.directory(), R);
    f.events.forEach(c);
    c.finish(Peers.none());

    for (DepartmentChampions d : c.champions(5)) {
      assertThat(d.people()).isGreaterThanOrEqualTo(GroupView.PRIVACY_FLOOR);
      assertThat(d.champions()).hasSizeLessThanOrEqualTo(5);
      for (Champion ch : d.champions()) {
        assertThat(f.directory().find(ch.person().userId())).hasValueSatisfying(u -> {
          assertThat(u.department()).isEqualTo(d.department());
          assertThat(u.isGuest()).isFalse();
        });
        assertThat(ch.breadth()).isPositive();
      }
    }
  }
}
