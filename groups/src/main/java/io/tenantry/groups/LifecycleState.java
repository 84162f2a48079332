package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of one tenant's groups and their lifecycle status, ordered by group id
 * (ordinal): the input of {@link LifecycleEngine#runDay}.
 */
public final class LifecycleState {
  private final TenantId tenant;
  private final NavigableMap<GroupId, GroupState> groups;
  private final List<GroupState> inOrder;
  private final List<GroupState> softDeleted;

  private LifecycleState(TenantId tenant, NavigableMap<GroupId, GroupState> groups) {
    this.tenant = tenant;
    this.groups = Collections.unmodifiableNavigableMap(groups);
    GroupState[] ordered = groups.values().toArray(new GroupState[0]);
    this.inOrder = Collections.unmodifiableList(Arrays.asList(ordered));
    List<GroupState> deleted = new ArrayList<>();
    for (GroupState s : ordered) {
      if (s.status() instanceof LifecycleStatus.SoftDeleted) {
        deleted.add(s);
      }
    }
    this.softDeleted = Collections.unmodifiableList(deleted);
  }

  /**
   * Creates a snapshot.
   *
   * @param tenant the tenant all groups belong to
   * @param states the groups and their status
   * @return the snapshot
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if two states have the same group id
   */
  public static LifecycleState of(TenantId tenant, Collection<GroupState> states) {
    Objects.requireNonNull(tenant, "tenant");
    TreeMap<GroupId, GroupState> map = new TreeMap<>();
    for (GroupState s : states) {
      if (map.put(s.group().id(), s) != null) {
        throw new IllegalArgumentException("group id '" + s.group().id() + "' appears twice");
      }
    }
    return new LifecycleState(tenant, map);
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Returns the groups, by id.
   *
   * @return an unmodifiable map ordered by group id
   */
  public NavigableMap<GroupId, GroupState> groups() {
    return groups;
  }

  /**
   * Returns the groups in id order as a random-access list (the engine's daily pass walks it
   * without allocating).
   *
   * @return an unmodifiable list ordered by group id
   */
  public List<GroupState> inOrder() {
    return inOrder;
  }

  /**
   * Returns the soft-deleted groups, in id order (the candidates for the day's purges).
   *
   * @return an unmodifiable list
   */
  public List<GroupState> softDeleted() {
    return softDeleted;
  }

  /**
   * Looks up a group.
   *
   * @param id the group id
   * @return its state, or empty when the tenant has no such group
   */
  public Optional<GroupState> find(GroupId id) {
    return Optional.ofNullable(groups.get(id));
  }

  /**
   * Returns the snapshot after a day's changes.
   *
   * @param changes the new states of the groups that changed, by id
   * @return a new snapshot (this one is unchanged)
   */
  public LifecycleState apply(Map<GroupId, GroupState> changes) {
    if (changes.isEmpty()) {
      return this;
    }
    TreeMap<GroupId, GroupState> next = new TreeMap<>(groups);
    next.putAll(changes);
    return new LifecycleState(tenant, next);
  }

  /**
   * Returns the snapshot after a day.
   *
   * @param outcome what the day changed
   * @return a new snapshot
   */
  public LifecycleState apply(DayOutcome outcome) {
    return apply(outcome.changes());
  }
}
