package io.tenantry.jdbc;

import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.jdbc.groups.JdbcGroupSettingsStore;
import io.tenantry.testkit.groups.GroupSettingsStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link GroupSettingsStoreContract} run against {@link JdbcGroupSettingsStore} on PostgreSQL (skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlGroupSettingsStoreContractTest extends GroupSettingsStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.POSTGRESQL);

  @Override
  protected GroupSettingsStore newStore() {
    return new JdbcGroupSettingsStore(databases.open());
  }
}
