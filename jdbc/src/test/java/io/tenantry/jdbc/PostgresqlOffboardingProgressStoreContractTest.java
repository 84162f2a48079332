package io.tenantry.jdbc;

import io.tenantry.identity.spi.OffboardingProgressStore;
import io.tenantry.jdbc.identity.JdbcOffboardingProgressStore;
import io.tenantry.testkit.identity.OffboardingProgressStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link OffboardingProgressStoreContract} run against {@link JdbcOffboardingProgressStore} on PostgreSQL (skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlOffboardingProgressStoreContractTest extends OffboardingProgressStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.POSTGRESQL);

  @Override
  protected OffboardingProgressStore newStore() {
    return new JdbcOffboardingProgressStore(databases.open());
  }
}
