package io.tenantry.groups.spi;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.groups.GroupState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A thread-safe {@link GroupStore} held in memory, one sorted map per tenant; {@link #replace} is
 * the map's atomic compare-and-set on the state's value.
 */
public final class InMemoryGroupStore implements GroupStore {
  private final Map<TenantId, ConcurrentSkipListMap<GroupId, GroupState>> tenants =
      new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryGroupStore() {}

  @Override
  public Optional<GroupState> find(TenantId tenant, GroupId id) {
    Objects.requireNonNull(id, "id");
    Map<GroupId, GroupState> groups = tenants.get(Objects.requireNonNull(tenant, "tenant"));
    return groups == null ? Optional.empty() : Optional.ofNullable(groups.get(id));
  }

  @Override
  public List<GroupState> list(TenantId tenant) {
    Map<GroupId, GroupState> groups = tenants.get(Objects.requireNonNull(tenant, "tenant"));
    return groups == null ? List.of() : List.copyOf(groups.values());
  }

  @Override
  public void put(TenantId tenant, GroupState state) {
    Objects.requireNonNull(state, "state");
    tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"),
        t -> new ConcurrentSkipListMap<>()).put(state.group().id(), state);
  }

  @Override
  public void replace(TenantId tenant, GroupState expected, GroupState next) {
    Objects.requireNonNull(next, "next");
    GroupId id = next.group().id();
    if (expected != null && !expected.group().id().equals(id)) {
      throw new IllegalArgumentException("expected state of group '" + expected.group().id()
          + "' cannot be replaced by a state of group '" + id + "'");
    }
    ConcurrentSkipListMap<GroupId, GroupState> groups = tenants.computeIfAbsent(
        Objects.requireNonNull(tenant, "tenant"), t -> new ConcurrentSkipListMap<>());
    boolean replaced = expected == null ? groups.putIfAbsent(id, next) == null
        : groups.replace(id, expected, next);
    if (!replaced) {
      throw new ConflictException(STALE_STATE, "group '" + id + "' of tenant '" + tenant
          + "' changed since it was read: another change came first; read it again");
    }
  }
}
