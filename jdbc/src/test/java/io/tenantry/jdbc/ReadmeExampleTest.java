package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.AuditLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Persistence (JDBC)" example, compiled and run on an H2 file database. */
class ReadmeExampleTest {
  @TempDir
  Path dir;

  @Test
  void readmeExample_wiresTheAuditLogFromADataSource_andStateSurvivesReopening() {
    DataSource pool = new DriverDataSource("jdbc:h2:file:" + dir.resolve("tenantry"), null, null);

    DataSource dataSource = pool;                     // the host's pool over its JDBC driver
    JdbcDatabase db = JdbcDatabase.open(dataSource);  // detects the database, applies pending migrations
    AuditLog audit = new JdbcAuditLog(db);            // core's AuditLog port, thread-safe

    AuditRecord r = new AuditRecord("1", TenantId.of("contoso"), Instant.parse("2026-06-01T00:00:00Z"),
        "admin@contoso.com", "RoleAssigned", "alice", AuditResult.SUCCESS, Map.of("role", "Reader"));
    audit.append(r);
    AuditLog reopened = new JdbcAuditLog(JdbcDatabase.open(pool));
    assertThat(reopened.query(AuditQuery.of(TenantId.of("contoso"))).items()).containsExactly(r);
    assertThat(db.toString()).isEqualTo("JdbcDatabase[H2, schema version "
        + JdbcDatabase.latestSchemaVersion() + "]");
  }
}
