package io.tenantry.testkit.datastore;

import io.tenantry.datastore.spi.InMemoryKeysetStore;
import io.tenantry.datastore.spi.KeysetStore;

/** The {@link KeysetStoreContract} run against {@link InMemoryKeysetStore}. */
class InMemoryKeysetStoreContractTest extends KeysetStoreContract {
  @Override
  protected KeysetStore newStore() {
    return new InMemoryKeysetStore();
  }
}
