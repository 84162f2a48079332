package io.tenantry.benchmarks.reports;

import io.tenantry.benchmarks.reports.ReportEngine.Family;
import io.tenantry.reports.Period;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.UserDirectory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-core figures of the reports targets measured in the running thread's CPU time rather
 * than wall time, for a shared, loaded machine where wall time mostly measures the other
 * processes: ingest of parsed records (events per CPU-second), the {@code events.jsonl} parse
 * (lines per CPU-second) and each report family and period of {@link ReportsBenchmark} (CPU
 * milliseconds, the best of five after two warm-up runs). Tenantry only: DuckDB works on its own
 * threads, whose CPU time this thread cannot see. {@code java -cp benchmarks.jar
 * io.tenantry.benchmarks.reports.ReportsCpuTime [EVENTS]}.
 */
public final class ReportsCpuTime {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ReportsCpuTime() {}

  /** Work whose CPU time is measured. */
  private interface Work {
    void run() throws IOException;
  }

  /**
   * Prints the figures.
   *
   * @param args the number of events (default 1,000,000)
   * @throws IOException if the temporary events file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SyntheticEvents data = SyntheticEvents.of(events);
    ReportEngine.TenantryReports tenantry = new ReportEngine.TenantryReports(data);
    double ingest = best(tenantry::ingest);
    System.out.printf(Locale.ROOT, "ingest[events=%d] cpu=%.1f ms, %.1f M events/s per core%n",
        events, ingest, events / ingest / 1000);
    for (Period p : Period.values()) {
      for (Family f : Family.values()) {
        System.out.printf(Locale.ROOT, "%s[events=%d,period=%s] cpu=%.2f ms%n", f, events, p,
            best(() -> tenantry.report(f, p)));
      }
    }
    Path file = Files.createTempFile("events", ".jsonl");
    try {
      EventsParseBenchmark.write(data, file);
      UserDirectory users = EventsParseBenchmark.directory();
      double parse = best(() -> ActivityEventReader.of(users).read(file, e -> { },
          ActivityEventReader.failFast()));
      System.out.printf(Locale.ROOT, "parse[lines=%d] cpu=%.1f ms, %.2f M lines/s per core%n",
          events, parse, events / parse / 1000);
    } finally {
      Files.delete(file);
    }
  }

  /** The least CPU milliseconds of five runs after two warm-up runs. */
  private static double best(Work work) throws IOException {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 7; i++) {
      long start = CPU.getCurrentThreadCpuTime();
      work.run();
      double ms = (CPU.getCurrentThreadCpuTime() - start) / 1e6;
      if (i >= 2) {
        best = Math.min(best, ms);
      }
    }
    return best;
  }
}
