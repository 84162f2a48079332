package io.tenantry.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of {@link Main#run}, as a process would see it: the exit code and what it wrote to
 * standard output and standard error.
 *
 * @param exitCode the exit code
 * @param out standard output, UTF-8
 * @param err standard error, UTF-8
 */
record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs the CLI.
   *
   * @param args the command line
   * @return what the run returned and printed
   */
  static CommandRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CommandRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
