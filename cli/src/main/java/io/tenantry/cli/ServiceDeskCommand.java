package io.tenantry.cli;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import io.tenantry.reports.servicedesk.ServiceDeskFiles;
import io.tenantry.reports.servicedesk.ServiceDeskReport;
import io.tenantry.reports.servicedesk.ServiceDeskTrends;
import io.tenantry.reports.servicedesk.Ticket;
import io.tenantry.reports.servicedesk.TicketsCsvReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry servicedesk}: weekly service-desk trend tables and spikes, written to {@code
 * --out} as {@code servicedesk-trends.csv}, {@code servicedesk-spikes.csv} and {@code
 * servicedesk.json} (atomically).
 */
@Command(name = "servicedesk", mixinStandardHelpOptions = true,
    description = {"Compute weekly service-desk trends per workload, with their spikes.",
        "Volume, volume per active user, time to resolve, escalation rates, newly migrated",
        "vs run-state callers, and spikes.",
        "Writes servicedesk-trends.csv, servicedesk-spikes.csv and servicedesk.json to --out.",
        "Exit 65 for bad input data, 66 for a missing file."})
public final class ServiceDeskCommand implements Callable<Integer> {

  @Option(names = "--tickets", required = true, paramLabel = "tickets.csv",
      description = "The tickets (columns documented in README.md).")
  Path tickets;

  @Option(names = "--users", required = true, paramLabel = "users.csv",
      description = "The directory snapshot (an optional Migration Date column).")
  Path users;

  @Option(names = "--events", paramLabel = "events.jsonl",
      description = "Activity events, for active users and the normalized volume.")
  Path events;

  @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD",
      description = "The last day of the last week.")
  LocalDate asOf;

  @Option(names = "--weeks", defaultValue = "26", paramLabel = "N",
      description = "Weeks to report (default: ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--threshold", defaultValue = "3.5", paramLabel = "Z",
      description = "Robust z-score at or above which a rise is a spike (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--tenant", defaultValue = "default", paramLabel = "ID",
      description = "The tenant id (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write the tables to (created when missing).")
  Path out;

  @Spec
  CommandSpec spec;

  /**
   * Reads the inputs, computes the trends and writes the tables.
   *
   * @return 0 on success
   * @throws Exception for unreadable or invalid input (mapped to exit codes by {@link Main})
   */
  @Override
  public Integer call() throws Exception {
    TenantId id = CliException.option("--tenant", () -> TenantId.of(tenant));
    ServiceDeskTrends.Options options;
    try {
      options = new ServiceDeskTrends.Options(asOf, weeks, threshold);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    }
    CliException.inputFile("--tickets", tickets);
    CliException.inputFile("--users", users);
    CliException.inputFile("--events", events);
    Console console = Console.of(spec);
    UserDirectory directory = UsersCsvReader.read(id, users);
    ServiceDeskTrends.Computation computation = ServiceDeskTrends.start(id, directory, options);
    if (events != null) {
      computation.eventsGiven();
      ActivityEventReader.of(directory).read(events, computation, ActivityEventReader.failFast());
    }
    List<Ticket> list = TicketsCsvReader.read(id, tickets, directory);
    ServiceDeskReport report = computation.finish(list);
    // made once the inputs have been read: a run refused for bad input creates no --out folder
    CliException.outputFolder("--out", out);
    AtomicFiles.write(out.resolve(ServiceDeskFiles.TRENDS_CSV),
        (AtomicFiles.StreamBody) o -> o.write(ServiceDeskFiles.trendsCsv(report)));
    AtomicFiles.write(out.resolve(ServiceDeskFiles.SPIKES_CSV),
        (AtomicFiles.StreamBody) o -> o.write(ServiceDeskFiles.spikesCsv(report)));
    AtomicFiles.write(out.resolve(ServiceDeskFiles.JSON),
        (AtomicFiles.StreamBody) o -> o.write(ServiceDeskFiles.json(report)));
    console.summary("service desk of " + id + ": " + list.size() + " tickets, " + weeks
        + " weeks to " + asOf + ", " + report.spikes().size() + " spikes, written to " + out);
    return ExitCodes.OK;
  }
}
