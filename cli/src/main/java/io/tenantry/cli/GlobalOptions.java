package io.tenantry.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every subcommand accepts, before or after its name: {@code --quiet} and {@code
 * --debug}. Mixed into the top command with {@link ScopeType#INHERIT}.
 */
public final class GlobalOptions {
  @Option(names = "--quiet", scope = ScopeType.INHERIT,
      description = "Silence progress bars and the final summary.")
  boolean quiet;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  /**
   * Tells whether progress and summaries are silenced.
   *
   * @return true with {@code --quiet}
   */
  public boolean quiet() {
    return quiet;
  }

  /**
   * Tells whether errors print their stack trace.
   *
   * @return true with {@code --debug}
   */
  public boolean debug() {
    return debug;
  }
}
