package io.tenantry.jdbc;

import io.tenantry.groups.spi.GroupStore;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import io.tenantry.testkit.groups.GroupStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link GroupStoreContract} run against {@link JdbcGroupStore} on PostgreSQL (skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlGroupStoreContractTest extends GroupStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.POSTGRESQL);

  @Override
  protected GroupStore newStore() {
    return new JdbcGroupStore(databases.open());
  }
}
