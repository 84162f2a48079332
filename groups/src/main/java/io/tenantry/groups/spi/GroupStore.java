package io.tenantry.groups.spi;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.groups.GroupState;
import java.util.List;
import java.util.Optional;

/**
 * The port that keeps each tenant's groups and their lifecycle status; a host implements it over its
 * own storage, or uses {@link InMemoryGroupStore}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant: a group put under one
 *       tenant is never visible under another, even with the same id.</li>
 *   <li><b>Tombstones.</b> A purged group is kept as a {@link
 *       io.tenantry.groups.LifecycleStatus.Purged} tombstone, so its id is never reused and later
 *       references are reported as purged; a tombstone holds no member or address (the service
 *       puts it stripped).</li>
 *   <li><b>Idempotency.</b> {@link #put} replaces the group's state; putting the same state twice
 *       changes nothing.</li>
 *   <li><b>Concurrent changes.</b> {@link #put} is unconditional: of two admins who read the same
 *       live group, one renewing and one deleting it, the later put silently undoes the earlier.
 *       {@link #replace} is the conditional write of such a read-modify-write: it is applied only
 *       when the stored state is still the one the caller read, atomically, and is otherwise
 *       refused with a {@link io.tenantry.core.error.ConflictException} of kind {@value
 *       #STALE_STATE}, so no concurrent change is lost; the caller reads again and decides.</li>
 *   <li><b>Order.</b> {@link #list} returns groups by id, ordinal.</li>
 *   <li><b>Threads.</b> Thread-safe; calls may block on I/O.</li>
 *   <li><b>Failures.</b> Storage failures surface as {@link
 *       io.tenantry.core.error.PortFailureException} carrying the cause.</li>
 * </ul>
 */
public interface GroupStore {

  /** The kind of the {@link io.tenantry.core.error.ConflictException} {@link #replace} raises. */
  String STALE_STATE = io.tenantry.core.error.ConflictException.STALE_VERSION;

  /**
   * Looks up a group.
   *
   * @param tenant the tenant
   * @param id the group id
   * @return its state (live, soft-deleted or a purged tombstone), or empty
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   */
  Optional<GroupState> find(TenantId tenant, GroupId id);

  /**
   * Lists a tenant's groups.
   *
   * @param tenant the tenant
   * @return every state, tombstones included, by group id
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   */
  List<GroupState> list(TenantId tenant);

  /**
   * Creates or replaces a group's state.
   *
   * @param tenant the tenant
   * @param state the state
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   */
  void put(TenantId tenant, GroupState state);

  /**
   * Replaces a group's state if, and only if, the stored state is still {@code expected}; the check
   * and the write are one atomic step.
   *
   * @param tenant the tenant
   * @param expected the state the caller read, or null for a group that must not exist yet
   * @param next the new state, of the same group
   * @throws io.tenantry.core.error.ConflictException of kind {@value #STALE_STATE} if the stored
   *     state is not {@code expected} (another change came first); nothing is written
   * @throws IllegalArgumentException if {@code expected} and {@code next} are not the same group
   * @throws io.tenantry.core.error.PortFailureException if the storage failed
   */
  void replace(TenantId tenant, GroupState expected, GroupState next);
}
