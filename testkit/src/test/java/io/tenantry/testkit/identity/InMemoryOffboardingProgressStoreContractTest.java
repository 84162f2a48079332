package io.tenantry.testkit.identity;

import io.tenantry.identity.spi.InMemoryOffboardingProgressStore;
import io.tenantry.identity.spi.OffboardingProgressStore;

/** Runs the {@link OffboardingProgressStoreContract} against {@link InMemoryOffboardingProgressStore}. */
class InMemoryOffboardingProgressStoreContractTest extends OffboardingProgressStoreContract {
  @Override
  protected OffboardingProgressStore newStore() {
    return new InMemoryOffboardingProgressStore();
  }
}
