package io.tenantry.benchmarks.store;

import io.tenantry.core.Page;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.spi.AuditLog;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * An audit log that counts records and keeps none, so that a benchmark measures the store and not
 * a list that grows by two records per put+get. Queries return an empty page.
 */
final class DiscardingAuditLog implements AuditLog {
  private final LongAdder appended = new LongAdder();

  @Override
  public void append(AuditRecord record) {
    appended.increment();
  }

  @Override
  public Page<AuditRecord> query(AuditQuery query) {
    return new Page<>(List.of(), null);
  }

  @Override
  public long purgeBefore(TenantId tenant, java.time.Instant cutoff) {
    return 0;
  }

  long appended() {
    return appended.sum();
  }
}
