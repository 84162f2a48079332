package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthzCommandTest {
  private static final Path SCENARIOS = Path.of("..", "identity", "src", "test", "resources", "scenarios");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void authzTest_identityScenarios_allPass() throws IOException {
    List<String> args = new ArrayList<>(List.of("authz", "test"));
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> args.add(p.toString()));
    }
    assertThat(run(args.toArray(String[]::new))).isZero();
    assertThat(stdout().strip()).matches("[1-9][0-9]* passed, 0 failed");
  }

  @Test
  void authzTest_failingCheck_exitsOneWithReason(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, String.join("\n",
        "tenants: [{id: t, users: [{id: a}, {id: b}], assignments: [{principal: a, role: Reports Reader}]}]",
        "checks:",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/password/update, target: b, expect: allow}",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/password/update, target: b, expect: deny}"));
    assertThat(run("authz", "test", f.toString())).isEqualTo(1);
    List<String> lines = stdout().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains(":3:").contains("expected allow, got deny");
    assertThat(lines.get(1)).isEqualTo("1 passed, 1 failed");
  }

  @Test
  void authzTest_malformedFile_exits65WithEveryProblem(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, String.join("\n",
        "tenants: [{id: t, users: [{id: a}]}]",
        "checks:",
        "  - {tenant: t, principal: a, action: nonsense, expect: allow}",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/create, expect: sometimes}"));
    assertThat(run("authz", "test", f.toString())).isEqualTo(65);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e).contains("bad.yaml:3)").contains("bad.yaml:4)");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void authzTest_missingFile_exits66(@TempDir Path dir) {
    assertThat(run("authz", "test", dir.resolve("none.yaml").toString())).isEqualTo(66);
  }

  @Test
  void authzTest_explain_printsEveryCheckWithItsDecidingAssignment(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, String.join("\n",
        "tenants: [{id: t, users: [{id: a}, {id: b}], assignments: [{principal: a, role: Helpdesk Administrator}]}]",
        "checks:",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/password/update, target: b, expect: allow}",
        "  - {tenant: t, principal: b, action: microsoft.directory/users/password/update, target: a, expect: deny}"));
    assertThat(run("authz", "test", "--explain", f.toString())).isZero();
    List<String> lines = stdout().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("PASS").contains("allow by Helpdesk Administrator at /");
    assertThat(lines.get(1)).startsWith("PASS").contains("deny");
    assertThat(lines.get(2)).isEqualTo("2 passed, 0 failed");
  }

  @Test
  void authzTest_folderInsteadOfFile_exits66(@TempDir Path dir) {
    assertThat(run("authz", "test", dir.toString())).isEqualTo(66);
  }

  @Test
  void authzTest_ruleWithAnEmptyList_exits65NamingTheFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("rule.yaml");
    Files.writeString(f, String.join("\n",
        "tenants:",
        "  - id: t",
        "    users: [{id: a, department: Sales}]",
        "    adminUnits:",
        "      - {id: d, name: D, rule: 'user.department -in []'}",
        "checks: []"));
    assertThat(run("authz", "test", f.toString())).isEqualTo(65);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("rule.yaml:5)").contains("at least one value");
  }

  @Test
  void authzTest_quotedValueOfThousandsOfEmoji_isRead(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("emoji.yaml");
    Files.writeString(f, String.join("\n",
        "tenants:",
        "  - id: t",
        "    users: [{id: a, department: '" + "\uD83D\uDE00".repeat(1500) + "'}]",
        "checks:",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/password/update, target: a, expect: deny}"),
        StandardCharsets.UTF_8);
    assertThat(run("authz", "test", f.toString())).isZero();
    assertThat(stdout().strip()).isEqualTo("1 passed, 0 failed");
  }

  @Test
  void authzTest_missingAndMalformedFilesTogether_reportsEveryFilesProblemsAndExits66(@TempDir Path dir)
      throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, String.join("\n",
        "tenants: [{id: t, users: [{id: a}]}]",
        "checks:",
        "  - {tenant: t, principal: a, action: nonsense, expect: allow}"));
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "tenants: [{id: t, users: [{id: a}]}]\nchecks: []\n");
    int code = run("authz", "test", dir.resolve("none.yaml").toString(), bad.toString(), good.toString(),
        dir.resolve("gone.yaml").toString());
    assertThat(code).isEqualTo(66);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e).contains("none.yaml: no such file").contains("bad.yaml:3)").contains("gone.yaml: no such file")
        .contains("2 of 4 scenario files could not be read and 1 malformed");
    assertThat(e.indexOf("none.yaml")).isLessThan(e.indexOf("bad.yaml:3")).isLessThan(e.indexOf("gone.yaml"));
    assertThat(stdout()).isEmpty();
  }

  @Test
  void authzTest_fileThatIsNotUtf8_exits65WithItsLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, "tenants:\n  - id: t\n    users: [{id: a, department: \"\u00e9\"}]\nchecks: []\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("authz", "test", f.toString())).isEqualTo(65);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("latin1.yaml:3)").contains("not UTF-8");
  }
}
