package io.tenantry.benchmarks.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest from parsed records: Tenantry compiling the parsed {@link
 * io.tenantry.reports.input.ActivityEvent}s of 10 tenants into their {@link
 * io.tenantry.reports.ActivityColumns} (one thread) against DuckDB appending the same events into
 * a fresh table (its appender, its default threads). Milliseconds per load of all events; events
 * per second is {@code events / score}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReportsIngestBenchmark {

  /** The engine measured. */
  @Param({"tenantry", "duckdb"})
  public String engine;

  /** How many events. */
  @Param({"1000000", "10000000"})
  public int events;

  private SyntheticEvents data;
  private ReportEngine.TenantryReports tenantry;

  /** Draws the events and, for Tenantry, the parsed records. */
  @Setup
  public void setUp() {
    data = SyntheticEvents.of(events);
    if (engine.equals("tenantry")) {
      tenantry = new ReportEngine.TenantryReports(data);
    }
  }

  /**
   * One load of every event.
   *
   * @return what was loaded
   * @throws SQLException if DuckDB fails
   */
  @Benchmark
  public Object ingest() throws SQLException {
    if (tenantry != null) {
      return tenantry.ingest();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      ReportEngine.DuckDb.load(c, data);
      return c;
    }
  }
}
