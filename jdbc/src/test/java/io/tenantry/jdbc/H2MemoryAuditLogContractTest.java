package io.tenantry.jdbc;

import io.tenantry.core.spi.AuditLog;
import io.tenantry.testkit.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's {@link AuditLogContract} run against {@link JdbcAuditLog} on an H2 in-memory database. */
class H2MemoryAuditLogContractTest extends AuditLogContract {
  @TempDir
  Path dir;

  private TestDatabase db;

  @Override
  protected AuditLog newLog() {
    db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir);
    return new JdbcAuditLog(JdbcDatabase.open(db.pool()));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
