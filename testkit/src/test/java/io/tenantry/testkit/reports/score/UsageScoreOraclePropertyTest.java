package io.tenantry.testkit.reports.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.score.Peers;
import io.tenantry.reports.score.Scenario;
import io.tenantry.reports.score.ScenarioResult;
import io.tenantry.reports.score.UsageScore;
import io.tenantry.reports.score.UsageScoreEngine;
import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The Usage Score engine agrees with the naive oracle on random tenants, every history day. */
class UsageScoreOraclePropertyTest {
  private static final TenantId TENANT = TenantId.of("contoso");
  private static final LocalDate R = LocalDate.parse("2026-06-30");
  private static final int DAYS = 40;

  @Provide
  Arbitrary<ScoreInputs> tenants() {
    return ScoreInputs.arbitrary(TENANT, R, 30, 250);
  }

  @Property(tries = 150)
  void engine_agreesWithTheOracle_onEveryScenarioOfAHistoryDay(
      @ForAll("tenants") ScoreInputs in, @ForAll @IntRange(min = 0, max = DAYS - 1) int back) {
    UsageScore score = UsageScoreEngine.withHistoryDays(DAYS)
        .compute(TENANT, in.directory(), in.events(), R, Peers.none());
    LocalDate day = R.minusDays(back);

    long[][] oracle = NaiveUsageScore.counts(in.directory(), in.events(), day);

    if (back == 0) {
      for (Scenario s : Scenario.inOrder()) {
        ScenarioResult line = score.scenario(s);
        assertThat(new long[] {line.numerator(), line.denominator()}).as(s.displayName())
            .containsExactly(oracle[s.ordinal()]);
      }
    }
    UsageScore thatDay = UsageScoreEngine.withHistoryDays(1)
        .compute(TENANT, in.directory(), in.events(), day, Peers.none());
    for (Scenario s : Scenario.inOrder()) {
      ScenarioResult line = thatDay.scenario(s);
      assertThat(new long[] {line.numerator(), line.denominator()}).as(s.displayName())
          .containsExactly(oracle[s.ordinal()]);
      assertThat(score.history().get(DAYS - 1 - back).points().get(s)).isEqualTo(line.points());
    }
  }
}
