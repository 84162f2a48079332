package io.tenantry.testkit.identity;

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
import io.tenantry.identity.RuleProcessingState;
import io.tenantry.identity.Scope;
import io.tenantry.identity.ServicePrincipal;
import io.tenantry.identity.User;
import io.tenantry.identity.UserType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries for valid, small, adversarial tenant directories: members, guests and
 * soft-deleted users with a few attributes; groups of every kind, some role-assignable with
 * members and owners; assigned, dynamic and restricted AUs; service principals; custom roles; and
 * role assignments at tenant, AU and object scope (only where §1.4 allows them). Object ids are
 * prefixed with the tenant id, so two tenants never share an id.
 */
public final class DirectoryArbitraries {
  private DirectoryArbitraries() {}

  private static final List<String> COUNTRIES = List.of("US", "DE", "de", "FR", "AT");
  private static final List<String> DEPARTMENTS = List.of("Sales", "Finance", "Legal", "sales");
  private static final List<String> RULES = List.of(
      "user.country -eq \"DE\"", "user.department -startsWith \"sa\"", "user.userType -eq \"Guest\"",
      "user.country -in [\"FR\", \"AT\"] -or -not (user.department -ne \"Legal\")",
      "user.department -contains \"an\" -and user.country -notIn [\"US\"]");

  /** The actions the properties ask about (directory writes, reads, reports, invitations). */
  public static final List<Permission> ACTIONS = List.of(
      "microsoft.directory/users/password/update", "microsoft.directory/users/invalidateAllRefreshTokens",
      "microsoft.directory/users/basic/update", "microsoft.directory/users/disable",
      "microsoft.directory/users/delete", "microsoft.directory/users/restore",
      "microsoft.directory/deletedItems.users/restore", "microsoft.directory/users/standard/read",
      "microsoft.directory/users/create", "microsoft.directory/users/inviteGuest",
      "microsoft.directory/users/authenticationMethods/create", "microsoft.directory/users/userPrincipalName/update",
      "microsoft.directory/users/authenticationMethods/standard/read",
      "microsoft.directory/users/authenticationMethods/standard/restrictedRead",
      "microsoft.directory/deletedItems/restore",
      "microsoft.directory/groups/members/update", "microsoft.directory/groups.unified/members/update",
      "microsoft.directory/groupsAssignableToRoles/allProperties/update",
      "microsoft.directory/administrativeUnits/members/update",
      "microsoft.office365.usageReports/allEntities/allProperties/read")
      .stream().map(Permission::parse).toList();

  private static final List<Permission> CUSTOM_POOL = List.of(
      "microsoft.directory/users/password/update", "microsoft.directory/users/basic/update",
      "microsoft.directory/users/disable", "microsoft.directory/groups/members/update",
      "microsoft.directory/applications/standard/read", "microsoft.directory/users/standard/read",
      "microsoft.directory/users/inviteGuest", "microsoft.directory/users/authenticationMethods/standard/read")
      .stream().map(Permission::parse).toList();

  private static final List<RoleId> ROLES = List.of(BuiltInRoles.GLOBAL_ADMINISTRATOR, BuiltInRoles.USER_ADMINISTRATOR,
      BuiltInRoles.HELPDESK_ADMINISTRATOR, BuiltInRoles.PASSWORD_ADMINISTRATOR,
      BuiltInRoles.AUTHENTICATION_ADMINISTRATOR, BuiltInRoles.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
      BuiltInRoles.GROUPS_ADMINISTRATOR, BuiltInRoles.PRIVILEGED_ROLE_ADMINISTRATOR, BuiltInRoles.REPORTS_READER,
      BuiltInRoles.DIRECTORY_READERS, BuiltInRoles.GUEST_INVITER, BuiltInRoles.LICENSE_ADMINISTRATOR,
      BuiltInRoles.TEAMS_ADMINISTRATOR, BuiltInRoles.GLOBAL_READER);

  /**
   * Random valid directories of one tenant.
   *
   * @param tenant the tenant
   * @return the arbitrary
   */
  public static Arbitrary<Directory> directories(TenantId tenant) {
    return Arbitraries.randomValue(r -> directory(tenant, r));
  }

