package io.tenantry.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The command's standard error channel: errors, warnings, progress and the final summary, in the
 * formats of {@code cli.md} ({@code tenantry: error: …}, {@code tenantry: warning: …}). Standard
 * output is left to the commands' data.
 */
public final class Console {
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean interactive;

  /**
   * Creates a console.
   *
   * @param err where messages go (standard error)
   * @param quiet whether progress and summaries are silenced
   * @param interactive whether standard error is a terminal (progress bars are drawn only then)
   */
  public Console(PrintStream err, boolean quiet, boolean interactive) {
    this(new PrintWriter(Objects.requireNonNull(err, "err"), true), quiet, interactive);
  }

  /**
   * Creates a console over a writer (picocli's error writer).
   *
   * @param err where messages go
   * @param quiet whether progress and summaries are silenced
   * @param interactive whether standard error is a terminal (progress bars are drawn only then)
   */
  public Console(PrintWriter err, boolean quiet, boolean interactive) {
    this.err = Objects.requireNonNull(err, "err");
    this.quiet = quiet;
    this.interactive = interactive;
  }

  /**
   * Creates the console of a running subcommand: picocli's error writer, {@code --quiet} from the
   * top command, and progress bars only when a terminal is attached.
   *
   * @param spec the running command's spec
   * @return the console
   */
  public static Console of(picocli.CommandLine.Model.CommandSpec spec) {
    Object top = spec.root().userObject();
    boolean quiet = top instanceof TenantryCommand t && t.global != null && t.global.quiet();
    return new Console(spec.commandLine().getErr(), quiet, stderrIsTerminal());
  }

  /**
   * Whether standard error is a terminal. Java has no portable test of one stream, so on Linux
   * this reads where file descriptor 2 points ({@code /dev/pts/N} or {@code /dev/ttyN}); elsewhere
   * it falls back to {@link System#console()}, which also needs standard input and output to be
   * terminals. So {@code tenantry demo > table.txt} still draws its bar on a terminal.
   */
  static boolean stderrIsTerminal() {
    java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
    try {
      String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /**
   * Prints {@code tenantry: error: <message>}.
   *
   * @param message what went wrong
   */
  public void error(String message) {
    err.println("tenantry: error: " + message);
    err.flush();
  }

  /**
   * Prints {@code tenantry: warning: <message>}; warnings are never silenced.
   *
   * @param message the warning
   */
  public void warning(String message) {
    clearProgress();
    err.println("tenantry: warning: " + message);
    err.flush();
  }

  /**
   * Prints the final one-line summary, unless {@code --quiet}.
   *
   * @param message the summary
   */
  public void summary(String message) {
    if (!quiet) {
      clearProgress();
      err.println("tenantry: " + message);
      err.flush();
    }
  }

  private boolean drewProgress;

  /**
   * Draws a progress bar when standard error is a terminal and {@code --quiet} is off.
   *
   * @param label what is being done
   * @param done units finished
   * @param total units in all (0 when unknown: then the count so far is shown without a bar)
   */
  public void progress(String label, long done, long total) {
    if (quiet || !interactive) {
      return;
    }
    if (total <= 0) {
      // no total to draw a bar against: the count so far
      err.print("\r" + label + ": " + done + "   ");
    } else {
      int width = 30;
      int filled = (int) Math.min(width, done * width / total);
      String bar = "#".repeat(filled) + "-".repeat(width - filled);
      err.print("\r" + label + " [" + bar + "] " + (done * 100 / total) + "%   ");
    }
    err.flush();
    drewProgress = true;
  }

  /**
   * Clears a progress bar drawn on the terminal, so what comes next (a table on standard output)
   * starts on a clean line. Does nothing when no bar is shown.
   */
  public void endProgress() {
    clearProgress();
  }

  private void clearProgress() {
    if (drewProgress) {
      err.print("\r" + " ".repeat(78) + "\r");
      drewProgress = false;
    }
  }
}
