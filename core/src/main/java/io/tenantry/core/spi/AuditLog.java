package io.tenantry.core.spi;

import io.tenantry.core.Page;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The port through which Tenantry writes and reads audit trails; a host implements it over its own
 * storage, or uses {@link InMemoryAuditLog}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant: a record is stored under
 *       {@link AuditRecord#tenant()}, and {@link #query(AuditQuery)} never returns a record of
 *       another tenant, nor reveals (through page tokens, counts or errors) that another tenant has
 *       records.</li>
 *   <li><b>Append-only.</b> Records are never changed. Appending a record whose id the tenant's
 *       trail already holds is a no-op when the two records are equal (so retries are safe) and a
 *       {@link io.tenantry.core.error.ConflictException} of kind {@code DUPLICATE_ID} when they
 *       differ. Records are removed only by {@link #purgeBefore(TenantId, Instant)}.</li>
 *   <li><b>Order.</b> Queries return records by time, then by order of appending; paging with the
 *       returned tokens visits every matching record exactly once.</li>
 *   <li><b>Durability.</b> When {@link #append(AuditRecord)} returns, the record is visible to
 *       every later query.</li>
 *   <li><b>Threads.</b> Implementations are thread-safe; calls may block on I/O.</li>
 *   <li><b>Failures.</b> Storage failures surface as {@link
 *       io.tenantry.core.error.PortFailureException} carrying the cause. Callers treat a failed
 *       append as a failed operation (fail closed): an activity that cannot be audited is not
 *       performed.</li>
 * </ul>
 */
public interface AuditLog {

  /**
   * Appends a record to its tenant's trail.
   *
   * @param record the record
   * @throws io.tenantry.core.error.ConflictException if the tenant's trail holds a different
   *     record with the same id
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   * @throws NullPointerException if {@code record} is null
   */
  void append(AuditRecord record);

  /**
   * Reads one page of a tenant's trail.
   *
   * @param query the tenant, filters, page size and previous page's token
   * @return the matching records, oldest first, and the next page's token when more match
   * @throws io.tenantry.core.error.ValidationException if the page token was not issued by this
   *     log for this tenant
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   */
  Page<AuditRecord> query(AuditQuery query);

  /**
   * Removes a tenant's records older than a cut-off (retention).
   *
   * @param tenant the tenant
   * @param cutoff records with a time strictly before it are removed
   * @return how many records were removed
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   */
  long purgeBefore(TenantId tenant, Instant cutoff);

  /**
   * Applies a retention period: removes a tenant's records older than {@code retention} before now.
   * Microsoft's Audit (Standard) keeps records 180 days.
   *
   * @param tenant the tenant
   * @param retention how long records are kept; positive
   * @param clock the source of "now"
   * @return how many records were removed
   * @throws IllegalArgumentException if {@code retention} is zero or negative
   */
  default long applyRetention(TenantId tenant, Duration retention, InstantSource clock) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isZero() || retention.isNegative()) {
      throw new IllegalArgumentException("retention must be positive, got " + retention);
    }
    return purgeBefore(tenant, clock.instant().minus(retention));
  }
}
