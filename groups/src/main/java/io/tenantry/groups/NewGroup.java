package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.UserId;
import java.util.List;
import java.util.Objects;

/**
 * A request to create a group.
 *
 * @param displayName the name the user typed (the naming policy applies to Microsoft 365 groups)
 * @param kind the kind
 * @param owners the owners
 * @param members the members, guests flagged
 * @param memberGroups nested groups (security groups)
 */
public record NewGroup(String displayName, GroupKind kind, List<UserId> owners,
    List<GroupMember> members, List<GroupId> memberGroups) {

  /**
   * Validates the request and copies its lists.
   *
   * @throws NullPointerException if a component is null
   */
  public NewGroup {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(kind, "kind");
    owners = List.copyOf(owners);
    members = List.copyOf(members);
    memberGroups = List.copyOf(memberGroups);
  }

  /**
   * A request with owners only.
   *
   * @param displayName the name
   * @param kind the kind
   * @param owners the owners
   * @return the request
   */
  public static NewGroup of(String displayName, GroupKind kind, UserId... owners) {
    return new NewGroup(displayName, kind, List.of(owners), List.of(), List.of());
  }
}
