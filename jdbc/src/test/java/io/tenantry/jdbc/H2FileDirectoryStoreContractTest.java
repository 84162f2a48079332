package io.tenantry.jdbc;

import io.tenantry.identity.Directory;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import io.tenantry.testkit.identity.DirectoryStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's {@link DirectoryStoreContract} run against {@link JdbcDirectoryStore} on an H2 file database. */
class H2FileDirectoryStoreContractTest extends DirectoryStoreContract {
  @RegisterExtension
  final OpenedDatabases databases = new OpenedDatabases(TestDatabase.Kind.H2_FILE);

  @Override
  protected DirectoryStore newStore() {
    return new JdbcDirectoryStore(databases.open());
  }

  @Override
  protected void write(DirectoryStore store, Directory directory) {
    ((JdbcDirectoryStore) store).put(directory);
  }
}
