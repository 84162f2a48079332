package io.tenantry.testkit.core;

import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.testkit.AuditLogContract;

class InMemoryAuditLogContractTest extends AuditLogContract {
  @Override
  protected AuditLog newLog() {
    return new InMemoryAuditLog();
  }
}
