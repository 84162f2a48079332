package io.tenantry.jdbc;

import io.tenantry.groups.spi.GroupStore;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import io.tenantry.testkit.groups.GroupStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link GroupStoreContract} run against {@link JdbcGroupStore} on an H2 in-memory database. */
class H2MemoryGroupStoreContractTest extends GroupStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.H2_MEMORY);

  @Override
  protected GroupStore newStore() {
    return new JdbcGroupStore(databases.open());
  }
}
