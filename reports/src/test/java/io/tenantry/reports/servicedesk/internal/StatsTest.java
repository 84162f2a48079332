package io.tenantry.reports.servicedesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void median_oddAndEvenCounts() {
    assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void nearestRank_p90_isTheValueOfRankCeilNinetyPercent() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(Stats.nearestRank(v, 90)).isEqualTo(9);
    assertThat(Stats.nearestRank(new double[] {1, 2, 3, 4}, 90)).isEqualTo(4);
    assertThat(Stats.nearestRank(new double[] {7}, 90)).isEqualTo(7);
  }

  @Test
  void robustZ_usesScaledMad() {
    double[] base = {1, 2, 3, 4, 5};   // median 3, MAD 1
    assertThat(Stats.robustZ(6, base)).isCloseTo(3 / 1.4826, within(1e-12));
  }

  @Test
  void robustZ_zeroMad_fallsBackToMeanAbsoluteDeviation() {
    double[] base = {1, 1, 1, 5};      // median 1, MAD 0, mean AD 1
    assertThat(Stats.robustZ(3, base)).isCloseTo(2 / 1.2533, within(1e-12));
  }

  @Test
  void robustZ_flatBaseline_isNaN() {
    assertThat(Stats.robustZ(3, new double[] {2, 2, 2, 2})).isNaN();
  }
}
