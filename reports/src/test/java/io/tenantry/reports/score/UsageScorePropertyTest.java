package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the Usage Score on random small tenants. */
class UsageScorePropertyTest {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Property(tries = 150)
  void everyScenario_pointsWithinZeroToHundredAndNumeratorAtMostDenominator(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int users,
      @ForAll @IntRange(min = 0, max = 300) int events) {
    UsageScore s = RandomTenant.draw(seed, users, events).score(30);

    for (ScenarioResult l : s.scenarios()) {
      assertThat(l.numerator()).isBetween(0L, l.denominator());
      if (l.points() != null) {
        assertThat(l.points()).isBetween(BigDecimal.ZERO, HUNDRED);
        assertThat(l.points().scale()).isEqualTo(1);
      }
    }
    for (HistoryEntry h : s.history()) {
      h.points().values().stream().filter(p -> p != null)
          .forEach(p -> assertThat(p).isBetween(BigDecimal.ZERO, HUNDRED));
      if (h.percent() != null) {
        assertThat(h.percent()).isBetween(BigDecimal.ZERO, HUNDRED);
      }
    }
    assertThat(s.total().max()).isEqualTo(100 * (int) s.scenarios().stream()
        .filter(ScenarioResult::applicable).count());
  }

  @Property(tries = 150)
  void groupViews_neverShowAGroupUnderTenPeople(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int users,
      @ForAll @IntRange(min = 0, max = 100) int events) {
    UsageScore s = RandomTenant.draw(seed, users, events).score(1);

    s.groups().values().forEach(views -> views.forEach(v ->
        assertThat(v.users()).isGreaterThanOrEqualTo(GroupView.PRIVACY_FLOOR)));
  }

  @Property(tries = 150)
  void history_lastDayEqualsTheScore(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int users,
      @ForAll @IntRange(min = 0, max = 300) int events) {
    UsageScore s = RandomTenant.draw(seed, users, events).score(20);

    HistoryEntry last = s.history().get(s.history().size() - 1);
    assertThat(last.date()).isEqualTo(s.asOf());
    assertThat(last.percent()).isEqualTo(s.total().percent());
    for (ScenarioResult l : s.scenarios()) {
      assertThat(last.points().get(l.scenario())).isEqualTo(l.points());
    }
  }

  @Property(tries = 100)
  void history_eachDayEqualsAScoreComputedAsOfThatDay(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int users,
      @ForAll @IntRange(min = 0, max = 250) int events,
      @ForAll @IntRange(min = 0, max = 39) int daysBack) {
    ScoreFixture f = RandomTenant.draw(seed, users, events);
    UsageScore withHistory = f.score(40);

    UsageScore thatDay = UsageScoreEngine.withHistoryDays(1).compute(ScoreFixture.TENANT,
        f.directory(), f.events, ScoreFixture.R.minusDays(daysBack), Peers.none());

    HistoryEntry h = withHistory.history().get(39 - daysBack);
    assertThat(h.date()).isEqualTo(thatDay.asOf());
    assertThat(h.percent()).isEqualTo(thatDay.total().percent());
    for (ScenarioResult l : thatDay.scenarios()) {
      assertThat(h.points().get(l.scenario())).isEqualTo(l.points());
    }
  }
}
