package io.tenantry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code tenantry} command. Subcommands are registered in {@link #SUBCOMMANDS}; each
 * is a thin shell over a library module (the CLI is never a second implementation).
 */
@Command(name = "tenantry", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Tenantry: the administration backbone of Microsoft 365 for multi-tenant products.",
        "Exit codes: 0 ok, 1 checks failed, 64 bad command line, 65 bad input data,",
        "66 input missing, 70 internal error, 73 cannot create, 75 temporary failure."},
    subcommandsRepeatable = false)
public final class TenantryCommand implements Callable<Integer> {

  /**
   * The subcommand classes, in the order {@code --help} lists them. A later module adds its
   * command here.
   */
  static final Class<?>[] SUBCOMMANDS = {
      DemoCommand.class,
      ReportsCommand.class,
      ScoreCommand.class,
      ImportGraphCommand.class,
      AuthzCommand.class,
      GroupsCommand.class,
      StoreCommand.class,
      ServiceDeskCommand.class,
      MessagesCommand.class,
      HealthCommand.class,
  };

  @Mixin
  GlobalOptions global;

  /** The raw standard output, for commands that write bytes ({@code store get}); set by {@link Main}. */
  java.io.PrintStream rawOut = System.out;

  @Spec
  CommandSpec spec;

  /**
   * Runs when no subcommand was given: prints the usage to standard error and exits 64.
   *
   * @return {@link ExitCodes#USAGE}
   */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return ExitCodes.USAGE;
  }
}
