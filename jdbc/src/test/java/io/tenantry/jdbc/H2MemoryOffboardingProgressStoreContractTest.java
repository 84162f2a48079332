package io.tenantry.jdbc;

import io.tenantry.identity.spi.OffboardingProgressStore;
import io.tenantry.testkit.identity.OffboardingProgressStoreContract;
import io.tenantry.jdbc.identity.JdbcOffboardingProgressStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's {@link OffboardingProgressStoreContract} run against {@link JdbcOffboardingProgressStore} on an H2 in-memory database. */
class H2MemoryOffboardingProgressStoreContractTest extends OffboardingProgressStoreContract {
  @TempDir
  Path dir;

  private TestDatabase db;

  @Override
  protected OffboardingProgressStore newStore() {
    db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir);
    return new JdbcOffboardingProgressStore(JdbcDatabase.open(db.pool()));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }
}
