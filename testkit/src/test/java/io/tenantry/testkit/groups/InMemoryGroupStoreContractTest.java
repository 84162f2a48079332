package io.tenantry.testkit.groups;

import io.tenantry.groups.spi.GroupStore;
import io.tenantry.groups.spi.InMemoryGroupStore;

/** Runs the {@link GroupStoreContract} against {@link InMemoryGroupStore}. */
class InMemoryGroupStoreContractTest extends GroupStoreContract {
  @Override
  protected GroupStore newStore() {
    return new InMemoryGroupStore();
  }
}
