package io.tenantry.cli;

import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.simulation.EventJson;
import io.tenantry.groups.simulation.Simulation;
import io.tenantry.groups.simulation.SimulationFile;
import io.tenantry.groups.simulation.SimulationReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry groups}: the group lifecycle commands. Its one subcommand, {@code simulate},
 * runs the lifecycle engine over a policy file (see {@code cli.md}).
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
    description = "Group lifecycle: simulate an expiration policy.",
    subcommands = GroupsCommand.Simulate.class)
public final class GroupsCommand extends CommandGroup {
  /**
   * {@code tenantry groups simulate FILE.yaml}: prints the events the lifecycle engine would cause,
   * one JSON object per line on standard output; warnings (ignored actions, selected ids that are
   * not Microsoft 365 groups) go to standard error. Exit 0, 65 for an invalid file (every problem
   * listed with its line), 66 when the file is missing.
   */
  @Command(name = "simulate", mixinStandardHelpOptions = true,
      description = {"Run the group lifecycle engine over a date range and print the events it",
          "would cause, one JSON object per line."})
  static final class Simulate implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The simulation file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      CliException.inputFile("FILE.yaml", file);
      SimulationFile input = SimulationReader.read(file);
      Simulation.Result result = Simulation.run(input);
      TenantryCommand top = (TenantryCommand) spec.root().userObject();
      PrintWriter err = spec.commandLine().getErr();
      for (String w : result.warnings()) {
        err.println("tenantry: warning: " + w);
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder sb = new StringBuilder();
      for (LifecycleEvent e : result.events()) {
        sb.append(EventJson.line(e)).append('\n');
      }
      out.print(sb);
      out.flush();
      if (!top.global.quiet()) {
        err.println("tenantry: simulated " + input.from() + " to " + input.to() + " for tenant "
            + input.tenant() + ": " + result.events().size() + " events, "
            + result.warnings().size() + " warnings (" + input.fileName() + ")");
        err.flush();
      }
      return ExitCodes.OK;
    }
  }
}
