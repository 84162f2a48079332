package io.tenantry.benchmarks.reports;

import io.tenantry.benchmarks.reports.ReportEngine.Family;
import io.tenantry.reports.Period;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three Teams user activity report families of 10 tenants (100,000 users, 180 days of
 * events) for one period ending R: Tenantry (one thread) taking the period's aggregate from its
 * compiled {@link io.tenantry.reports.ActivityColumns} and rendering the report against DuckDB's
 * equivalent SQL over an appender-loaded table (its default threads). Loading is not measured on
 * either side ({@link ReportsIngestBenchmark} measures it); the score is milliseconds per report
 * of all tenants. Setup checks that all three families of the engine equal the plain reference
 * computed from the same events, so both engines' results are equal before anything is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReportsBenchmark {

  /** The engine measured. */
  @Param({"tenantry", "duckdb"})
  public String engine;

  /** How many events. */
  @Param({"1000000", "10000000"})
  public int events;

  /** The report period. */
  @Param({"D7", "D30", "D90", "D180"})
  public String period;

  private ReportEngine reports;
  private Period p;

  /**
   * Loads the events and checks every family of the engine against the reference.
   *
   * @throws IllegalStateException if the engine's values differ from the reference
   */
  @Setup
  public void setUp() {
    SyntheticEvents data = SyntheticEvents.of(events);
    p = Period.valueOf(period);
    reports = ReportEngine.named(engine, data);
    check(Family.USER_COUNTS, data.referenceUserCounts(p));
    check(Family.COUNTS, data.referenceCounts(p));
    check(Family.DETAIL, data.referenceDetail(p));
  }

  private void check(Family family, long[] expected) {
    long[] actual = reports.report(family, p);
    if (!Arrays.equals(actual, expected)) {
      int i = Arrays.mismatch(actual, expected);
      throw new IllegalStateException(engine + " " + family + " " + period
          + " differs from the reference at index " + i + ": " + actual[i] + " instead of "
          + expected[i]);
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
   * getTeamsUserActivityUserDetail of every tenant.
   *
   * @return the values
   */
  @Benchmark
  public long[] detail() {
    return reports.report(Family.DETAIL, p);
  }

  /**
   * getTeamsUserActivityCounts of every tenant.
   *
   * @return the values
   */
  @Benchmark
  public long[] counts() {
    return reports.report(Family.COUNTS, p);
  }

  /**
   * getTeamsUserActivityUserCounts of every tenant.
   *
   * @return the values
   */
  @Benchmark
  public long[] userCounts() {
    return reports.report(Family.USER_COUNTS, p);
  }
}
