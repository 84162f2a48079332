package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenantry score} on the small fixture (a copy of the reports module's golden fixture). */
class ScoreCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path tmp;

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String fixture(String name) {
    try {
      return Path.of(ScoreCommandTest.class.getResource("/score/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void score_smallFixtureWithPeers_writesTheGoldenScoreJson() throws IOException {
    Path target = tmp.resolve("score.json");

    int code = run("score", "--users", fixture("users.csv"), "--events", fixture("events.jsonl"),
        "--as-of", "2026-06-30", "--tenant", "contoso", "--peers", fixture("peers.json"),
        "--out", target.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(target)).isEqualTo(Files.readString(Path.of(fixture("score.json"))));
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("score of contoso as of 2026-06-30: 31.5% (188.8 of 600 points)");
  }

  @Test
  void score_withoutOut_printsJsonOnStandardOutput_defaultTenant() {
    int code = run("--quiet", "score", "--users", fixture("users.csv"), "--events",
        fixture("events.jsonl"), "--as-of", "2026-06-30");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\n  \"tenant\": \"default\",");
    assertThat(err.size()).isZero();
  }

  @Test
  void score_rejectedEventLine_exits65NamingTheLine() throws IOException {
    Path events = tmp.resolve("events.jsonl");
    Files.writeString(events, "{\"user\":\"u01\",\"date\":\"2026-06-01\",\"workload\":\"Exchange\","
        + "\"activity\":\"EmailSent\"}\n{\"user\":\"nobody\",\"date\":\"2026-06-01\","
        + "\"workload\":\"Exchange\",\"activity\":\"EmailSent\"}\n");

    int code = run("score", "--users", fixture("users.csv"), "--events", events.toString(),
        "--as-of", "2026-06-30");

    assertThat(code).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tenantry: error:").contains(":2");
  }

  @Test
  void score_missingUsersFile_exits66() {
    int code = run("score", "--users", tmp.resolve("none.csv").toString(), "--events",
        fixture("events.jsonl"), "--as-of", "2026-06-30");

    assertThat(code).isEqualTo(ExitCodes.NO_INPUT);
  }

  @Test
  void score_badTenant_exits64() {
    int code = run("score", "--users", fixture("users.csv"), "--events", fixture("events.jsonl"),
        "--as-of", "2026-06-30", "--tenant", "a b");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
  }
}
