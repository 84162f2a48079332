package io.tenantry.jdbc;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.AllowInvitesFrom;
import io.tenantry.identity.GuestAccessLevel;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Group;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.MembershipRule;
import io.tenantry.identity.Permission;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.Scope;
import io.tenantry.identity.ServicePrincipal;
import io.tenantry.identity.TenantLimits;
import io.tenantry.identity.User;
import io.tenantry.identity.UserType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Directories for the JDBC directory tests: one using every feature, copies, and a comparable form. */
final class Directories {
  private Directories() {}

  /** A directory with every kind of object, list, flag, scope and setting away from its default. */
  static Directory rich(TenantId t) {
    return Directory.builder(t)
        .user(new User(UserId.of("alice"), "alice@" + t + ".example", UserType.MEMBER,
            Map.of("department", "Sales", "country", "DE", "jobTitle", "Lead"), true, null))
        .user(new User(UserId.of("guest1"), "guest1_partner.example#EXT#", UserType.GUEST,
            Map.of(), false, null))
        .user(new User(UserId.of("gone"), "", UserType.MEMBER, Map.of("department", "HR"), true,
            LocalDate.of(2026, 2, 3)))
        .group(new Group(GroupId.of("admins"), "Admins", GroupKind.SECURITY,
            Set.of("alice"), Set.of("alice"), true))
        .group(new Group(GroupId.of("team"), "Team", GroupKind.MICROSOFT365,
            new java.util.LinkedHashSet<>(List.of("guest1", "alice", "admins")), Set.of(), false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("au-sales"), "Sales", Set.of(), Set.of(),
            MembershipRule.parse("user.department -eq \"Sales\""), false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("au-locked"), "Locked",
            Set.of("guest1"), Set.of(GroupId.of("admins")), null, true))
        .servicePrincipal(new ServicePrincipal("sp-backup", "Backup app"))
        .customRole(RoleDefinition.custom(RoleId.of("reset-only"), "Password reset only",
            List.of(Permission.parse("microsoft.directory/users/password/update"))))
        .assign(new RoleAssignment("alice", BuiltInRoles.GLOBAL_READER, Scope.TENANT))
        .assign(new RoleAssignment("admins", BuiltInRoles.USER_ADMINISTRATOR, Scope.TENANT))
        .assign(new RoleAssignment("alice", RoleId.of("reset-only"),
            Scope.parse("/administrativeUnits/au-sales")))
        .assign(new RoleAssignment("sp-backup", BuiltInRoles.GROUPS_ADMINISTRATOR,
            Scope.parse("/team")))
        .allowInvitesFrom(AllowInvitesFrom.ADMINS_AND_GUEST_INVITERS)
        .limits(new TenantLimits(20, 50, 60, 70, 80, 90, 40))
        .allowAuScopedUserAdminOnLimitedAdmins(true)
        .guestAccess(GuestAccessLevel.SAME_AS_MEMBERS)
        .build();
  }

  /** A directory of the given users (members, by id), each with no other attribute. */
  static Directory ofUsers(TenantId t, List<String> users) {
    Directory.Builder b = Directory.builder(t);
    users.forEach(u -> b.user(User.member(u, u + "@" + t + ".example")));
    return b.build();
  }

  /** A copy of a directory with other role assignments. */
  static Directory withAssignments(Directory d, List<RoleAssignment> assignments) {
    Directory.Builder b = Directory.builder(d.tenant()).allowInvitesFrom(d.allowInvitesFrom())
        .limits(d.limits()).guestAccess(d.guestAccess())
        .allowAuScopedUserAdminOnLimitedAdmins(d.allowAuScopedUserAdminOnLimitedAdmins());
    d.users().forEach(b::user);
    d.groups().forEach(b::group);
    d.adminUnits().forEach(b::adminUnit);
    d.servicePrincipals().forEach(b::servicePrincipal);
    d.customRoles().forEach(b::customRole);
    assignments.forEach(b::assign);
    return b.build();
  }

  /** Everything a directory holds, in order, as a comparable value (Directory has no equals). */
  static List<Object> describe(Directory d) {
    return List.of(d.tenant(), d.users(), d.groups(), d.adminUnits(), d.servicePrincipals(),
        d.customRoles(), d.assignments(), d.allowInvitesFrom(), d.limits(),
        d.allowAuScopedUserAdminOnLimitedAdmins(), d.guestAccess());
  }
}
