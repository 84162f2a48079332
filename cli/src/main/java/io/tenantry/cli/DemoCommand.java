package io.tenantry.cli;

import io.tenantry.cli.demo.DemoRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry demo}: the main job. Builds a synthetic organisation of two tenants, runs every
 * engine on it and writes reports, scores, lifecycle events, an encrypted store and a dashboard
 * to an output folder (see {@code cli.md}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run every engine on a synthetic organisation and write a dashboard.",
        "Two tenants (contoso, fabrikam) with users, groups, admin units and activity; writes",
        "reports, Usage Scores, lifecycle events, an encrypted store and dashboard.html to --out."})
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "tenantry-demo",
      description = "Output folder (default: ${DEFAULT-VALUE}); reused when it exists.")
  Path out;

  @Option(names = "--users", paramLabel = "N", defaultValue = "2000",
      description = "Users across both tenants, at least 20 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--days", paramLabel = "N", defaultValue = "180",
      description = "Days of activity ending at --as-of, 1-400 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the synthetic organisation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2026-06-30",
      description = "The last day of activity, YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
  LocalDate asOf;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (users < 20) {
      throw new CliException(ExitCodes.USAGE, "--users must be at least 20, got " + users);
    }
    if (days < 1 || days > 400) {
      throw new CliException(ExitCodes.USAGE, "--days must be between 1 and 400, got " + days);
    }
    CliException.outputFolder("--out", out);
    Console console = Console.of(spec);
    DemoRun.Summary summary = new DemoRun(out, seed, users, days, asOf, console).run();
    console.endProgress();
    spec.commandLine().getOut().print(summary.table());
    spec.commandLine().getOut().flush();
    console.summary(summary.line());
    return ExitCodes.OK;
  }
}
