package io.tenantry.jdbc;

import io.tenantry.core.spi.AuditLog;
import io.tenantry.testkit.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's {@link AuditLogContract} run against {@link JdbcAuditLog} on PostgreSQL (a fresh schema per test; skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlAuditLogContractTest extends AuditLogContract {
  @TempDir
  Path dir;

  private TestDatabase db;

  @Override
  protected AuditLog newLog() {
    db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, dir);
    return new JdbcAuditLog(JdbcDatabase.open(db.pool()));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
