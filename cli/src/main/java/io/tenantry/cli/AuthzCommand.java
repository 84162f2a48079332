package io.tenantry.cli;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.identity.scenario.Scenario;
import io.tenantry.identity.scenario.ScenarioLoader;
import io.tenantry.identity.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry authz}: authorization tools. Its one subcommand, {@code test}, runs scenario
 * files through the identity module's Authorizer ({@code cli.md}, "tenantry authz test").
 */
@Command(name = "authz", mixinStandardHelpOptions = true,
    description = "Authorization tools (see 'tenantry authz test --help').",
    subcommands = AuthzCommand.Test.class)
public final class AuthzCommand extends CommandGroup {
  /**
   * {@code tenantry authz test FILE.yaml ...}: reads every file (refusing malformed ones with every
   * problem and its line, exit 65), runs their checks and lists, prints one line per failed check
   * (every check with {@code --explain}) and {@code N passed, M failed} on standard output, and
   * exits 0 when all pass, 1 otherwise.
   *
   * <p>Every file is read before anything runs, and every file's problems are reported ({@code
   * cli.md} rule 11): a missing or unreadable file does not hide the problems of a malformed one.
   * When files are missing or unreadable and others malformed, the exit code is 66 (cli.md's table
   * does not rank mixed failures; a file that could not be read at all is taken as the more severe,
   * and 66 is also what a missing file alone gives), after every problem of every file.
   */
  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Run authorization scenario files (tenants, role assignments, checks, lists).",
          "Prints one line per failed check and 'N passed, M failed'.",
          "Exit 0 all passed, 1 some failed, 65 malformed file, 66 missing file."})
  static final class Test implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.yaml", description = "Scenario files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--explain", description = "Print every check's decision and the assignment that decided it.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
      List<Scenario> scenarios = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      // Every file's problems in command-line order: its refusal lines, or its YAML problems.
      List<String> messages = new ArrayList<>();
      int unreadable = 0;
      int malformed = 0;
      for (Path f : files) {
        try {
          scenarios.add(ScenarioLoader.load(f));
        } catch (ValidationException e) {
          malformed++;
          problems.addAll(e.problems());
          e.problems().forEach(p -> messages.add(p.toString()));
        } catch (java.nio.file.NoSuchFileException e) {
          unreadable++;
          messages.add("cannot read " + f + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
          unreadable++;
          messages.add("cannot read " + f + ": permission denied");
        } catch (java.io.IOException e) {
          unreadable++;
          messages.add("cannot read " + f + ": " + e.getMessage());
        }
      }
      if (unreadable > 0) {
        if (unreadable == 1 && malformed == 0) {
          throw new CliException(ExitCodes.NO_INPUT, messages.get(0));
        }
        Console console = Console.of(spec);
        messages.forEach(console::error);
        throw new CliException(ExitCodes.NO_INPUT, unreadable + " of " + files.size()
            + " scenario files could not be read" + (malformed == 0 ? "" : " and " + malformed + " malformed")
            + "; no check was run");
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      ScenarioRunner.Report total = new ScenarioRunner.Report(0, 0, List.of());
      for (Scenario s : scenarios) {
        total = total.plus(ScenarioRunner.run(s, explain));
      }
      PrintWriter out = spec.commandLine().getOut();
      total.lines().forEach(out::println);
      out.println(total.summary());
      out.flush();
      return total.failed() == 0 ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }
  }
}
