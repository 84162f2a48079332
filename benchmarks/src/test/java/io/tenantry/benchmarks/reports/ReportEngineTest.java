package io.tenantry.benchmarks.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportEngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"tenantry", "duckdb"})
  void counts_smallEventSet_equalThePlainBitsetCount(String engine) throws Exception {
    SyntheticEvents data = SyntheticEvents.of(20_000);

    try (ReportEngine reports = ReportEngine.named(engine, data)) {
      assertThat(reports.counts()).isEqualTo(data.referenceCounts());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 7})
  void referenceCounts_eventsOfOneUser_countThatUserOncePerSlot(int repeats) {
    int n = repeats + 1;
    SyntheticEvents data = new SyntheticEvents(new int[n], new int[n], new byte[n], new byte[n],
        filled(n));

    long[] counts = data.referenceCounts();

    assertThat(counts[SyntheticEvents.slot(0, 0, 0)]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(1);
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) 1);
    return b;
  }
}
