package io.tenantry.testkit.groups;

import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.groups.spi.InMemoryGroupSettingsStore;

/** Runs the {@link GroupSettingsStoreContract} against {@link InMemoryGroupSettingsStore}. */
class InMemoryGroupSettingsStoreContractTest extends GroupSettingsStoreContract {
  @Override
  protected GroupSettingsStore newStore() {
    return new InMemoryGroupSettingsStore();
  }
}
