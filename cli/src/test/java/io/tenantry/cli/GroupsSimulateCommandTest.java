package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tenantry groups simulate} through {@link Main#run}: the groups module's golden files
 * (simulation inputs and the JSON lines checked by hand against cli.md) are reproduced byte for byte.
 */
class GroupsSimulateCommandTest {
  private static final Path GOLDEN = Path.of("..", "groups", "src", "test", "resources", "simulate");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Stream<Path> goldenInputs() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      List<Path> inputs = files.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> Files.exists(jsonl(p))).sorted().toList();
      assertThat(inputs).hasSizeGreaterThanOrEqualTo(7);
      return inputs.stream();
    }
  }

  static Path jsonl(Path yaml) {
    String name = yaml.getFileName().toString();
    return yaml.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + ".jsonl");
  }

  @ParameterizedTest
  @MethodSource("goldenInputs")
  void simulate_goldenFile_reproducesItsJsonLines(Path yaml) throws IOException {
    Run r = run("groups", "simulate", yaml.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(jsonl(yaml), StandardCharsets.UTF_8));
  }

  @Test
  void simulate_actionsThatCannotApply_warnOnStandardErrorAndExitZero() {
    Run r = run("--quiet", "groups", "simulate", GOLDEN.resolve("delete-restore-purge.yaml").toString());

    assertThat(r.code()).isZero();
    List<String> warnings = r.err().lines().toList();
    assertThat(warnings).hasSize(7).allMatch(l -> l.startsWith("tenantry: warning: "));
    assertThat(warnings.get(0)).contains("renew of group 'sg'", "purged", "delete-restore-purge.yaml:23");
    assertThat(warnings.get(1)).contains("'late'", "not created yet", ":25");
    assertThat(warnings.get(2)).contains("restore of group 'beta'", "purged", ":27");
    assertThat(warnings.get(3)).contains("restore of group 'late'", "not deleted", ":29");
    assertThat(warnings.get(4)).contains("'nobody'", "unknown group", ":30");
    assertThat(warnings.get(5)).contains("renew of group 'alpha'", "deleted", ":32");
    assertThat(warnings.get(6)).contains("delete of group 'alpha'", "deleted", ":33");
  }

  @Test
  void simulate_selectedIdsNotMicrosoft365_warn() {
    Run r = run("--quiet", "groups", "simulate", GOLDEN.resolve("selected.yaml").toString());

    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("'s1' is a Security group", "'ghost' is not in the file's groups",
        "renew of group 'm2' ignored");
  }

  @Test
  void simulate_invalidFile_exits65ListingEveryProblemWithItsLine() {
    Run r = run("groups", "simulate", GOLDEN.resolve("invalid.yaml").toString());

    assertThat(r.code()).isEqualTo(65);
    assertThat(r.out()).isEmpty();
    List<String> errors = r.err().lines().toList();
    assertThat(errors).allMatch(l -> l.startsWith("tenantry: error: "));
    assertThat(errors).anyMatch(l -> l.contains("from: must not be after 'to'") && l.endsWith("invalid.yaml:4)"));
    assertThat(errors).anyMatch(l -> l.contains("from: must not be after 'policyEnabledOn'") && l.endsWith(":4)"));
    assertThat(errors).anyMatch(l -> l.contains("policy.lifetimeDays") && l.endsWith(":7)"));
    assertThat(errors).anyMatch(l -> l.contains("policy.managedGroupTypes") && l.endsWith(":8)"));
    assertThat(errors).anyMatch(l -> l.contains("groups[0].kind") && l.contains("'Team'") && l.endsWith(":10)"));
    assertThat(errors).anyMatch(l -> l.contains("groups[1].created") && l.endsWith(":11)"));
    assertThat(errors).anyMatch(l -> l.contains("actions[0].do") && l.contains("'archive'") && l.endsWith(":13)"));
    assertThat(errors).hasSize(7);
  }

  @Test
  void simulate_moreThan500SelectedGroups_exits65(@TempDir Path dir) throws IOException {
    String ids = IntStream.rangeClosed(1, 501).mapToObj(i -> "g" + i).collect(Collectors.joining(", "));
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, String.join("\n",
        "tenant: contoso", "policyEnabledOn: 2026-01-01", "from: 2026-01-01", "to: 2026-01-31",
        "policy:", "  lifetimeDays: 180", "  managedGroupTypes: Selected",
        "  selected: [" + ids + "]", "groups: []", ""));

    Run r = run("groups", "simulate", file.toString());

    assertThat(r.code()).isEqualTo(65);
    assertThat(r.err()).contains("policy.selected", "501", "big.yaml:8");
  }

  @Test
  void simulate_missingFile_exits66() {
    Run r = run("groups", "simulate", GOLDEN.resolve("no-such-file.yaml").toString());

    assertThat(r.code()).isEqualTo(66);
  }

  @Test
  void simulate_yamlWordsAndDates_stayText() throws IOException {
    Path file = Files.createTempFile("sim", ".yaml");
    try {
      Files.writeString(file, String.join("\n",
          "tenant: contoso", "policyEnabledOn: 2026-01-01", "from: 2026-01-01", "to: 2026-01-02",
          "policy: {lifetimeDays: 30, managedGroupTypes: All}",
          "groups:", "  - {id: 'on', name: yes, kind: Microsoft365, created: 2026-01-01, owners: [no]}",
          ""));

      Run r = run("--quiet", "groups", "simulate", file.toString());

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo("{\"date\":\"2026-01-01\",\"group\":\"on\",\"event\":"
          + "\"ExpiryNotificationSent\",\"daysBefore\":30,\"to\":[\"no\"],\"expiresOn\":\"2026-01-31\"}\n");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
