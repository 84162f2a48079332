package io.tenantry.cli;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.ReportWriter;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.RejectedLine;
import io.tenantry.reports.spi.ConcealmentSecrets;
import io.tenantry.reports.spi.InMemoryConcealmentSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tenantry reports}: computes the Graph-compatible usage reports of one tenant from {@code
 * users.csv}, {@code groups.csv} and {@code events.jsonl} ({@code cli.md}, {@code
 * activity-events.md}). A thin shell over {@link ReportJob}.
 *
 * <p>Concealed names use the secret in the environment variable {@code TENANTRY_CONCEAL_SECRET} (at
 * least 16 bytes); without it a fixed built-in secret keeps tokens deterministic, with a warning
 * that such tokens can be reversed by guessing names.
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
    description = "Compute the Microsoft Graph usage reports of one tenant.")
public final class ReportsCommand implements Callable<Integer> {
  static final String SECRET_ENV = "TENANTRY_CONCEAL_SECRET";
  private static final byte[] BUILT_IN_SECRET =
      "tenantry-built-in-concealment-secret-v1".getBytes(StandardCharsets.UTF_8);

  @ParentCommand
  TenantryCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--users", required = true, paramLabel = "users.csv",
      description = "The directory snapshot.")
  Path users;

  @Option(names = "--groups", paramLabel = "groups.csv", description = "The groups snapshot.")
  Path groups;

  @Option(names = "--events", required = true, paramLabel = "events.jsonl",
      description = "The activity events, one JSON object per line.")
  Path events;

  @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD",
      description = "The report date R (Report Refresh Date), the last day included.")
  String asOf;

  static final class When {
    @Option(names = "--period", paramLabel = "D7|D30|D90|D180", required = true,
        description = "The period ending at --as-of.")
    String period;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true,
        description = "A single day within the 28 days ending at --as-of (detail reports only).")
    String date;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  When when;

  @Option(names = "--report", paramLabel = "NAME",
      description = "A report function to write (repeatable); default: every supported report.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
      description = "Output format (default csv).")
  String format;

  @Option(names = "--conceal", description = "Conceal user and group names (tokens).")
  boolean conceal;

  @Option(names = "--tenant", paramLabel = "ID", defaultValue = "default",
      description = "The tenant being computed (default: default).")
  String tenant;

  @Option(names = "--tenant-name", paramLabel = "NAME",
      description = "The Tenant Display Name (default: the tenant id).")
  String tenantName;

  @Option(names = "--skip-invalid",
      description = "Report rejected event lines on standard error and go on.")
  boolean skipInvalid;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write the reports to (created when missing).")
  Path out;

  @Override
  public Integer call() throws IOException {
    CliException.inputFile("--users", users);
    CliException.inputFile("--groups", groups);
    CliException.inputFile("--events", events);
    Console console = Console.of(spec);
    LocalDate r = date("--as-of", asOf);
    ReportWindow window;
    if (when.date != null) {
      try {
        window = ReportWindow.day(r, date("--date", when.date));
      } catch (ValidationException e) {
        throw new CliException(ExitCodes.USAGE, "--date " + when.date + " "
            + e.problems().get(0).message());
      }
    } else {
      window = ReportWindow.period(r, Period.parse(when.period).orElseThrow(() ->
          new CliException(ExitCodes.USAGE, "--period must be D7, D30, D90 or D180, got '"
              + when.period + "'")));
    }
    if (!format.equals("csv") && !format.equals("json")) {
      throw new CliException(ExitCodes.USAGE, "--format must be csv or json, got '" + format + "'");
    }
    TenantId tenantId = CliException.option("--tenant", () -> TenantId.of(tenant));
    List<ReportFunction> functions = new ArrayList<>();
    if (reports.isEmpty()) {
      Arrays.stream(ReportFunction.values())
          .filter(f -> !window.singleDay() || f.acceptsDate())
          .forEach(functions::add);
    } else {
      for (String name : reports) {
        ReportFunction f = ReportFunction.byGraphName(name).orElseThrow(() -> new CliException(
            ExitCodes.USAGE, "unknown report '" + name + "'; supported: " + String.join(", ",
                Arrays.stream(ReportFunction.values()).map(ReportFunction::graphName).toList())));
        if (window.singleDay() && !f.acceptsDate()) {
          throw new CliException(ExitCodes.USAGE, f.graphName()
              + " accepts --period only; --date writes detail reports");
        }
        if (!functions.contains(f)) {
          functions.add(f);
        }
      }
    }
    ConcealmentSecrets secrets = null;
    if (conceal) {
      String env = System.getenv(SECRET_ENV);
      if (env != null && env.getBytes(StandardCharsets.UTF_8).length >= 16) {
        secrets = InMemoryConcealmentSecrets.of(env.getBytes(StandardCharsets.UTF_8));
      } else {
        console.warning((env == null ? SECRET_ENV + " is not set" : SECRET_ENV
            + " is shorter than 16 bytes") + ": concealing with the built-in secret, whose tokens"
            + " anyone can reproduce by guessing names; set a private secret for real use");
        secrets = InMemoryConcealmentSecrets.of(BUILT_IN_SECRET);
      }
    }
    ReportJob job = new ReportJob(tenantId, tenantName == null ? tenantId.value() : tenantName,
        window, functions, secrets);
    Consumer<RejectedLine> onRejected = skipInvalid
        ? rejected -> console.warning("skipped " + rejected)
        : ActivityEventReader.failFast();
    long eventBytes = Files.isRegularFile(events) ? Files.size(events) : 0;
    ReportJob.Result result = job.run(users, groups, events, onRejected,
        done -> console.progress("reading events", done, eventBytes));
    CliException.outputFolder("--out", out);
    for (ReportTable table : result.tables()) {
      boolean json = format.equals("json");
      AtomicFiles.write(out.resolve(table.function().graphName() + "." + format),
          o -> {
            if (json) {
              ReportWriter.writeJson(table, o);
            } else {
              ReportWriter.writeCsv(table, o);
            }
          });
    }
    console.summary("wrote " + result.tables().size() + " report(s) to " + out + " ("
        + result.users() + " users, " + result.events().accepted() + " events accepted, "
        + result.events().rejected() + " rejected line(s) skipped)");
    return ExitCodes.OK;
  }

  private static LocalDate date(String option, String value) {
    try {
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new CliException(ExitCodes.USAGE, option + " must be a date YYYY-MM-DD, got '" + value
        + "'");
  }
}
