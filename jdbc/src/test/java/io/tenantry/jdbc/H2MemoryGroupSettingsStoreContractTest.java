package io.tenantry.jdbc;

import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.jdbc.groups.JdbcGroupSettingsStore;
import io.tenantry.testkit.groups.GroupSettingsStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link GroupSettingsStoreContract} run against {@link JdbcGroupSettingsStore} on an H2 in-memory database. */
class H2MemoryGroupSettingsStoreContractTest extends GroupSettingsStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.H2_MEMORY);

  @Override
  protected GroupSettingsStore newStore() {
    return new JdbcGroupSettingsStore(databases.open());
  }
}
