package io.tenantry.groups;

import java.util.Objects;

/**
 * A group together with its lifecycle status: what a {@link io.tenantry.groups.spi.GroupStore}
 * keeps per group.
 *
 * @param group the group (unchanged by soft delete and restore)
 * @param status live, soft-deleted or purged
 */
public record GroupState(Group group, LifecycleStatus status) {

  /**
   * Validates the state.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a security or distribution group is soft-deleted (they are
   *     deleted permanently at once)
   */
  public GroupState {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(status, "status");
    if (status instanceof LifecycleStatus.SoftDeleted && !group.kind().softDeletes()) {
      throw new IllegalArgumentException("group '" + group.id() + "' is a "
          + group.kind().fileName() + " group, which cannot be soft-deleted");
    }
  }

  /**
   * Tells whether the group is live (neither soft-deleted nor purged).
   *
   * @return true for {@link LifecycleStatus.Active}
   */
  public boolean isLive() {
    return status instanceof LifecycleStatus.Active;
  }

  /**
   * Returns a copy with another status.
   *
   * @param newStatus the status
   * @return the new state
   */
  public GroupState with(LifecycleStatus newStatus) {
    return new GroupState(group, newStatus);
  }
}
