package io.tenantry.cli;

/**
 * A failure a subcommand reports to the user with a specific exit code; {@link Main} prints its
 * message as {@code tenantry: error: …} and exits with {@link #exitCode()}.
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /**
   * Creates the exception.
   *
   * @param exitCode one of {@link ExitCodes}
   * @param message what went wrong, naming the file and line when known
   */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * Creates the exception with its cause.
   *
   * @param exitCode one of {@link ExitCodes}
   * @param message what went wrong
   * @param cause the underlying failure (printed with {@code --debug})
   */
  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * Parses a command-line value with a validating factory; a value the factory refuses is a bad
   * command line (exit 64) whose message names the option and every problem.
   *
   * @param option the option, e.g. {@code "--tenant"}
   * @param parse the factory, e.g. {@code () -> TenantId.of(tenant)}
   * @param <T> the parsed type
   * @return the parsed value
   * @throws CliException with {@link ExitCodes#USAGE} if the factory throws a
   *     {@link io.tenantry.core.error.ValidationException}
   */
  public static <T> T option(String option, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (io.tenantry.core.error.ValidationException e) {
      throw new CliException(ExitCodes.USAGE, option + ": " + e.problems().stream()
          .map(Object::toString).collect(java.util.stream.Collectors.joining("; ")), e);
    }
  }

  /**
   * Returns the exit code the command ends with.
   *
   * @return one of {@link ExitCodes}
   */
  public int exitCode() {
    return exitCode;
  }
}
