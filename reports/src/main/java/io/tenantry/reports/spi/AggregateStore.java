package io.tenantry.reports.spi;

import io.tenantry.core.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Where a host keeps a tenant's aggregate snapshots between runs: named byte strings, typically
 * {@link io.tenantry.reports.PartialAggregate#toBytes()} of a window or of one partition of the
 * events, so a report can be computed incrementally or by several workers that merge their
 * partials ({@link io.tenantry.reports.PartialAggregate#merge}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call names one tenant and touches only its snapshots; the same
 *       name under two tenants is two snapshots.</li>
 *   <li><b>Optimistic concurrency.</b> {@link #put} states the version it replaces (0 for a new
 *       name) and fails with a {@link io.tenantry.core.error.ConflictException} of kind {@code
 *       STALE_VERSION}, changing nothing, when the stored version differs: two workers merging
 *       into one snapshot never lose each other's partial — the loser reads, merges again and
 *       retries.</li>
 *   <li><b>Atomicity.</b> A put stores the whole snapshot or nothing; a reader never sees part of
 *       one. Arrays are copied in and out.</li>
 *   <li><b>Threads and failures.</b> Thread-safe; calls may block. A failing medium throws {@link
 *       io.tenantry.core.error.PortFailureException} carrying the cause.</li>
 * </ul>
 * Names follow {@link AggregateSnapshot#checkName}. The in-memory implementation is {@link
 * InMemoryAggregateStore}; the testkit's {@code AggregateStoreContract} checks adapters.
 */
public interface AggregateStore {

  /**
   * Stores a snapshot, replacing the version given.
   *
   * @param tenant the tenant
   * @param name the snapshot's name
   * @param expectedVersion the version replaced, or 0 when the name must be new
   * @param bytes the content
   * @return the stored version: {@code expectedVersion + 1}
   * @throws io.tenantry.core.error.ConflictException of kind {@code STALE_VERSION} if the
   *     stored version is not {@code expectedVersion}
   * @throws io.tenantry.core.error.ValidationException if the name is malformed
   * @throws IllegalArgumentException if {@code expectedVersion} is negative
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  long put(TenantId tenant, String name, long expectedVersion, byte[] bytes);

  /**
   * Reads a snapshot.
   *
   * @param tenant the tenant
   * @param name the snapshot's name
   * @return the snapshot, or empty when there is none of that name
   * @throws io.tenantry.core.error.ValidationException if the name is malformed
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  Optional<AggregateSnapshot> get(TenantId tenant, String name);

  /**
   * Lists the names of a tenant's snapshots.
   *
   * @param tenant the tenant
   * @return the names, sorted (by {@link String#compareTo})
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  List<String> list(TenantId tenant);

  /**
   * Removes a snapshot; removing a missing one is a no-op.
   *
   * @param tenant the tenant
   * @param name the snapshot's name
   * @return true when a snapshot was removed
   * @throws io.tenantry.core.error.ValidationException if the name is malformed
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  boolean delete(TenantId tenant, String name);
}
