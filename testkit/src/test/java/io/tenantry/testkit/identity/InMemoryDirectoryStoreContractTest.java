package io.tenantry.testkit.identity;

import io.tenantry.identity.Directory;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.identity.spi.InMemoryDirectoryStore;

class InMemoryDirectoryStoreContractTest extends DirectoryStoreContract {
  @Override
  protected DirectoryStore newStore() {
    return new InMemoryDirectoryStore();
  }

  @Override
  protected void write(DirectoryStore store, Directory directory) {
    ((InMemoryDirectoryStore) store).put(directory);
  }
}
