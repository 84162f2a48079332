package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticesCommandsTest {
  private static final String EXAMPLES = "../notices/src/test/resources/examples/";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void messagesDigest_examples_printsTheDigestsOfAdminsWhoGetOne() {
    int code = run("messages", "digest", "--messages", EXAMPLES + "messages.yaml",
        "--as-of", "2026-06-29");
    assertThat(code).as(err()).isZero();
    assertThat(out().lines().filter(l -> l.startsWith("To: ")).toList()).containsExactly(
        "To: megan@contoso.com", "To: gina@contoso.com", "To: ada@fabrikam.com");
    assertThat(out()).doesNotContain("sam@contoso.com").doesNotContain("lee@contoso.com");
    assertThat(err()).contains("tenantry: warning: sam@contoso.com (contoso) gets no digest:"
        + " holds no role that may read the message center")
        .contains("tenantry: 3 digests for 5 admins, week 2026-06-22 to 2026-06-28");
  }

  @Test
  void messagesDigest_oneAdmin_printsOnlyThatDigest_andWritesHtml(@TempDir Path dir)
      throws Exception {
    int code = run("--quiet", "messages", "digest", "--messages", EXAMPLES + "messages.yaml",
        "--as-of", "2026-06-29", "--admin", "GINA@contoso.com", "--html", dir.toString());
    assertThat(code).as(err()).isZero();
    assertThat(out()).startsWith("Message center weekly digest\nTenant: contoso\n"
        + "To: gina@contoso.com\n").contains("MC700105 [Security]").doesNotContain("MC700104");
    assertThat(err()).isEmpty();
    String html = Files.readString(dir.resolve("contoso/gina@contoso.com.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("MC700102");
    try (var files = Files.list(dir.resolve("contoso"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("gina@contoso.com.html");
    }
  }

  @Test
  void messagesDigest_unknownAdmin_isABadCommandLine() {
    assertThat(run("messages", "digest", "--messages", EXAMPLES + "messages.yaml",
        "--as-of", "2026-06-29", "--admin", "nobody@contoso.com")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("tenantry: error: --admin nobody@contoso.com: no such admin");
  }

  @Test
  void messagesDigest_malformedFile_exits65_listingEveryProblemWithItsLine(@TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        tenants: [{id: contoso, admins: [{upn: a@contoso.com, email: maybe}]}]
        messages:
          - {id: MC1, title: t, body: b, category: later, services: [Teams], published: 2026-06-01}
        """);
    assertThat(run("messages", "digest", "--messages", bad.toString(), "--as-of", "2026-06-29"))
        .isEqualTo(ExitCodes.DATA_ERROR);
    List<String> lines = err().lines().toList();
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("tenantry: error: "));
    assertThat(err()).contains("(value 'later') (" + bad + ":3)")
        .contains("(value 'maybe') (" + bad + ":1)");
    assertThat(out()).isEmpty();
  }

  @Test
  void messagesDigest_missingFile_exits66() {
    assertThat(run("messages", "digest", "--messages", "nope.yaml", "--as-of", "2026-06-29"))
        .isEqualTo(ExitCodes.NO_INPUT);
  }

  @Test
  void healthNotify_examples_printsTheEmailsInOrder_asJsonLines() {
    int code = run("health", "notify", "--incidents", EXAMPLES + "incidents.yaml",
        "--subscriptions", EXAMPLES + "subs.yaml");
    assertThat(code).as(err()).isZero();
    List<String> lines = out().lines().toList();
    assertThat(lines).hasSize(15).allSatisfy(l -> assertThat(l).startsWith("{\"at\":\""));
    assertThat(lines.get(0)).contains("\"tenant\":\"fabrikam\"", "\"to\":\"ada@fabrikam.com\"",
        "\"event\":\"IssueStarted\"", "\"issue\":\"SP700203\"", "\"status\":\"serviceInterruption\"");
    assertThat(lines.get(14)).contains("\"to\":\"sam@contoso.com\"",
        "\"status\":\"postIncidentReportPublished\"");
    assertThat(out()).doesNotContain("megan@contoso.com");
    assertThat(lines.stream().filter(l -> l.contains("\"issue\":\"TM700202\"")))
        .hasSize(2).allSatisfy(l -> assertThat(l).contains("\"to\":\"sam@contoso.com\""));
    assertThat(err()).contains("megan@contoso.com (contoso) is subscribed but holds no role")
        .contains("tenantry: 15 notifications for 3 issues in 2 tenants");
  }

  @Test
  void healthNotify_malformedIncidents_exits65() {
    assertThat(run("health", "notify", "--incidents", EXAMPLES + "subs.yaml",
        "--subscriptions", EXAMPLES + "subs.yaml")).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(err()).contains("unknown key 'tenants'").contains("subs.yaml:2)");
  }

  private static final String SUBS = """
      tenants:
        - id: contoso
          admins:
            - {upn: sam@contoso.com, roles: [Service Support Administrator], services: [Exchange Online]}
      """;

  private static String incidents(String... updates) {
    return "issues:\n  - {id: EX1, service: Exchange Online, kind: incident, title: t, updates: ["
        + String.join(", ", updates) + "]}\n";
  }

  @Test
  void healthNotify_withDb_updateInsertedBetweenNotifiedOnes_isTheOnlyOneSent(@TempDir Path dir)
      throws Exception {
    String eight = "{at: 2026-06-30T08:00:00Z, status: investigating, text: a}";
    String nine = "{at: 2026-06-30T09:00:00Z, status: serviceDegradation, text: b}";
    String ten = "{at: 2026-06-30T10:00:00Z, status: serviceRestored, text: c}";
    Path subs = Files.writeString(dir.resolve("subs.yaml"), SUBS);
    Path first = Files.writeString(dir.resolve("i1.yaml"), incidents(eight, ten));
    Path second = Files.writeString(dir.resolve("i2.yaml"), incidents(eight, nine, ten));
    String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();

    assertThat(run("health", "notify", "--incidents", first.toString(), "--subscriptions",
        subs.toString(), "--db", db)).as(err()).isZero();
    assertThat(out().lines()).hasSize(2);
    assertThat(out().lines().toList().get(0)).contains("\"event\":\"IssueStarted\"");
    assertThat(out().lines().toList().get(1)).contains("\"event\":\"IssueEnded\"");
    out.reset();

    assertThat(run("health", "notify", "--incidents", second.toString(), "--subscriptions",
        subs.toString(), "--db", db)).as(err()).isZero();
    assertThat(out().lines()).singleElement().satisfies(l -> assertThat(l).contains(
        "\"at\":\"2026-06-30T09:00:00Z\"", "\"event\":\"IssueStatusChanged\"",
        "\"status\":\"serviceDegradation\""));
    out.reset();

    assertThat(run("health", "notify", "--incidents", second.toString(), "--subscriptions",
        subs.toString(), "--db", db)).as(err()).isZero();
    assertThat(out()).isEmpty();
  }

  @Test
  void healthNotify_issueTargetingAnUndefinedTenant_exits65(@TempDir Path dir) throws Exception {
    Path subs = Files.writeString(dir.resolve("subs.yaml"), SUBS);
    Path issues = Files.writeString(dir.resolve("undeftenant.yaml"), "issues:\n"
        + "  - id: EX1\n    service: Exchange Online\n    kind: incident\n    title: t\n"
        + "    updates:\n      - {at: 2026-06-30T08:00:00Z, status: investigating, text: a}\n"
        + "    tenants: [nowhere]\n");

    assertThat(run("health", "notify", "--incidents", issues.toString(), "--subscriptions",
        subs.toString())).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(out()).isEmpty();
    assertThat(err()).contains("tenantry: error: issues[0].tenants[0]: names a tenant the"
        + " subscriptions file does not define (value 'nowhere') (" + issues + ":8)");
  }
}
