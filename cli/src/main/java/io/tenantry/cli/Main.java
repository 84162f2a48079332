package io.tenantry.cli;

import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.TenantryException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The entry point of the {@code tenantry} command: parses the command line, runs the subcommand and
 * maps failures to the exit codes and messages of {@code cli.md}.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command without exiting, for tests and embedding.
   *
   * @param args the command line
   * @param out standard output (the command's data)
   * @param err standard error (messages, progress, summary)
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    TenantryCommand top = new TenantryCommand();
    top.rawOut = out;
    CommandLine cl = new CommandLine(top);
    for (Class<?> sub : TenantryCommand.SUBCOMMANDS) {
      cl.addSubcommand(sub);
    }
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // dates say what is wrong in words, not with the parser's exception text (cli.md: no Java
    // exception text unless --debug); registered once the subcommands are added, so all use it
    cl.registerConverter(java.time.LocalDate.class, Main::date);
    cl.setParameterExceptionHandler((ParameterException e, String[] a) -> {
      err.println("tenantry: error: " + e.getMessage());
      e.getCommandLine().usage(err);
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean debug = parseResult.matchedOptionValue("--debug", false)
          || java.util.Arrays.asList(args).contains("--debug");
      return report(e, new Console(err, false, false), debug, err);
    });
    if (args.length == 0) {
      cl.usage(err);
      return ExitCodes.USAGE;
    }
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli hands on errors, which are not exceptions; cli.md still wants one line, exit 70
      return reportFatal(e, java.util.Arrays.asList(args).contains("--debug"), err);
    }
  }

  /**
   * Prints a virtual-machine error that ended a command (the heap or the stack ran out) the way
   * {@code cli.md} asks: one {@code tenantry: error:} line, the stack trace only with
   * {@code --debug}.
   *
   * @param e the error
   * @param debug whether to print the stack trace
   * @param err standard error
   * @return {@link ExitCodes#SOFTWARE}
   */
  static int reportFatal(VirtualMachineError e, boolean debug, PrintStream err) {
    new Console(err, false, false).error(e instanceof OutOfMemoryError
        ? "out of memory: the input or options need more heap than this JVM has (" + e.getMessage()
            + "); give it more with TENANTRY_JAVA_OPTS=-Xmx... or ask for less"
        : "internal error: " + e + (debug ? "" : " (run with --debug for details)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return ExitCodes.SOFTWARE;
  }

  /**
   * Reads a command-line date, {@code YYYY-MM-DD}.
   *
   * @param value the text given
   * @return the date
   * @throws CommandLine.TypeConversionException naming the expected form and the value
   */
  static java.time.LocalDate date(String value) {
    try {
      return java.time.LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("must be a date YYYY-MM-DD, got '" + value
          + "'");
    }
  }

  /**
   * Prints a failure the way {@code cli.md} asks and returns its exit code.
   *
   * @param e the failure
   * @param console where to print
   * @param debug whether to print the stack trace
   * @param err the raw error stream, for stack traces
   * @return the exit code
   */
  static int report(Exception e, Console console, boolean debug, PrintStream err) {
    int code;
    if (e instanceof CliException c) {
      console.error(c.getMessage());
      code = c.exitCode();
    } else if (e instanceof ValidationException v) {
      for (Problem p : v.problems()) {
        console.error(p.toString());
      }
      code = ExitCodes.DATA_ERROR;
    } else if (e instanceof NotFoundException) {
      console.error(e.getMessage());
      code = ExitCodes.DATA_ERROR;
    } else if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
      console.error("cannot read " + e.getMessage() + ": no such file");
      code = ExitCodes.NO_INPUT;
    } else if (e instanceof AccessDeniedException) {
      console.error("cannot read " + e.getMessage() + ": permission denied");
      code = ExitCodes.NO_INPUT;
    } else if (e instanceof TenantryException) {
      console.error(e.getMessage());
      code = ExitCodes.DATA_ERROR;
    } else {
      console.error("internal error: " + e + (debug ? "" : " (run with --debug for details)"));
      code = ExitCodes.SOFTWARE;
    }
    if (debug) {
      e.printStackTrace(err);
    }
    return code;
  }
}
