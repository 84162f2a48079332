package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArguments_printsUsageToStderr_exits64() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("Usage: tenantry");
    assertThat(out.size()).isZero();
  }

  @Test
  void help_printsUsageToStdout_exits0() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: tenantry").contains("--quiet");
  }

  @Test
  void version_printsProjectVersion_exits0() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tenantry ").contains("Java ");
  }

  @Test
  void unknownOption_isABadCommandLine_exits64() {
    assertThat(run("--bogus")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("tenantry: error: Unknown option: '--bogus'");
  }

  @Test
  void folderGivenAsInputFile_exits66NamingIt(@TempDir Path tmp) {
    String dir = tmp.toString();

    assertThat(run("groups", "simulate", dir)).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(err()).contains("tenantry: error: cannot read " + dir + " (FILE.yaml): it is a folder");
    assertThat(run("score", "--users", dir, "--events", dir, "--as-of", "2026-06-30"))
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run("reports", "--users", dir, "--events", dir, "--as-of", "2026-06-30",
        "--period", "D7", "--out", tmp.resolve("r").toString())).isEqualTo(ExitCodes.NO_INPUT);
  }

  @Test
  void outputThatCannotBeCreated_exits73NamingIt(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("afile"), "x");

    assertThat(run("demo", "--out", file.toString())).isEqualTo(ExitCodes.CANNOT_CREATE);
    assertThat(err()).contains("--out " + file + " exists and is not a folder");
    assertThat(Files.readString(file)).isEqualTo("x");
    err.reset();
    Path under = file.resolve("score.json");
    assertThatCode(() -> AtomicFiles.writeString(under, "{}"))
        .isInstanceOfSatisfying(CliException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCodes.CANNOT_CREATE);
          assertThat(e.getMessage()).startsWith("cannot create " + under + ": ")
              .doesNotContain(".tmp");
        });
  }

  @Test
  void badDate_exits64InWords_withoutJavaExceptionText() {
    assertThat(run("demo", "--as-of", "2026-13-01")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("must be a date YYYY-MM-DD, got '2026-13-01'")
        .doesNotContain("java.time").doesNotContain("Exception");
  }

  @Test
  void report_validationProblems_eachOnItsOwnLine_exit65() {
    Console console = new Console(new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
    ValidationException e = new ValidationException(List.of(
        new Problem("policy.lifetimeDays", "must be at least 30", "10", new SourceLocation("p.yaml", 4)),
        Problem.of("policy.selected", "has more than 500 groups", 501)));
    assertThat(Main.report(e, console, false, System.err)).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(err().lines()).containsExactly(
        "tenantry: error: policy.lifetimeDays: must be at least 30 (value '10') (p.yaml:4)",
        "tenantry: error: policy.selected: has more than 500 groups (value '501')");
  }

  @Test
  void report_mapsFailuresToSysexits() {
    Console console = new Console(new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
    assertThat(Main.report(new NoSuchFileException("users.csv"), console, false, System.err))
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(Main.report(new NotFoundException("key 'a' not found"), console, false, System.err))
        .isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(Main.report(new CliException(ExitCodes.TEMPORARY_FAILURE, "quorum"), console, false,
        System.err)).isEqualTo(ExitCodes.TEMPORARY_FAILURE);
    assertThat(Main.report(new IllegalStateException("bug"), console, false, System.err))
        .isEqualTo(ExitCodes.SOFTWARE);
    assertThat(err()).contains("tenantry: error: cannot read users.csv: no such file")
        .contains("run with --debug for details").doesNotContain("at io.tenantry");
  }

  @Test
  void outOfMemory_isOneErrorLine_exits70_traceOnlyWithDebug() {
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.reportFatal(new OutOfMemoryError("Java heap space"), false, e))
        .isEqualTo(ExitCodes.SOFTWARE);
    assertThat(err()).startsWith("tenantry: error: out of memory: ").contains("Java heap space")
        .contains("TENANTRY_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    assertThat(err().lines().count()).isOne();
    err.reset();
    assertThat(Main.reportFatal(new StackOverflowError(), true, e)).isEqualTo(ExitCodes.SOFTWARE);
    assertThat(err()).startsWith("tenantry: error: internal error: java.lang.StackOverflowError")
        .contains("\tat ");
  }
}
