package io.tenantry.jdbc;

import io.tenantry.identity.spi.OffboardingProgressStore;
import io.tenantry.jdbc.identity.JdbcOffboardingProgressStore;
import io.tenantry.testkit.identity.OffboardingProgressStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link OffboardingProgressStoreContract} run against {@link JdbcOffboardingProgressStore} on an H2 in-memory database. */
class H2MemoryOffboardingProgressStoreContractTest extends OffboardingProgressStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.H2_MEMORY);

  @Override
  protected OffboardingProgressStore newStore() {
    return new JdbcOffboardingProgressStore(databases.open());
  }
}
