package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantry reports} and {@code tenantry import-graph} through {@link Main#run}: the reports
 * module's golden files (checked by hand against activity-events.md) are reproduced byte for byte,
 * and bad input gets the exit codes of cli.md.
 */
class ReportsCommandTest {
  private static final Path RES = Path.of("..", "reports", "src", "test", "resources");
  private static final Path FIX = RES.resolve("fixtures/basic");
  private static final Path GOLDEN = RES.resolve("golden/basic");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void reports_fixturesD7_reproduceGoldenFilesByteForByte(@TempDir Path out) throws IOException {
    Run r = run("reports", "--users", FIX.resolve("users.csv").toString(), "--groups",
        FIX.resolve("groups.csv").toString(), "--events", FIX.resolve("events.jsonl").toString(),
        "--as-of", "2026-06-30", "--period", "D7", "--tenant-name", "Contoso", "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrote 31 report(s)").contains("38 events accepted");
    List<Path> golden = files(GOLDEN.resolve("d7"));
    assertThat(files(out)).extracting(p -> p.getFileName().toString())
        .isEqualTo(golden.stream().map(p -> p.getFileName().toString()).toList());
    for (Path g : golden) {
      assertThat(Files.readAllBytes(out.resolve(g.getFileName().toString()))).as(g.toString())
          .isEqualTo(Files.readAllBytes(g));
    }
  }

  @Test
  void reports_singleDateAndJson_reproduceGoldenFiles(@TempDir Path out) throws IOException {
    Run r = run("reports", "--users", FIX.resolve("users.csv").toString(), "--groups",
        FIX.resolve("groups.csv").toString(), "--events", FIX.resolve("events.jsonl").toString(),
        "--as-of", "2026-06-30", "--date", "2026-06-29", "--out", out.resolve("date").toString(),
        "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    for (Path g : files(GOLDEN.resolve("date-2026-06-29"))) {
      assertThat(Files.readAllBytes(out.resolve("date").resolve(g.getFileName().toString())))
          .as(g.toString()).isEqualTo(Files.readAllBytes(g));
    }
    r = run("reports", "--users", FIX.resolve("users.csv").toString(), "--groups",
        FIX.resolve("groups.csv").toString(), "--events", FIX.resolve("events.jsonl").toString(),
        "--as-of", "2026-06-30", "--period", "D7", "--format", "json", "--report",
        "getTeamsUserActivityUserDetail", "--report", "getM365AppUserCounts", "--report",
        "getoffice365activeuserdetail", "--out", out.resolve("json").toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (Path g : files(GOLDEN.resolve("json-d7"))) {
      assertThat(Files.readAllBytes(out.resolve("json").resolve(g.getFileName().toString())))
          .as(g.toString()).isEqualTo(Files.readAllBytes(g));
    }
  }

  private static Path badEvents(Path dir) throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "{\"user\":\"u1\",\"date\":\"2026-06-30\",\"workload\":\"Teams\","
        + "\"activity\":\"Call\"}\n{\"user\":\"u1\",\"date\":\"2026-06-30\",\"workload\":\"Teams\","
        + "\"activity\":\"Dance\"}\n{\"user\":\"u1\",\"date\":\"2026-06-30\","
        + "\"workload\":\"Teams\",\"activity\":\"Call\",\"tenant\":\"fabrikam\"}\n");
    return events;
  }

  @Test
  void reports_rejectedLine_exits65AtFirstAndWritesNothing(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Run r = run("reports", "--users", FIX.resolve("users.csv").toString(), "--events",
        badEvents(dir).toString(), "--as-of", "2026-06-30", "--period", "D7", "--out",
        out.toString());
    assertThat(r.code()).isEqualTo(65);
    assertThat(r.err()).contains("tenantry: error: activity: unknown activity for workload Teams")
        .contains("events.jsonl:2").doesNotContain("events.jsonl:3");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void reports_skipInvalid_reportsEveryRejectedLineAndCountsThem(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Run r = run("reports", "--users", FIX.resolve("users.csv").toString(), "--events",
        badEvents(dir).toString(), "--as-of", "2026-06-30", "--period", "D7", "--skip-invalid",
        "--tenant", "contoso", "--report", "getTeamsUserActivityCounts", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("tenantry: warning: skipped activity: unknown activity")
        .contains("events.jsonl:2").contains("tenant: belongs to another tenant")
        .contains("events.jsonl:3").contains("1 events accepted, 2 rejected line(s) skipped");
    assertThat(Files.readString(out.resolve("getTeamsUserActivityCounts.csv")))
        .contains("2026-06-30,2026-06-30,0,0,0,0,1,0,");
  }

  @Test
  void reports_badCommandLine_exits64AndMissingFileExits66(@TempDir Path dir) {
    String users = FIX.resolve("users.csv").toString();
    String events = FIX.resolve("events.jsonl").toString();
    String out = dir.resolve("o").toString();
    assertThat(run("reports", "--users", users, "--events", events, "--as-of", "2026-06-30",
        "--period", "D14", "--out", out).code()).isEqualTo(64);
    assertThat(run("reports", "--users", users, "--events", events, "--as-of", "2026-06-30",
        "--date", "2026-06-01", "--out", out).code()).isEqualTo(64);
    assertThat(run("reports", "--users", users, "--events", events, "--as-of", "2026-06-30",
        "--date", "2026-06-29", "--report", "getEmailActivityCounts", "--out", out).code())
        .isEqualTo(64);
    assertThat(run("reports", "--users", users, "--events", events, "--as-of", "2026-06-30",
        "--period", "D7", "--date", "2026-06-29", "--out", out).code()).isEqualTo(64);
    assertThat(run("reports", "--users", users, "--events", events, "--as-of", "2026-06-30",
        "--period", "D7", "--report", "getNothing", "--out", out).code()).isEqualTo(64);
    assertThat(run("reports", "--users", dir.resolve("missing.csv").toString(), "--events",
        events, "--as-of", "2026-06-30", "--period", "D7", "--out", out).code()).isEqualTo(66);
  }

  @Test
  void importGraph_goldenReports_areAllRecognised() {
    Run r = run("import-graph", GOLDEN.resolve("d7").toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(32);
    assertThat(lines.get(0)).startsWith("file\tfunction\trows");
    assertThat(lines).contains("getEmailActivityUserDetail.csv\tgetEmailActivityUserDetail\t4"
        + "\tno\t\t");
    Run concealed = run("import-graph", GOLDEN.resolve("conceal-d7").toString());
    assertThat(concealed.out()).contains("getTeamsUserActivityUserDetail\t4\tyes");
  }

  @Test
  void importGraph_score_printsCommunicationAndWhyTheOtherScenariosAreNotComputable() {
    Run r = run("import-graph", "--score", GOLDEN.resolve("d7").toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).contains("scenario\tnumerator\tdenominator\tpoints\tmaturity (over the "
        + "exports' D7)");
    assertThat(lines).anyMatch(l -> l.startsWith("Communication\t"));
    for (String s : List.of("Content collaboration", "Teamwork", "Meetings", "Mobility",
        "Data protection")) {
      assertThat(lines).anyMatch(l -> l.startsWith(s + "\t-\t-\t-\tnot computable: "));
    }
  }
}
