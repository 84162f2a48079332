package io.tenantry.benchmarks.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.benchmarks.reports.ReportEngine.Family;
import io.tenantry.reports.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportEngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"tenantry", "duckdb"})
  void report_everyFamilyAndPeriod_equalsThePlainReference(String engine) throws Exception {
    SyntheticEvents data = SyntheticEvents.of(30_000);

    try (ReportEngine reports = ReportEngine.named(engine, data)) {
      for (Period p : Period.values()) {
        assertThat(reports.report(Family.USER_COUNTS, p)).as("user counts %s", p)
            .isEqualTo(data.referenceUserCounts(p));
        assertThat(reports.report(Family.COUNTS, p)).as("counts %s", p)
            .isEqualTo(data.referenceCounts(p));
        assertThat(reports.report(Family.DETAIL, p)).as("detail %s", p)
            .isEqualTo(data.referenceDetail(p));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 7})
  void referenceUserCounts_eventsOfOneUser_countThatUserOncePerSlot(int repeats) {
    int n = repeats + 1;
    short[] lastDay = new short[n];
    java.util.Arrays.fill(lastDay, (short) (SyntheticEvents.DAYS - 1));
    SyntheticEvents data = new SyntheticEvents(new int[n], new int[n], lastDay, new byte[n],
        filled(n));

    long[] counts = data.referenceUserCounts(Period.D7);

    assertThat(counts[SyntheticEvents.daily(0, SyntheticEvents.DAYS - 1, 0)]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tenantry", "duckdb"})
  void footprint_smallEventSet_isPositivePerActiveUserDay(String engine) throws Exception {
    double bytes = ReportsFootprint.bytesPerActiveUserDay(engine, SyntheticEvents.of(20_000));

    assertThat(bytes).isPositive();
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) 1);
    return b;
  }
}
