package io.tenantry.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.jdbc.JdbcDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parses every SQL statement the JDBC adapters run and fails on one not scoped to a tenant; holds
 * the migrations' DDL to "tenant id first in every key and index"; and checks that no SQL hides
 * outside the statement enums the catalog lists.
 */
class SqlTenantScopeTest {

  @Test
  void tenantScopedStatements_everyOne_namesTheTenantInEveryWhereAndJoin() {
    List<String> problems = new ArrayList<>();
    for (JdbcDialect dialect : JdbcDialect.values()) {
      for (SqlStatement s : SqlCatalog.tenantScoped()) {
        assertThat(SqlScopeChecker.isDdl(s.sql(dialect))).as(s.name()).isFalse();
        SqlScopeChecker.tenantScopeViolations(s.sql(dialect))
            .forEach(p -> problems.add(dialect + " " + s.name() + ": " + p));
      }
    }
    assertThat(SqlCatalog.tenantScoped()).hasSizeGreaterThanOrEqualTo(AuditLogSql.values().length);
    assertThat(problems).isEmpty();
  }

  @Test
  void tenantListingStatements_returnTenantIdsOnly_fromOneTable() {
    for (JdbcDialect dialect : JdbcDialect.values()) {
      for (SqlStatement s : SqlCatalog.tenantListing()) {
        List<String> t = SqlScopeChecker.tokens(s.sql(dialect));
        assertThat(t.subList(0, 4)).as(s.name()).containsExactly("select", "distinct", "tenant_id",
            "from");
        assertThat(t).as(s.name()).doesNotContain("join", "union", ",")
            .filteredOn("select"::equals).hasSize(1);
        assertThat(SqlScopeChecker.tables(s.sql(dialect))).as(s.name()).hasSize(1);
      }
    }
    assertThat(SqlCatalog.tenantScoped()).doesNotContainAnyElementsOf(SqlCatalog.tenantListing());
  }

  @Test
  void bookkeepingStatements_touchOnlyTheSchemaTables() {
    for (JdbcDialect dialect : JdbcDialect.values()) {
      for (SqlStatement s : SqlCatalog.bookkeeping()) {
        assertThat(SqlScopeChecker.tables(s.sql(dialect))).as(s.name())
            .allSatisfy(table -> assertThat(table).startsWith("tenantry_schema_"));
      }
    }
  }

