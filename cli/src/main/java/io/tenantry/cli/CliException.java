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
   * Refuses a folder given where an input file is expected: exit 66 ("input file missing or
   * unreadable"), naming the option and the path. A missing file is left to the reader, which
   * fails with {@link java.nio.file.NoSuchFileException} (also exit 66).
   *
   * @param option the option, e.g. {@code "--users"}, or the parameter's label
   * @param file the path given, or null when the option was not given
   * @throws CliException with {@link ExitCodes#NO_INPUT} if {@code file} is a folder
   */
  public static void inputFile(String option, java.nio.file.Path file) {
    if (file != null && java.nio.file.Files.isDirectory(file)) {
      throw new CliException(ExitCodes.NO_INPUT, "cannot read " + file + " (" + option
          + "): it is a folder, not a file");
    }
  }

  /**
   * Creates an output folder (and its parents) or refuses it: exit 73 ("cannot create") when the
   * path is an existing file or cannot be created, naming the option, the path and the reason.
   *
   * @param option the option, e.g. {@code "--out"}
   * @param dir the folder
   * @throws CliException with {@link ExitCodes#CANNOT_CREATE} if the folder cannot be made
   */
  public static void outputFolder(String option, java.nio.file.Path dir) {
    if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
      throw new CliException(ExitCodes.CANNOT_CREATE, option + " " + dir
          + " exists and is not a folder");
    }
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new CliException(ExitCodes.CANNOT_CREATE, "cannot create " + option + " " + dir
          + ": " + AtomicFiles.reason(e), e);
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
