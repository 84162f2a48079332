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
   * Returns the exit code the command ends with.
   *
   * @return one of {@link ExitCodes}
   */
  public int exitCode() {
    return exitCode;
  }
}
