package io.tenantry.testkit.identity;

import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.AllowInvitesFrom;
import io.tenantry.identity.GuestAccessLevel;
import io.tenantry.identity.AntiEscalation;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Directory.ObjectKind;
import io.tenantry.identity.Group;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.Permission;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.RuleProcessingState;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A naive reference implementation of the Authorizer's rules (the oracle for differential
 * properties): every question is answered by scanning the directory's lists, with no interning,
 * indexes or caches. Slow by design and easy to read against {@code directory-semantics.md} §1–2
 * and {@code cli.md} "authz test". It reuses only the value types ({@link Permission#grants},
 * {@link io.tenantry.identity.MembershipRule#matches}) and the matrix tables of
 * {@link AntiEscalation}.
 */
public final class NaiveAuthorizer {
  private static final Permission READ_USERS = Permission.parse("microsoft.directory/users/standard/read");

  private final Directory d;

  /**
   * Creates the oracle over one tenant's directory.
   *
   * @param directory the directory
   */
  public NaiveAuthorizer(Directory directory) {
    this.d = directory;
  }

  /**
   * Decides a check the naive way.
   *
   * @param principal the acting principal's id
   * @param action the action
   * @param target the target's id, or null
   * @return true for allow
   */
  public boolean allowed(String principal, Permission action, String target) {
    Optional<ObjectKind> pk = d.kindOf(principal);
    if (pk.isEmpty() || pk.get() == ObjectKind.ADMIN_UNIT) {
      return false;
    }
    if (d.user(principal).map(u -> u.isDeleted() || !u.accountEnabled()).orElse(false)) {
      return false;
    }
    if (target != null) {
      if (d.kindOf(target).isEmpty()) {
        return false;
      }
      boolean purgeOrRestore = action.namespace().equals("microsoft.directory")
          && (action.baseEntity().equals("users") || action.entity().equals("deletedItems")
              || action.entity().equals("allEntities"))
          && List.of("restore", "delete", "allTasks").contains(action.action());
      if (d.user(target).map(User::isDeleted).orElse(false) && !purgeOrRestore) {
        return false;
      }
    }
    if (action.toString().equals("microsoft.directory/users/inviteGuest")) {
      AllowInvitesFrom policy = d.allowInvitesFrom();
      if (policy == AllowInvitesFrom.NONE) {
        return false;
      }
      boolean isUser = pk.get() == ObjectKind.USER;
      if (policy == AllowInvitesFrom.EVERYONE && isUser) {
        return true;
      }
      if (policy == AllowInvitesFrom.ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS && isUser
          && (!d.user(principal).orElseThrow().isGuest() || d.guestAccess() == GuestAccessLevel.SAME_AS_MEMBERS)) {
        return true;
      }
    }
    if (target != null && !kindsFit(action, target)) {
      return false;
    }
    // §1.2: while an AU is dynamic its rule alone owns its members; nobody adds or removes them.
    if (target != null && !action.isRead() && action.namespace().equals("microsoft.directory")
        && action.baseEntity().equals("administrativeUnits") && action.propertySet().equals("members")
        && d.adminUnit(target).map(AdministrativeUnit::isDynamic).orElse(false)) {
      return false;
    }
    Permission requested = action;
    Optional<Group> tg = target == null ? Optional.empty() : d.group(target);
    if (tg.isPresent() && tg.get().roleAssignable() && !action.isRead()
        && action.namespace().equals("microsoft.directory") && action.baseEntity().equals("groups")
        && !action.entity().startsWith("deletedItems.")) {
      requested = new Permission(action.namespace(), "groupsAssignableToRoles", action.propertySet(),
          action.action());
    }
    Set<AntiEscalation.Column> blockedColumns = EnumSet.noneOf(AntiEscalation.Column.class);
    AntiEscalation.Kind blockedBy = AntiEscalation.Kind.NONE;
    for (RoleAssignment a : assignmentsOf(principal)) {
      RoleDefinition role = d.role(a.roleId()).orElseThrow();
      if (!role.grants(requested) || !covers(a, principal, target, action)) {
        continue;
      }
      if (action.toString().equals("microsoft.directory/users/inviteGuest")
          && d.allowInvitesFrom() != AllowInvitesFrom.EVERYONE && !role.builtIn()) {
        continue; // §4.1: only the named admin roles invite under the restricted settings
      }
      boolean authMethodsRead = action.isRead() && action.namespace().equals("microsoft.directory")
          && (action.entity().equals("users") || action.entity().equals("allEntities"))
          && action.propertySet().startsWith("authenticationMethods");
      if (target != null && authMethodsRead && auScopedOnAdmin(a, target)) {
        continue; // §1.5: no read of an admin's authentication methods at AU scope
      }
      if (target != null && !action.isRead()) {
        if (action.namespace().equals("microsoft.directory") && isInRestrictedAu(target) && !(a.scope() instanceof Scope.AdminUnit s
            && d.adminUnit(s.id()).orElseThrow().restricted() && directMembers(s.id().value()).contains(target))) {
          continue;
        }
        if (auScopedOnAdmin(a, target)) {
          continue; // 9.2, and its opt-in policy for User Administrator on limited admins
        }
        AntiEscalation.Kind kind = d.user(target).isPresent() ? AntiEscalation.classify(action)
            : AntiEscalation.Kind.NONE;
        if (kind != AntiEscalation.Kind.NONE && !matrixAllows(kind, role, target)) {
          Optional<AntiEscalation.Column> col = AntiEscalation.column(role.id());
          if (col.isPresent() && AntiEscalation.inMatrix(kind, col.get())) {
            blockedColumns.add(col.get());
            blockedBy = kind;
          }
          continue;
        }
      }
      return true;
    }
    // 9.3: for every role the target holds, some role of the actor's may act
    return blockedBy != AntiEscalation.Kind.NONE && matrixAllows(blockedColumns, target);
  }

  /**
   * Whether §1.5 (as 9.2 resolves it) keeps an assignment from acting on a target: it is AU-scoped,
   * the target holds an admin role, and 9.2's opt-in for User Administrator on limited admins does
   * not apply.
   */
  private boolean auScopedOnAdmin(RoleAssignment a, String target) {
    return a.scope() instanceof Scope.AdminUnit && !assignmentsOf(target).isEmpty()
        && !(d.allowAuScopedUserAdminOnLimitedAdmins() && a.roleId().equals(BuiltInRoles.USER_ADMINISTRATOR)
            && matrixAllows(EnumSet.of(AntiEscalation.Column.USER_ADMIN), target));
  }

  /**
   * The admin-center user list of a principal ({@code cli.md} rule 10), naively.
   *
   * @param principal the principal
   * @return the visible user ids
   */
  public Set<String> visibleUsers(String principal) {
    Set<String> out = new LinkedHashSet<>();
    Optional<ObjectKind> pk = d.kindOf(principal);
    if (pk.isEmpty() || pk.get() == ObjectKind.ADMIN_UNIT
        || d.user(principal).map(u -> u.isDeleted() || !u.accountEnabled()).orElse(false)) {
      return out;
    }
    for (RoleAssignment a : assignmentsOf(principal)) {
      RoleDefinition role = d.role(a.roleId()).orElseThrow();
      boolean manages = role.permissions().stream().anyMatch(p -> p.namespace().equals("microsoft.directory")
          && (p.entity().equals("users") || p.entity().equals("allEntities")) && !p.isRead()
          && !p.action().equals("inviteGuest"));
      if (a.scope() instanceof Scope.Tenant && manages) {
        out.clear();
        d.users().stream().filter(u -> !u.isDeleted()).forEach(u -> out.add(u.id().value()));
        return out;
      }
    }
    for (RoleAssignment a : assignmentsOf(principal)) {
      if (a.scope() instanceof Scope.AdminUnit s && (!guestOrApp(principal) || readsDirectory(principal))) {
        for (String m : directMembers(s.id().value())) {
          if (d.user(m).filter(u -> !u.isDeleted()).isPresent()) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  /**
   * The assignments that apply to a principal: its own and those of the role-assignable groups it
   * is a direct member of.
   *
   * @param principal the principal
   * @return the assignments
   */
  public List<RoleAssignment> assignmentsOf(String principal) {
    List<RoleAssignment> out = new ArrayList<>();
    for (RoleAssignment a : d.assignments()) {
      if (a.principalId().equals(principal)) {
        out.add(a);
      } else {
        Optional<Group> g = d.group(a.principalId());
        if (g.isPresent() && g.get().roleAssignable() && g.get().members().contains(principal)) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /**
   * The direct members of an AU: users (listed, or matching the rule while it is processed) and
   * groups.
   *
   * @param auId the AU
   * @return the member ids
   */
  public Set<String> directMembers(String auId) {
    AdministrativeUnit au = d.adminUnit(auId).orElseThrow();
    Set<String> out = new LinkedHashSet<>();
    if (au.rule() != null && au.processing() == RuleProcessingState.ON) {
      for (User u : d.users()) {
        if (!u.isDeleted() && au.rule().matches(u)) {
          out.add(u.id().value());
        }
      }
    } else {
      out.addAll(au.memberUsers());
    }
    au.memberGroups().forEach(g -> out.add(g.value()));
    return out;
  }

  private boolean guestOrApp(String principal) {
    return d.kindOf(principal).orElseThrow() == ObjectKind.SERVICE_PRINCIPAL
        || d.user(principal).map(User::isGuest).orElse(false);
  }

  private boolean readsDirectory(String principal) {
    for (RoleAssignment a : assignmentsOf(principal)) {
      if (a.scope() instanceof Scope.Tenant && d.role(a.roleId()).orElseThrow().grants(READ_USERS)) {
        return true;
      }
    }
    return false;
  }

  private boolean covers(RoleAssignment a, String principal, String target, Permission action) {
    if (a.scope() instanceof Scope.Tenant) {
      return true;
    }
    if (target == null) {
      return false;
    }
    if (a.scope() instanceof Scope.DirectoryObject o) {
      return o.objectId().equals(target);
    }
    Scope.AdminUnit s = (Scope.AdminUnit) a.scope();
    if (guestOrApp(principal) && !readsDirectory(principal)) {
      return false;
    }
    if (!action.namespace().equals("microsoft.directory")) {
      return false; // §1.4, §1.6: an AU scope manages directory members, no workload admin center
    }
    if (action.isRead() && action.namespace().equals("microsoft.directory")
        && action.propertySet().equals("standard")) {
      return true; // 9.4: reads of standard properties are never restricted by AUs
    }
    if (a.roleId().equals(BuiltInRoles.USER_ADMINISTRATOR) && !action.isRead()
        && action.namespace().equals("microsoft.directory") && action.entity().equals("users")
        && action.propertySet().equals("photo")) {
      return false; // §1.4: at AU scope, User Administrator cannot manage profile photos
    }
    return directMembers(s.id().value()).contains(target)
        || (s.id().value().equals(target) && action.action().equals("create"));
  }

  private boolean isInRestrictedAu(String target) {
    for (AdministrativeUnit au : d.adminUnits()) {
      if (au.restricted() && directMembers(au.id().value()).contains(target)) {
        return true;
      }
    }
    return false;
  }

  private boolean kindsFit(Permission action, String target) {
    if (!action.namespace().equals("microsoft.directory")) {
      return true;
    }
    ObjectKind k = d.kindOf(target).orElseThrow();
    String base = action.baseEntity();
    boolean users = base.equals("users");
    boolean groups = base.equals("groups") || base.equals("groupsAssignableToRoles");
    if (k == ObjectKind.ADMIN_UNIT) {
      return !(users || groups) || action.action().equals("create");
    }
    if (users) {
      return k == ObjectKind.USER;
    }
    if (groups && k != ObjectKind.GROUP) {
      return false;
    }
    if (action.entity().equals("groups.unified") && d.group(target).orElseThrow().kind() != GroupKind.MICROSOFT365) {
      return false;
    }
    return !base.equals("groupsAssignableToRoles") || d.group(target).orElseThrow().roleAssignable();
  }

  private boolean matrixAllows(AntiEscalation.Kind kind, RoleDefinition actor, String target) {
    Optional<AntiEscalation.Column> col = AntiEscalation.column(actor.id());
    if (col.isEmpty()) {
      return assignmentsOf(target).isEmpty() && !ragMemberOrOwner(target) && !holdsRmauRole(target);
    }
    return AntiEscalation.inMatrix(kind, col.get()) && matrixAllows(Set.of(col.get()), target);
  }

  private boolean ragMemberOrOwner(String target) {
    return d.groups().stream().anyMatch(g -> g.roleAssignable()
        && (g.members().contains(target) || g.owners().contains(target)));
  }

  private boolean holdsRmauRole(String target) {
    return assignmentsOf(target).stream().anyMatch(a -> a.scope() instanceof Scope.AdminUnit s
        && d.adminUnit(s.id()).orElseThrow().restricted());
  }

  /** Whether every row protecting the target allows one of the columns. */
  private boolean matrixAllows(Set<AntiEscalation.Column> columns, String target) {
    for (RoleAssignment a : assignmentsOf(target)) {
      if (Collections.disjoint(AntiEscalation.allowedOn(a.roleId()), columns)) {
        return false;
      }
    }
    if (ragMemberOrOwner(target) && Collections.disjoint(AntiEscalation.allowedOn(
        AntiEscalation.SpecialRow.ROLE_ASSIGNABLE_GROUP_MEMBER_OR_OWNER), columns)) {
      return false;
    }
    return !holdsRmauRole(target) || !Collections.disjoint(
        AntiEscalation.allowedOn(AntiEscalation.SpecialRow.RMAU_SCOPED_ROLE), columns);
  }
}
