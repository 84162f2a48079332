package io.tenantry.testkit.identity;

import io.tenantry.identity.spi.DomainRegistry;
import io.tenantry.identity.spi.InMemoryDomainRegistry;

class InMemoryDomainRegistryContractTest extends DomainRegistryContract {
  @Override
  protected DomainRegistry newRegistry() {
    return new InMemoryDomainRegistry();
  }
}