  /**
   * Builds one random valid directory from a random source (same source, same directory).
   *
   * @param tenant the tenant
   * @param r the random source
   * @return the directory
   */
  public static Directory directory(TenantId tenant, Random r) {
    String p = tenant.value() + "-";
    Directory.Builder b = Directory.builder(tenant)
        .allowInvitesFrom(AllowInvitesFrom.values()[r.nextInt(AllowInvitesFrom.values().length)]);
    b.allowAuScopedUserAdminOnLimitedAdmins(r.nextInt(3) == 0);
    b.guestAccess(GuestAccessLevel.values()[r.nextInt(GuestAccessLevel.values().length)]);
    int nu = 3 + r.nextInt(10);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < nu; i++) {
      String id = p + "u" + i;
      users.add(id);
      b.user(new User(UserId.of(id), id + "@example.com", r.nextInt(5) == 0 ? UserType.GUEST : UserType.MEMBER,
          Map.of("country", pick(r, COUNTRIES), "department", pick(r, DEPARTMENTS)), r.nextInt(10) > 0,
          r.nextInt(8) == 0 ? LocalDate.of(2026, 1, 1 + r.nextInt(28)) : null));
    }
    List<String> sps = new ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      sps.add(p + "s" + i);
      b.servicePrincipal(new ServicePrincipal(p + "s" + i, "app " + i));
    }
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(4); i++) {
      GroupKind kind = GroupKind.values()[r.nextInt(GroupKind.values().length)];
      boolean ra = r.nextInt(3) == 0;
      Group g = new Group(GroupId.of(p + "g" + i), "group " + i, ra ? GroupKind.SECURITY : kind,
          subset(r, users, 3), subset(r, users, 1), ra);
      groups.add(g);
      b.group(g);
    }
    List<String> aus = new ArrayList<>();
    List<Boolean> restricted = new ArrayList<>();
    for (int i = 0; i < r.nextInt(4); i++) {
      boolean rm = r.nextInt(3) == 0;
      String id = p + "a" + i;
      aus.add(id);
      restricted.add(rm);
      if (r.nextInt(3) == 0) {
        // a third of the dynamic AUs have their rule processing paused, with the members they
        // kept (any users: the attributes may have changed since the pause)
        boolean paused = r.nextInt(3) == 0;
        b.adminUnit(new AdministrativeUnit(AdminUnitId.of(id), id, paused ? subset(r, users, 4) : Set.of(),
            Set.of(), MembershipRule.parse(pick(r, RULES)), rm,
            paused ? RuleProcessingState.PAUSED : RuleProcessingState.ON));
      } else {
        Set<GroupId> gs = new LinkedHashSet<>();
        for (Group g : groups) {
          if (r.nextInt(3) == 0 && (!rm || g.kind() == GroupKind.SECURITY)) {
            gs.add(g.id());
          }
        }
        b.adminUnit(new AdministrativeUnit(AdminUnitId.of(id), id, subset(r, users, 4), gs, null, rm));
      }
    }
    List<RoleDefinition> customs = new ArrayList<>();
    for (int i = 0; i < r.nextInt(3); i++) {
      List<Permission> ps = new ArrayList<>();
      for (Permission c : CUSTOM_POOL) {
        if (r.nextInt(3) == 0) {
          ps.add(c);
        }
      }
      if (ps.isEmpty()) {
        ps.add(pick(r, CUSTOM_POOL));
      }
      RoleDefinition c = RoleDefinition.custom(RoleId.of(p + "c" + i), "custom " + i, ps);
      customs.add(c);
      b.customRole(c);
    }
    List<String> principals = new ArrayList<>(users);
    principals.addAll(sps);
    groups.stream().filter(Group::roleAssignable).forEach(g -> principals.add(g.id().value()));
    int na = r.nextInt(12);
    for (int i = 0; i < na; i++) {
      String who = pick(r, principals);
      RoleDefinition role = r.nextInt(5) == 0 && !customs.isEmpty() ? pick(r, customs)
          : BuiltInRoles.get(pick(r, ROLES));
      Scope scope = Scope.TENANT;
      int s = r.nextInt(4);
      if (s == 1 && !aus.isEmpty() && role.auAssignable()) {
        scope = new Scope.AdminUnit(AdminUnitId.of(pick(r, aus)));
      } else if (s == 2 && !groups.isEmpty()) {
        scope = new Scope.DirectoryObject(pick(r, groups).id().value());
      }
      b.assign(new RoleAssignment(who, role.id(), scope));
    }
    return b.build();
  }

  /**
   * Every object id of a directory, plus one id the tenant does not have and (for tenant-level
   * checks) null.
   *
   * @param d the directory
   * @return the candidate targets
   */
  public static List<String> targets(Directory d) {
    List<String> out = new ArrayList<>();
    d.users().forEach(u -> out.add(u.id().value()));
    d.groups().forEach(g -> out.add(g.id().value()));
    d.adminUnits().forEach(a -> out.add(a.id().value()));
    d.servicePrincipals().forEach(s -> out.add(s.id()));
    out.add("nobody-" + d.tenant());
    out.add(null);
    return out;
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private static Set<String> subset(Random r, List<String> from, int max) {
    Set<String> out = new LinkedHashSet<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.add(pick(r, from));
    }
    return out;
  }
}
