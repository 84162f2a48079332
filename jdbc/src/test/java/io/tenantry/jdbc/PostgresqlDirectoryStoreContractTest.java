package io.tenantry.jdbc;

import io.tenantry.identity.Directory;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import io.tenantry.testkit.identity.DirectoryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's {@link DirectoryStoreContract} run against {@link JdbcDirectoryStore} on PostgreSQL (a fresh schema per test; skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlDirectoryStoreContractTest extends DirectoryStoreContract {
  @TempDir
  Path dir;

  private TestDatabase db;

  @Override
  protected DirectoryStore newStore() {
    db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, dir);
    return new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
  }

  @Override
  protected void write(DirectoryStore store, Directory directory) {
    ((JdbcDirectoryStore) store).put(directory);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
