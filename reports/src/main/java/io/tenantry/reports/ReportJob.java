package io.tenantry.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.EventReadSummary;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.GroupsCsvReader;
import io.tenantry.reports.input.RejectedLine;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import io.tenantry.reports.spi.ConcealmentSecrets;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One run of the report catalogue over files, as {@code tenantry reports} does it: reads {@code
 * users.csv} (and {@code groups.csv}), streams {@code events.jsonl} once into an {@link
 * ActivityAggregator}, and renders the requested reports. The CLI is a thin shell over this class.
 *
 * @param tenant the tenant being computed (events naming another tenant are rejected)
 * @param tenantDisplayName the Tenant Display Name column's value
 * @param window the report window
 * @param functions the reports to render, in order
 * @param secrets the concealment secrets, or null to write names in the clear
 */
public record ReportJob(TenantId tenant, String tenantDisplayName, ReportWindow window,
    List<ReportFunction> functions, ConcealmentSecrets secrets) {

  /**
   * Validates the job.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a single-day window is asked of a report that takes a
   *     period only
   */
  public ReportJob {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(tenantDisplayName, "tenantDisplayName");
    Objects.requireNonNull(window, "window");
    functions = List.copyOf(functions);
    for (ReportFunction f : functions) {
      if (window.singleDay() && !f.acceptsDate()) {
        throw new IllegalArgumentException(f.graphName() + " accepts a period only, not --date");
      }
    }
  }

  /**
   * What a run produced.
   *
   * @param tables the rendered reports, in the job's order
   * @param users the number of users in the directory
   * @param events what the pass over the events did
   */
  public record Result(List<ReportTable> tables, int users, EventReadSummary events) {
    /** Copies the tables. */
    public Result {
      tables = List.copyOf(tables);
    }
  }

  /**
   * Runs the job.
   *
   * @param usersCsv the directory snapshot
   * @param groupsCsv the groups snapshot, or null
   * @param eventsJsonl the events
   * @param onRejected receives each rejected event line; {@link ActivityEventReader#failFast()}
   *     stops at the first
   * @return the reports
   * @throws IOException if a file cannot be read
   * @throws io.tenantry.core.error.ValidationException if an input is invalid
   */
  public Result run(Path usersCsv, Path groupsCsv, Path eventsJsonl,
      Consumer<RejectedLine> onRejected) throws IOException {
    return run(usersCsv, groupsCsv, eventsJsonl, onRejected, bytes -> { });
  }

  /**
   * Runs the job and reports how far the events file has been read.
   *
   * @param usersCsv the directory snapshot
   * @param groupsCsv the groups snapshot, or null
   * @param eventsJsonl the events
   * @param onRejected receives each rejected event line; {@link ActivityEventReader#failFast()}
   *     stops at the first
   * @param eventBytesRead receives the number of bytes of the events file read so far, ascending,
   *     about every MiB and once at the end (for a progress bar; called on the running thread)
   * @return the reports
   * @throws IOException if a file cannot be read
   * @throws io.tenantry.core.error.ValidationException if an input is invalid
   */
  public Result run(Path usersCsv, Path groupsCsv, Path eventsJsonl,
      Consumer<RejectedLine> onRejected, LongConsumer eventBytesRead) throws IOException {
    UserDirectory users = UsersCsvReader.read(tenant, usersCsv);
    GroupDirectory groups = groupsCsv == null ? GroupDirectory.empty(tenant)
        : GroupsCsvReader.read(tenant, groupsCsv);
    ActivityAggregator aggregator = ActivityAggregator.of(users, groups, window);
    EventReadSummary summary;
    try (CountingInputStream in = new CountingInputStream(Files.newInputStream(eventsJsonl),
        eventBytesRead)) {
      summary = ActivityEventReader.of(users).read(in, eventsJsonl.toString(), aggregator::add,
          onRejected);
      eventBytesRead.accept(in.count);
    }
    PartialAggregate aggregate = aggregator.build();
    Concealer concealer = secrets == null ? null : Concealer.of(tenant, secrets);
    ReportInput input = new ReportInput(users, groups, aggregate, tenantDisplayName, concealer);
    List<ReportTable> tables = new ArrayList<>();
    for (ReportFunction f : functions) {
      tables.add(Reports.render(f, input));
    }
    return new Result(tables, users.size(), summary);
  }

  /** Counts the bytes read and tells a listener about every MiB. */
  private static final class CountingInputStream extends FilterInputStream {
    private static final long STEP = 1 << 20;
    private final LongConsumer listener;
    private long count;
    private long next = STEP;

    CountingInputStream(InputStream in, LongConsumer listener) {
      super(in);
      this.listener = listener;
    }

    private void advance(long n) {
      if (n > 0) {
        count += n;
        if (count >= next) {
          next = count + STEP;
          listener.accept(count);
        }
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      advance(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      advance(n);
      return n;
    }
  }
}
