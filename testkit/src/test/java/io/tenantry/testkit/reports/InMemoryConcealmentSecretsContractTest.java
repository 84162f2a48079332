package io.tenantry.testkit.reports;

import io.tenantry.reports.spi.ConcealmentSecrets;
import io.tenantry.reports.spi.InMemoryConcealmentSecrets;

/** The {@link ConcealmentSecretsContract} run against {@link InMemoryConcealmentSecrets}. */
class InMemoryConcealmentSecretsContractTest extends ConcealmentSecretsContract {
  @Override
  protected ConcealmentSecrets newSecrets() {
    return InMemoryConcealmentSecrets.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16});
  }
}
