package io.tenantry.jdbc;

import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.testkit.groups.GroupSettingsStoreContract;
import io.tenantry.jdbc.groups.JdbcGroupSettingsStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's {@link GroupSettingsStoreContract} run against {@link JdbcGroupSettingsStore} on PostgreSQL (a fresh schema per test; skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlGroupSettingsStoreContractTest extends GroupSettingsStoreContract {
  @TempDir
  Path dir;

  private TestDatabase db;

  @Override
  protected GroupSettingsStore newStore() {
    db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, dir);
    return new JdbcGroupSettingsStore(JdbcDatabase.open(db.pool()));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
