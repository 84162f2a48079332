package io.tenantry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of a command that only groups subcommands ({@code authz}, {@code groups}, {@code
 * store}, {@code messages}, {@code health}): called without a subcommand, it prints its usage to
 * standard error and exits 64, as {@code cli.md} asks of a bad command line.
 */
abstract class CommandGroup implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /**
   * Prints the usage and exits 64: the command needs a subcommand.
   *
   * @return {@link ExitCodes#USAGE}
   */
  @Override
  public final Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