  @Test
  void migrations_everyKeyAndIndex_startsWithTheTenant() {
    List<String> problems = new ArrayList<>();
    int tables = 0;
    for (JdbcDialect dialect : JdbcDialect.values()) {
      for (Migration m : Migrator.MIGRATIONS) {
        for (String sql : m.statements(dialect)) {
          assertThat(SqlScopeChecker.isDdl(sql)).as(m.fileName() + ": " + sql).isTrue();
          tables += sql.toLowerCase().startsWith("create table") ? 1 : 0;
          SqlScopeChecker.tenantFirstViolations(sql)
              .forEach(p -> problems.add(dialect + " " + m.fileName() + ": " + p));
        }
      }
    }
    assertThat(tables).isPositive();
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a FROM t",
      "SELECT a FROM t WHERE x = ?",
      "SELECT a FROM t WHERE tenant_id = ? OR x = ?",
      "SELECT a FROM t WHERE (tenant_id = ? OR 1 = 1)",
      "SELECT a FROM t WHERE tenant_id IS NOT NULL AND x = ?",
      "SELECT a FROM t WHERE tenant_id = x",
      "SELECT a FROM t WHERE tenant_id = ? AND seq IN (SELECT seq FROM u WHERE x = ?)",
      "SELECT a FROM t r JOIN u d ON d.seq = r.seq WHERE r.tenant_id = ?",
      "SELECT a FROM t r JOIN u d USING (seq) WHERE r.tenant_id = ?",
      "WITH p AS (SELECT a FROM t WHERE tenant_id = ?) SELECT a FROM p",
      "DELETE FROM t",
      "DELETE FROM t WHERE seq < ?",
      "UPDATE t SET x = 1",
      "SELECT a FROM t WHERE x = ? FOR UPDATE",
      "UPDATE t SET tenant_id = ? WHERE tenant_id = ?",
      "INSERT INTO t (seq, x) VALUES (?, ?)",
      "SELECT 1"})
  void checker_statementNotScopedToATenant_isRejected(String sql) {
    assertThat(SqlScopeChecker.tenantScopeViolations(sql)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE TABLE t (seq BIGINT, tenant_id VARCHAR(64), CONSTRAINT t_pk PRIMARY KEY (tenant_id, seq))",
      "CREATE TABLE t (tenant_id VARCHAR(64), seq BIGINT, CONSTRAINT t_pk PRIMARY KEY (seq, tenant_id))",
      "CREATE TABLE t (tenant_id VARCHAR(64), seq BIGINT PRIMARY KEY)",
      "CREATE TABLE t (tenant_id VARCHAR(64), seq BIGINT, CONSTRAINT t_pk PRIMARY KEY (tenant_id),"
          + " CONSTRAINT t_uk UNIQUE (seq))",
      "CREATE TABLE t (tenant_id VARCHAR(64), seq BIGINT)",
      "CREATE INDEX t_ix ON t (seq, tenant_id)",
      "CREATE UNIQUE INDEX IF NOT EXISTS t_ix ON t (seq)"})
  void checker_keyOrIndexNotLedByTheTenant_isRejected(String sql) {
    assertThat(SqlScopeChecker.tenantFirstViolations(sql)).isNotEmpty();
  }

  @Test
  void checker_scopedStatements_pass() {
    assertThat(SqlScopeChecker.tenantScopeViolations(
        "SELECT a FROM t r LEFT JOIN u d ON d.tenant_id = r.tenant_id AND d.seq = r.seq"
            + " WHERE r.tenant_id = ? AND (r.x = ? OR r.y = ?) ORDER BY a")).isEmpty();
    assertThat(SqlScopeChecker.tenantScopeViolations(
        "UPDATE t SET n = n + 1 WHERE ? = tenant_id")).isEmpty();
    assertThat(SqlScopeChecker.tenantScopeViolations(
        "SELECT version FROM t WHERE tenant_id = ? FOR UPDATE")).isEmpty();
    assertThat(SqlScopeChecker.tenantFirstViolations(
        "CREATE TABLE t (tenant_id VARCHAR(64), seq BIGINT, CONSTRAINT t_pk PRIMARY KEY (tenant_id,"
            + " seq), CONSTRAINT t_fk FOREIGN KEY (tenant_id, seq) REFERENCES u (tenant_id, seq))"))
        .isEmpty();
  }

  @Test
  void catalog_listsEveryStatementEnumOfTheModule() throws Exception {
    Set<SqlStatement> listed = new HashSet<>(SqlCatalog.tenantScoped());
    listed.addAll(SqlCatalog.bookkeeping());
    listed.addAll(SqlCatalog.tenantListing());
    Path classes = Path.of(SqlStatement.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<Class<?>> enums = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replace('\\', '.')
            .replaceAll("\\.class$", "");
        if (name.contains("module-info") || name.contains("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name);
        if (c.isEnum() && SqlStatement.class.isAssignableFrom(c)) {
          enums.add(c);
        }
      }
    }
    assertThat(enums).contains(AuditLogSql.class, MigrationSql.class);
    for (Class<?> e : enums) {
      for (Object constant : e.getEnumConstants()) {
        assertThat(listed).as(e.getSimpleName() + "." + constant).contains((SqlStatement) constant);
      }
    }
  }

  private static final Pattern INLINE_SQL = Pattern.compile(
      "\"\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE|CREATE|ALTER|DROP|TRUNCATE)\\s",
      Pattern.CASE_INSENSITIVE);

  @Test
  void sources_holdNoSqlOutsideTheStatementEnums() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.getFileName().toString().endsWith("Sql.java")) {
          continue;
        }
        if (INLINE_SQL.matcher(Files.readString(f)).find()) {
          offenders.add(f.toString());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void migrationResources_areExactlyTheListedMigrations() throws Exception {
    Path dir = Path.of(SqlStatement.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).resolve(Migration.DIRECTORY);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < Migrator.MIGRATIONS.size(); i++) {
      Migration m = Migrator.MIGRATIONS.get(i);
      if (i > 0) {
        assertThat(m.version()).as("versions increase").isGreaterThan(
            Migrator.MIGRATIONS.get(i - 1).version());
      }
      expected.add(m.fileName());
      for (JdbcDialect d : JdbcDialect.values()) {
        expected.add(m.fileName(d));
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .isNotEmpty().allSatisfy(f -> assertThat(expected).contains(f));
    }
  }

  @Test
  void split_scriptWithComments_yieldsTheStatements() {
    assertThat(Migration.split("-- a comment\nCREATE TABLE a (x INT); -- trailing\n\n"
        + "CREATE INDEX i\n  ON a (x);\n")).containsExactly("CREATE TABLE a (x INT)",
        "CREATE INDEX i\n  ON a (x)");
  }
}
