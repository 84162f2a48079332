package io.tenantry.benchmarks.reports;

import io.tenantry.reports.ActivityColumns;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Locale;

/**
 * Memory per active user-day of the loaded {@link SyntheticEvents}, printed in {@link
 * io.tenantry.benchmarks.Compare}'s line format ({@code NAME vs PEER ours=X peer=Y ratio=Z UNIT},
 * ratio = peer ÷ ours, higher is better): Tenantry's {@link ActivityColumns#sizeInBytes()} of
 * every tenant against DuckDB's own {@code duckdb_memory()} total after loading the same events
 * into its events table (the directory is counted on neither side).
 * An active user-day is a (tenant, user, day) with at least one event. JMH measures time only,
 * hence a plain program: {@code java -cp benchmarks.jar
 * io.tenantry.benchmarks.reports.ReportsFootprint [EVENTS]}.
 */
public final class ReportsFootprint {
  private ReportsFootprint() {}

  /**
   * Prints the line.
   *
   * @param args the number of events (default 1,000,000)
   * @throws SQLException if DuckDB fails
   */
  public static void main(String[] args) throws SQLException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SyntheticEvents data = SyntheticEvents.of(events);
    double ours = bytesPerActiveUserDay("tenantry", data);
    double peer = bytesPerActiveUserDay("duckdb", data);
    System.out.printf(Locale.ROOT, "ReportsFootprint.memory[events=%d] vs duckdb ours=%.3g "
        + "peer=%.3g ratio=%.3g bytes/active-user-day%n", events, ours, peer, peer / ours);
  }

  /**
   * Loads the events into an engine and divides the memory it retains by the active user-days.
   *
   * @param engine {@code tenantry} or {@code duckdb}
   * @param data the events
   * @return bytes per active user-day
   * @throws SQLException if DuckDB fails
   */
  static double bytesPerActiveUserDay(String engine, SyntheticEvents data) throws SQLException {
    long userDays = activeUserDays(data);
    long bytes = 0;
    if (engine.equals("tenantry")) {
      long counted = 0;
      for (ActivityColumns c : new ReportEngine.TenantryReports(data).columns()) {
        bytes += c.sizeInBytes();
        counted += c.activeUserDays();
      }
      if (counted != userDays) {
        throw new IllegalStateException("Tenantry counts " + counted
            + " active user-days, the events have " + userDays);
      }
    } else {
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
        ReportEngine.DuckDb.load(c, data);
        bytes = ReportEngine.DuckDb.memoryBytes(c);
      }
    }
    return (double) bytes / userDays;
  }

  private static long activeUserDays(SyntheticEvents data) {
    BitSet seen = new BitSet();
    for (int i = 0; i < data.size(); i++) {
      seen.set((data.tenant()[i] * SyntheticEvents.USERS + data.user()[i]) * SyntheticEvents.DAYS
          + data.day()[i]);
    }
    return seen.cardinality();
  }
}
