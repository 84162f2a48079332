package io.tenantry.cli;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.EventReadSummary;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import io.tenantry.reports.score.Peers;
import io.tenantry.reports.score.ScoreJson;
import io.tenantry.reports.score.UsageScore;
import io.tenantry.reports.score.UsageScoreEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry score}: the Usage Score of {@code usage-score.md} as {@code score.json}, written
 * to {@code --out} (atomically) or to standard output. The first rejected line of {@code
 * events.jsonl} stops the run with exit 65.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Compute the Usage Score of one tenant and write score.json.",
        "Scenarios, maturity levels, total, 180-day history, peers, group views and",
        "recommendations, as usage-score.md defines them.",
        "Exit 65 for bad input data, 66 for a missing file."})
public final class ScoreCommand implements Callable<Integer> {

  @Option(names = "--users", required = true, paramLabel = "users.csv",
      description = "The directory snapshot.")
  Path users;

  @Option(names = "--events", required = true, paramLabel = "events.jsonl",
      description = "The activity events.")
  Path events;

  @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD",
      description = "The as-of day R; the window is R-27 .. R.")
  LocalDate asOf;

  @Option(names = "--tenant", defaultValue = "default", paramLabel = "ID",
      description = "The tenant id (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(names = "--peers", paramLabel = "peers.json",
      description = "Peer values per scenario, e.g. {\"Communication\": 55.0}.")
  Path peers;

  @Option(names = "--out", paramLabel = "score.json",
      description = "Where to write score.json (default: standard output).")
  Path out;

  @Spec
  CommandSpec spec;

  /**
   * Reads the inputs, computes the score and writes it.
   *
   * @return 0 on success
   * @throws Exception for unreadable or invalid input (mapped to exit codes by {@link Main})
   */
  @Override
  public Integer call() throws Exception {
    TenantId id = CliException.option("--tenant", () -> TenantId.of(tenant));
    CliException.inputFile("--users", users);
    CliException.inputFile("--events", events);
    CliException.inputFile("--peers", peers);
    Console console = Console.of(spec);
    Peers peerValues = peers == null ? Peers.none() : Peers.read(peers);
    UserDirectory directory = UsersCsvReader.read(id, users);
    UsageScoreEngine.Computation computation = UsageScoreEngine.create().start(id, directory, asOf);
    EventReadSummary read = ActivityEventReader.of(directory)
        .read(events, computation, ActivityEventReader.failFast());
    UsageScore score = computation.finish(peerValues);
    byte[] json = ScoreJson.toBytes(score);
    if (out == null) {
      spec.commandLine().getOut().print(new String(json, StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    } else {
      AtomicFiles.write(out, (AtomicFiles.StreamBody) o -> o.write(json));
    }
    console.summary("score of " + id + " as of " + asOf + ": "
        + (score.total().percent() == null ? "no applicable scenario"
            : score.total().percent().toPlainString() + "% (" + score.total().points()
                .toPlainString() + " of " + score.total().max() + " points)")
        + ", " + directory.size() + " users, " + read.accepted() + " events"
        + (out == null ? "" : ", written to " + out));
    return ExitCodes.OK;
  }
}
