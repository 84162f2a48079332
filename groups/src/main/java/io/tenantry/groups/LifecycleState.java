package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of one tenant's groups and their lifecycle status, ordered by group id
 * (ordinal): the input of {@link LifecycleEngine#runDay}.
 *
 * <p>Held as an array sorted by id: a lookup is a binary search, and {@link #apply} copies the
 * array of references and replaces the changed entries (no map is rebuilt per day). The {@link
 * #groups()} map view is built on first use only.
 */
public final class LifecycleState {
  private static final Comparator<GroupState> BY_ID = Comparator.comparing(s -> s.group().id());
  private final TenantId tenant;
  private final GroupState[] ordered;
  private final List<GroupState> inOrder;
  private final List<GroupState> softDeleted;
  private volatile NavigableMap<GroupId, GroupState> groups;

  /** Takes ownership of {@code ordered}, which is sorted by id without duplicates. */
  private LifecycleState(TenantId tenant, GroupState[] ordered) {
    this.tenant = tenant;
    this.ordered = ordered;
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
    GroupState[] ordered = states.toArray(new GroupState[0]);
    for (GroupState s : ordered) {
      Objects.requireNonNull(s, "state");
    }
    Arrays.sort(ordered, BY_ID);
    for (int i = 1; i < ordered.length; i++) {
      if (ordered[i - 1].group().id().equals(ordered[i].group().id())) {
        throw new IllegalArgumentException("group id '" + ordered[i].group().id()
            + "' appears twice");
      }
    }
    return new LifecycleState(tenant, ordered);
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
    NavigableMap<GroupId, GroupState> map = groups;
    if (map == null) {
      TreeMap<GroupId, GroupState> built = new TreeMap<>();
      for (GroupState s : ordered) {
        built.put(s.group().id(), s);
      }
      map = Collections.unmodifiableNavigableMap(built);
      groups = map;
    }
    return map;
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
    return Optional.ofNullable(get(id));
  }

  /**
   * Looks up a group without allocating (the engine's per-action lookup).
   *
   * @param id the group id
   * @return its state, or null when the tenant has no such group
   * @throws NullPointerException if the id is null
   */
  public GroupState get(GroupId id) {
    int i = indexOf(id);
    return i >= 0 ? ordered[i] : null;
  }

  private int indexOf(GroupId id) {
    Objects.requireNonNull(id, "id");
    int lo = 0;
    int hi = ordered.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = ordered[mid].group().id().compareTo(id);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /**
   * Returns the snapshot after a day's changes.
   *
   * @param changes the new states of the groups that changed, by id
   * @return a new snapshot (this one is unchanged); a group id it did not hold is added
   * @throws IllegalArgumentException if a change is filed under another group's id
   */
  public LifecycleState apply(Map<GroupId, GroupState> changes) {
    if (changes.isEmpty()) {
      return this;
    }
    GroupState[] next = ordered.clone();
    List<GroupState> added = new ArrayList<>();
    for (Map.Entry<GroupId, GroupState> c : changes.entrySet()) {
      GroupState s = c.getValue();
      if (!s.group().id().equals(c.getKey())) {
        throw new IllegalArgumentException("the change filed under group id '" + c.getKey()
            + "' is the state of group '" + s.group().id() + "'");
      }
      int i = indexOf(c.getKey());
      if (i >= 0) {
        next[i] = s;
      } else {
        added.add(s);
      }
    }
    if (!added.isEmpty()) {
      GroupState[] grown = Arrays.copyOf(next, next.length + added.size());
      for (int i = 0; i < added.size(); i++) {
        grown[next.length + i] = added.get(i);
      }
      Arrays.sort(grown, BY_ID);
      next = grown;
    }
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
