package io.tenantry.jdbc;

import io.tenantry.groups.spi.GroupStore;
import io.tenantry.testkit.groups.GroupStoreContract;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's {@link GroupStoreContract} run against {@link JdbcGroupStore} on an H2 in-memory database. */
class H2MemoryGroupStoreContractTest extends GroupStoreContract {
  @TempDir
  Path dir;

  private TestDatabase db;

  @Override
  protected GroupStore newStore() {
    db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir);
    return new JdbcGroupStore(JdbcDatabase.open(db.pool()));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
