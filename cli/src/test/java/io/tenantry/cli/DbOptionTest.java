package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db JDBC-URL} ({@code cli.md}, "Persistent state"): with an H2 file URL, state kept by
 * one run of {@link Main#run} is there in the next — the store's replicas, keys and audit trail,
 * and the notices state of {@code health notify}.
 */
class DbOptionTest {
  private static final String EXAMPLES = "../notices/src/test/resources/examples/";

  @TempDir
  Path tmp;

  private CommandRun last;

  private int run(String... args) {
    last = CommandRun.of(args);
    return last.exitCode();
  }

  private String out() {
    return last.out();
  }

  private String err() {
    return last.err();
  }

  private String db() {
    return "jdbc:h2:file:" + tmp.resolve("data").resolve("db");
  }

  @Test
  void store_withAnH2FileDb_putInOneRunIsReadInTheNext_andNothingLivesUnderRoot()
      throws Exception {
    Path root = tmp.resolve("store");
    Path file = tmp.resolve("report.txt");
    Files.writeString(file, "quarterly numbers\n".repeat(500), StandardCharsets.UTF_8);
    assertThat(run("store", "init", "--root", root.toString(), "--db", db())).as(err()).isZero();
    assertThat(err()).contains("replicas, keys and audit in the database");
    assertThat(run("store", "put", "--root", root.toString(), "--db", db(), "--tenant", "contoso",
        "--key", "finance/q2.txt", "--file", file.toString(), "--actor", "alice")).as(err())
        .isZero();

    assertThat(run("store", "get", "--root", root.toString(), "--db", db(), "--tenant", "contoso",
        "--key", "finance/q2.txt", "--actor", "bob")).as(err()).isZero();
    assertThat(out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(run("store", "list", "--root", root.toString(), "--db", db(), "--tenant",
        "contoso", "--actor", "bob")).isZero();
    assertThat(out()).startsWith("finance/q2.txt\t9000\t1\tNAM\n");
    assertThat(run("store", "audit", "--root", root.toString(), "--db", db(), "--tenant",
        "contoso")).isZero();
    assertThat(out().lines()).hasSize(3);
    assertThat(out()).contains("\"actor\":\"alice\"", "\"activity\":\"Put\"",
        "\"activity\":\"Get\"", "\"activity\":\"List\"");
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()))
          .containsExactlyInAnyOrder("store.properties", "keys/master.key", ".lock");
    }
  }

  /**
   * The same on PostgreSQL when the JDBC tests' server is configured ({@code TENANTRY_TEST_PG_URL},
   * {@code _USER}, {@code _PASSWORD}, as {@code .ci/run} sets them): the commands run against a
   * schema of their own, named in the URL with the credentials; skipped otherwise.
   */
  @Test
  void store_withAPostgresqlDb_putInOneRunIsReadInTheNext() throws Exception {
    String url = System.getenv("TENANTRY_TEST_PG_URL");
    org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(),
        "PostgreSQL not configured: TENANTRY_TEST_PG_URL is not set");
    String user = System.getenv().getOrDefault("TENANTRY_TEST_PG_USER", "");
    String password = System.getenv().getOrDefault("TENANTRY_TEST_PG_PASSWORD", "");
    String schema = "tenantry_cli_" + ProcessHandle.current().pid();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
      try {
        String db = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user="
            + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Path root = tmp.resolve("pg-store");
        Path file = tmp.resolve("f.txt");
        Files.writeString(file, "hello postgres", StandardCharsets.UTF_8);
        assertThat(run("store", "init", "--root", root.toString(), "--db", db)).as(err()).isZero();
        assertThat(err()).contains("password=***")
            .doesNotContain("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(run("store", "put", "--root", root.toString(), "--db", db, "--tenant",
            "contoso", "--key", "k", "--file", file.toString())).as(err()).isZero();
        assertThat(run("store", "get", "--root", root.toString(), "--db", db, "--tenant",
            "contoso", "--key", "k")).as(err()).isZero();
        assertThat(out()).isEqualTo("hello postgres");
      } finally {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void store_shreddedInOneRun_staysShreddedInTheNext() throws Exception {
    Path root = tmp.resolve("store");
    Path file = tmp.resolve("f.txt");
    Files.writeString(file, "secret", StandardCharsets.UTF_8);
    run("store", "init", "--root", root.toString(), "--db", db());
    run("store", "put", "--root", root.toString(), "--db", db(), "--tenant", "contoso", "--key",
        "k", "--file", file.toString());
    assertThat(run("store", "shred-tenant", "--root", root.toString(), "--db", db(), "--tenant",
        "contoso")).as(err()).isZero();
    assertThat(run("store", "get", "--root", root.toString(), "--db", db(), "--tenant", "contoso",
        "--key", "k")).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(err()).contains("shredded");
  }

  @Test
  void store_openedWithoutTheDbItWasCreatedWith_orTheOtherWayRound_exits64() {
    Path inDb = tmp.resolve("in-db");
    Path inFolders = tmp.resolve("in-folders");
    run("store", "init", "--root", inDb.toString(), "--db", db());
    run("store", "init", "--root", inFolders.toString());
    assertThat(run("store", "list", "--root", inDb.toString(), "--tenant", "contoso"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("keeps its data in a database: pass the --db");
    assertThat(run("store", "list", "--root", inFolders.toString(), "--db", db(), "--tenant",
        "contoso")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("--db applies to stores created with");
  }

  @Test
  void db_ofAnotherDatabaseOrUnreachable_isRefusedClearly() {
    assertThat(run("store", "init", "--root", tmp.resolve("a").toString(), "--db",
        "jdbc:mysql://localhost/x?password=hunter2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("expected a jdbc:h2:").contains("password=***")
        .doesNotContain("hunter2");
    assertThat(tmp.resolve("a")).doesNotExist();
    assertThat(run("store", "init", "--root", tmp.resolve("b").toString(), "--db",
        "jdbc:h2:file:" + tmp.resolve("missing/db") + ";IFEXISTS=TRUE"))
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(err()).contains("cannot open --db");
  }

  @Test
  void healthNotify_withADb_notifiesEachUpdateOnceAcrossRuns() {
    String[] args = {"health", "notify", "--incidents", EXAMPLES + "incidents.yaml",
        "--subscriptions", EXAMPLES + "subs.yaml", "--db", db()};
    assertThat(run(args)).as(err()).isZero();
    assertThat(out().lines()).hasSize(15);
    assertThat(run(args)).as(err()).isZero();
    assertThat(out()).isEmpty();
    assertThat(err()).contains("tenantry: 0 notifications");
  }
}
