package io.tenantry.identity.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFilesTest {
  private static final Path DIR = Path.of("src/test/resources/scenarios");

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void scenarioFile_everyCheck_passes(Path file) throws IOException {
    ScenarioRunner.Report report = ScenarioRunner.run(ScenarioLoader.load(file), false);
    assertThat(report.lines()).isEmpty();
    assertThat(report.failed()).isZero();
    assertThat(report.passed()).isPositive();
  }

  @Test
  void scenarioFiles_coverBothMatrices() throws IOException {
    assertThat(files().map(p -> p.getFileName().toString()))
        .contains("matrix-a-password-reset.yaml", "matrix-b-sensitive-actions.yaml", "au-scoping.yaml",
            "restricted-management.yaml");
  }

  @Test
  void failingCheck_isReportedWithLineAndReason() {
    Scenario s = ScenarioLoader.parse("f.yaml", String.join("\n",
        "tenants:",
        "  - id: t",
        "    users: [{id: a}, {id: b}]",
        "    assignments: [{principal: a, role: Reports Reader}]",
        "checks:",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/password/update, target: b, expect: allow}",
        "lists:",
        "  - {tenant: t, principal: a, list: users, expect: [b]}"));
    ScenarioRunner.Report r = ScenarioRunner.run(s, false);
    assertThat(r.summary()).isEqualTo("0 passed, 2 failed");
    assertThat(r.lines().get(0)).startsWith("FAIL f.yaml:6: t: a microsoft.directory/users/password/update on b:"
        + " expected allow, got deny:").contains("Reports Reader");
    assertThat(r.lines().get(1)).startsWith("FAIL f.yaml:8:").contains("missing [b]");
  }

  @Test
  void explain_printsEveryDecisionWithItsAssignment() {
    Scenario s = ScenarioLoader.parse("f.yaml", String.join("\n",
        "tenants:",
        "  - id: t",
        "    users: [{id: a}, {id: b}]",
        "    assignments: [{principal: a, role: Helpdesk Administrator}]",
        "checks:",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/password/update, target: b, expect: allow}"));
    ScenarioRunner.Report r = ScenarioRunner.run(s, true);
    assertThat(r.lines()).singleElement().asString()
        .startsWith("PASS f.yaml:6:").contains("allow by Helpdesk Administrator at /");
  }

  @Test
  void malformedFile_listsEveryProblemWithItsLine() {
    String yaml = String.join("\n",
        "tenants:",
        "  - id: t",
        "    users: [{id: a, shoeSize: 9}]",
        "    groups: [{id: g, kind: Distribution}]",
        "    adminUnits:",
        "      - {id: r, restricted: true, groups: [g]}",
        "      - {id: d, rule: 'user.country -eq \"DE\"', members: [a]}",
        "    customRoles: [{id: apps, actions: [microsoft.directory/applications/standard/read]}]",
        "    assignments:",
        "      - {principal: a, role: Nobody}",
        "      - {principal: a, role: Global Reader, scope: /administrativeUnits/r}",
        "      - {principal: a, role: apps, scope: /administrativeUnits/r}",
        "      - {principal: a, role: User Administrator, scope: /administrativeUnits/zz}",
        "      - {principal: x, role: User Administrator}",
        "  - id: u",
        "    users: [{id: x}]",
        "checks:",
        "  - {tenant: v, principal: a, action: microsoft.directory/users/create, expect: allow}",
        "  - {tenant: t, principal: a, action: users.create, expect: allow}",
        "  - {tenant: t, principal: a, action: microsoft.directory/users/create, expect: yes}",
        "surprise: 1");
    assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", yaml))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          List<Integer> lines = e.problems().stream().map(p -> p.location().line()).sorted().toList();
          assertThat(lines).containsExactly(3, 6, 7, 10, 11, 12, 13, 14, 18, 19, 20, 21);
          assertThat(e.problems()).extracting(Problem::toString).allMatch(t -> t.contains("(bad.yaml:"));
        });
  }

  @Test
  void guestAccess_unknownLevel_isRefusedWithItsLineAndTheValuesItTakes() {
    String yaml = String.join("\n",
        "tenants:",
        "  - id: t",
        "    guestAccess: everyoneSees",
        "    users: [{id: a}]",
        "checks: []");
    assertThatThrownBy(() -> ScenarioLoader.parse("g.yaml", yaml))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.location().line()).isEqualTo(3))
            .asString().contains("sameAsMembers, limited or restricted").contains("everyoneSees"));
  }

  @Test
  void processingState_unknownOrMisplaced_isRefusedWithItsLine() {
    String yaml = String.join("\n",
        "tenants:",
        "  - id: t",
        "    users: [{id: a}]",
        "    groups: [{id: g, name: G, kind: Security}]",
        "    adminUnits:",
        "      - {id: x, name: X, rule: 'user.country -eq \"DE\"', processingState: Sometimes}",
        "      - {id: y, name: Y, members: [a], processingState: Paused}",
        "      - {id: z, name: Z, rule: 'user.country -eq \"DE\"', processingState: Paused, groups: [g]}",
        "      - {id: w, name: W, rule: 'user.country -eq \"DE\"', members: [a]}",
        "checks: []");
    assertThatThrownBy(() -> ScenarioLoader.parse("p.yaml", yaml))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(6, 7, 8, 9);
          assertThat(e.problems().get(0).toString()).contains("On or Paused").contains("Sometimes");
          assertThat(e.problems().get(1).toString()).contains("only a dynamic administrative unit");
          assertThat(e.problems().get(2).toString()).contains("users only");
          assertThat(e.problems().get(3).toString()).contains("unless its processingState is Paused");
        });
  }

  @Test
  void invalidYaml_isRefusedWithItsLine() {
    assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", "tenants:\n  - id: [unclosed\n"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.problems().get(0).location().file()).isEqualTo("x.yaml"));
  }
}
