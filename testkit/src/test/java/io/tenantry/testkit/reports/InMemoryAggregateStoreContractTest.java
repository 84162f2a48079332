package io.tenantry.testkit.reports;

import io.tenantry.reports.spi.AggregateStore;
import io.tenantry.reports.spi.InMemoryAggregateStore;

/** The {@link AggregateStoreContract} run against {@link InMemoryAggregateStore}. */
class InMemoryAggregateStoreContractTest extends AggregateStoreContract {
  @Override
  protected AggregateStore newStore() {
    return new InMemoryAggregateStore();
  }
}
