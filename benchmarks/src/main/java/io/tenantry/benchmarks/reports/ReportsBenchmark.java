package io.tenantry.benchmarks.reports;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The D30 getTeamsUserActivityUserCounts report of 10 tenants (exact distinct users per tenant, day
 * and activity): Tenantry's aggregation over parsed events (one thread) against DuckDB's {@code
 * COUNT(DISTINCT …)} over an appender-loaded table (its default threads), on 1 million and 10
 * million events. Loading is not measured; the score is milliseconds per report of all tenants.
 * Setup checks that the engine's counts equal a plain bitset count of the same events. The quick
 * run passes {@code -p events=1000000}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportsBenchmark {

  /** The engine measured. */
  @Param({"tenantry", "duckdb"})
  public String engine;

  /** How many events. */
  @Param({"1000000", "10000000"})
  public int events;

  private ReportEngine reports;

  /**
   * Loads the events and checks the engine's report against the reference counts.
   *
   * @throws IllegalStateException if the engine's counts differ from the reference
   */
  @Setup
  public void setUp() {
    SyntheticEvents data = SyntheticEvents.of(events);
    long[] expected = data.referenceCounts();
    reports = ReportEngine.named(engine, data);
    long[] actual = reports.counts();
    if (!Arrays.equals(actual, expected)) {
      int i = Arrays.mismatch(actual, expected);
      throw new IllegalStateException(engine + " counts differ from the reference at slot " + i
          + ": " + actual[i] + " instead of " + expected[i]);
    }
  }

  /**
   * Releases the engine.
   *
   * @throws SQLException if DuckDB fails to close
   */
  @TearDown
  public void tearDown() throws SQLException {
    reports.close();
  }

  /**
   * One report of every tenant.
   *
   * @return the counts
   */
  @Benchmark
  public long[] report() {
    return reports.counts();
  }
}
