package io.tenantry.jdbc;

import io.tenantry.core.GroupId;
import io.tenantry.core.UserId;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GroupMember;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.LifecycleStatus;
import java.time.LocalDate;
import java.util.List;

/** Group states for the JDBC group tests. */
final class GroupStates {
  private GroupStates() {}

  /** A live Microsoft 365 group with an owner, a member, a guest, a member group and an address. */
  static GroupState live(GroupId id) {
    LocalDate day = LocalDate.of(2026, 1, 1);
    Group g = Group.of(id, "Group " + id, GroupKind.MICROSOFT_365, day)
        .withOwners(List.of(UserId.of("owner")))
        .withMembers(List.of(GroupMember.member(UserId.of("m")), GroupMember.guest(UserId.of("g"))))
        .withMemberGroups(List.of(GroupId.of("nested")))
        .withProxyAddresses(List.of("SMTP:" + id + "@contoso.com"));
    return new GroupState(g, new LifecycleStatus.Active(day, day.plusDays(180)));
  }
}
