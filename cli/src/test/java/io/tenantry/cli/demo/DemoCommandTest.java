package io.tenantry.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.cli.ExitCodes;
import io.tenantry.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  private static int demo(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("demo", "--quiet", "--out", out.toString(),
        "--users", "60", "--days", "40"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    return Main.run(args.toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static TreeMap<String, byte[]> files(Path root) throws IOException {
    TreeMap<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      // store/ holds fresh keys and nonces by design (cli.md): everything else must be identical
      for (Path p : s.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).startsWith("store")).toList()) {
        all.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return all;
  }

  @Test
  void demo_writesTheListedFilesPerTenant(@TempDir Path dir) throws IOException {
    assertThat(demo(dir)).isEqualTo(ExitCodes.OK);
    for (String t : List.of("contoso", "fabrikam")) {
      assertThat(dir.resolve("tenants/" + t + "/lifecycle.jsonl")).exists();
      assertThat(dir.resolve("tenants/" + t + "/input/users.csv")).exists();
      assertThat(dir.resolve("tenants/" + t + "/input/events.jsonl")).exists();
      assertThat(dir.resolve("tenants/" + t + "/score.json")).exists();
      assertThat(dir.resolve("tenants/" + t + "/servicedesk/servicedesk.json")).exists();
      assertThat(Files.readString(dir.resolve("tenants/" + t + "/admins.csv")))
          .startsWith("Admin,Role,Scope,Users Visible,Passwords Resettable\n")
          .contains(",Global Administrator,/,");
      assertThat(dir.resolve("tenants/" + t + "/reports/getOffice365ActiveUserDetail.csv")).exists();
      assertThat(dir.resolve("tenants/" + t + "/reports/json/getTeamsUserActivityCounts.json"))
          .exists();
    }
    assertThat(dir.resolve("store/geos/NAM/replica-1")).isDirectory();
    String html = Files.readString(dir.resolve("dashboard.html"));
    assertThat(html).contains("data-tenant=\"contoso\"").contains("data-tenant=\"fabrikam\"");
  }

  @Test
  void demo_sameSeedTwice_identicalFiles(@TempDir Path dir) throws IOException {
    assertThat(demo(dir.resolve("a"), "--seed", "7")).isZero();
    assertThat(demo(dir.resolve("b"), "--seed", "7")).isZero();
    TreeMap<String, byte[]> a = files(dir.resolve("a"));
    TreeMap<String, byte[]> b = files(dir.resolve("b"));
    assertThat(a.keySet()).isEqualTo(b.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void demo_badOptions_exit64(@TempDir Path dir) {
    assertThat(demo(dir, "--users", "3")).isEqualTo(ExitCodes.USAGE);
    assertThat(demo(dir, "--as-of", "2026-13-01")).isEqualTo(ExitCodes.USAGE);
  }
}
