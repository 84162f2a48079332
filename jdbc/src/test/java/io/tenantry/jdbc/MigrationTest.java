package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.jdbc.internal.MigrationSql;
import io.tenantry.jdbc.internal.Migrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schema migrations: applied once, idempotent, one process at a time, refusing unknown schemas. */
class MigrationTest {
  @TempDir
  Path dir;

  private static List<Integer> allVersions() {
    return Migrator.MIGRATIONS.stream().map(io.tenantry.jdbc.internal.Migration::version).toList();
  }

  private static long versions(TestDatabase db) throws SQLException {
    return db.queryLong("SELECT COUNT(*) FROM tenantry_schema_version");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void open_twice_appliesTheMigrationsOnceThenNothing(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDatabase first = JdbcDatabase.open(db.pool());
      assertThat(first.migrationsApplied()).containsExactlyElementsOf(allVersions());
      assertThat(first.schemaVersion()).isEqualTo(JdbcDatabase.latestSchemaVersion());
      assertThat(first.dialect()).isEqualTo(kind == TestDatabase.Kind.POSTGRESQL
          ? JdbcDialect.POSTGRESQL : JdbcDialect.H2);
      new JdbcAuditLog(first).append(new AuditRecord("r1", TenantId.of("contoso"),
          Instant.parse("2026-06-01T00:00:00Z"), "a", "Put", null, AuditResult.SUCCESS, null));

      JdbcDatabase second = JdbcDatabase.open(db.pool());
      assertThat(second.migrationsApplied()).isEmpty();
      assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
      assertThat(versions(db)).isEqualTo(Migrator.MIGRATIONS.size());
      assertThat(new JdbcAuditLog(second).query(AuditQuery.of(TenantId.of("contoso"))).items())
          .hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void open_fromFourThreadsAtOnce_appliesEachMigrationOnce(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      int threads = 4;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JdbcDatabase>> opened = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // separate unpooled data sources: as separate processes would, each has its own connections
        opened.add(pool.submit(() -> {
          start.await();
          return JdbcDatabase.open(db.physical());
        }));
      }
      start.countDown();
      List<Integer> applied = new ArrayList<>();
      for (Future<JdbcDatabase> f : opened) {
        applied.addAll(f.get(120, TimeUnit.SECONDS).migrationsApplied());
      }
      pool.shutdown();
      assertThat(applied).containsExactlyElementsOf(allVersions());
      assertThat(versions(db)).isEqualTo(Migrator.MIGRATIONS.size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void open_appliedScriptChanged_isRefused(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDatabase.open(db.pool());
      execute(db, "UPDATE tenantry_schema_version SET checksum = 'edited' WHERE migration_version = 1");
      assertThatThrownBy(() -> JdbcDatabase.open(db.pool()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("migration 1 (audit_log)").hasMessageContaining("edited");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void open_schemaNewerThanThisTenantry_isRefused(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDatabase.open(db.pool());
      execute(db, "INSERT INTO tenantry_schema_version (migration_version, description, checksum)"
          + " VALUES (9999, 'from_the_future', 'x')");
      assertThatThrownBy(() -> JdbcDatabase.open(db.pool()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 9999");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void open_appliedMigrationUnknownToThisTenantry_isRefused(TestDatabase.Kind kind)
      throws Exception {
    int unknown = 1;
    while (allVersions().contains(unknown)) {
      unknown++;
    }
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDatabase.open(db.pool());
      execute(db, "INSERT INTO tenantry_schema_version (migration_version, description, checksum)"
          + " VALUES (" + unknown + ", 'another_build', 'x')");
      assertThatThrownBy(() -> JdbcDatabase.open(db.pool()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("migration " + unknown + " (another_build)");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void open_lockHeldByAnotherProcess_timesOutWithTheCause(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDatabase.open(db.pool());
      try (Connection holder = db.physical().getConnection()) {
        holder.setAutoCommit(false);
        if (kind == TestDatabase.Kind.POSTGRESQL) {
          try (PreparedStatement p = holder.prepareStatement(
              MigrationSql.TRY_LOCK_POSTGRESQL.sql(JdbcDialect.POSTGRESQL))) {
            p.setInt(1, Migrator.LOCK_NAMESPACE);
            try (ResultSet rs = p.executeQuery()) {
              assertThat(rs.next() && rs.getBoolean(1)).isTrue();
            }
          }
        } else {
          try (Statement s = holder.createStatement()) {
            s.executeQuery(MigrationSql.LOCK_ROW_H2.sql(JdbcDialect.H2)).close();
          }
        }
        assertThatThrownBy(() -> JdbcDatabase.open(db.pool(), Duration.ofMillis(300)))
            .isInstanceOf(PortFailureException.class)
            .hasCauseInstanceOf(SQLTimeoutException.class)
            .hasMessageContaining("migration lock");
        holder.rollback();
      }
      assertThat(JdbcDatabase.open(db.pool()).migrationsApplied()).isEmpty();
    }
  }

  @Test
  void open_unreachableDatabase_failsWithTheCause() {
    DriverDataSource nowhere = new DriverDataSource("jdbc:h2:file:" + dir.resolve("ro/db")
        + ";IFEXISTS=TRUE", null, null);
    assertThatThrownBy(() -> JdbcDatabase.open(nowhere))
        .isInstanceOf(PortFailureException.class).hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void detect_unsupportedOrOldDatabases_areRefusedByName() {
    assertThatThrownBy(() -> JdbcDialect.detect("MySQL", 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MySQL'");
    assertThatThrownBy(() -> JdbcDialect.detect("PostgreSQL", 11))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL 11");
    assertThatThrownBy(() -> JdbcDialect.detect("H2", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("H2 1");
    assertThat(JdbcDialect.detect("PostgreSQL", 15)).isEqualTo(JdbcDialect.POSTGRESQL);
    assertThat(JdbcDialect.detect("H2", 2)).isEqualTo(JdbcDialect.H2);
  }

  @Test
  void open_nonPositiveLockWait_isRefused() {
    assertThatThrownBy(() -> JdbcDatabase.open(new DriverDataSource("jdbc:h2:mem:x", null, null),
        Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.pool().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
