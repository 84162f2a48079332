package io.tenantry.identity;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant's directory as the Authorizer needs it: users, groups, administrative units, service
 * principals, custom roles, role assignments and the guest-invitation setting. Immutable and
 * validated: {@link Builder#build()} refuses a directory that breaks a rule of
 * {@code directory-semantics.md} §1–2, listing every problem with its field path
 * ({@code assignments[2].scope}, {@code adminUnits[0].rule}, …).
 *
 * <p>Object ids (users, groups, AUs, service principals) are unique within the tenant. Every
 * reference (group members and owners, AU members, assignment principals and scopes) must name an
 * object of this tenant.
 */
public final class Directory {
  /** The kinds of directory objects. */
  public enum ObjectKind {
    /** A user (member or guest). */
    USER,
    /** A group. */
    GROUP,
    /** An administrative unit. */
    ADMIN_UNIT,
    /** A service principal. */
    SERVICE_PRINCIPAL
  }

  private final TenantId tenant;
  private final List<User> users;
  private final List<Group> groups;
  private final List<AdministrativeUnit> adminUnits;
  private final List<ServicePrincipal> servicePrincipals;
  private final List<RoleDefinition> customRoles;
  private final List<RoleAssignment> assignments;
  private final AllowInvitesFrom allowInvitesFrom;
  private final GuestAccessLevel guestAccess;
  private final TenantLimits limits;
  private final boolean allowAuScopedUserAdminOnLimitedAdmins;
  private final Map<String, ObjectKind> kinds;
  private final Map<String, User> userById = new HashMap<>();
  private final Map<String, Group> groupById = new HashMap<>();
  private final Map<String, AdministrativeUnit> auById = new HashMap<>();
  private final Map<RoleId, RoleDefinition> customById = new HashMap<>();

  private Directory(Builder b) {
    this.tenant = b.tenant;
    this.users = List.copyOf(b.users);
    this.groups = List.copyOf(b.groups);
    this.adminUnits = List.copyOf(b.adminUnits);
    this.servicePrincipals = List.copyOf(b.servicePrincipals);
    this.customRoles = List.copyOf(b.customRoles);
    this.assignments = List.copyOf(b.assignments);
    this.allowInvitesFrom = b.allowInvitesFrom;
    this.guestAccess = b.guestAccess;
    this.limits = b.limits;
    this.allowAuScopedUserAdminOnLimitedAdmins = b.allowAuScopedUserAdminOnLimitedAdmins;
    Map<String, ObjectKind> k = new LinkedHashMap<>();
    users.forEach(u -> {
      k.putIfAbsent(u.id().value(), ObjectKind.USER);
      userById.putIfAbsent(u.id().value(), u);
    });
    groups.forEach(g -> {
      k.putIfAbsent(g.id().value(), ObjectKind.GROUP);
      groupById.putIfAbsent(g.id().value(), g);
    });
    adminUnits.forEach(a -> {
      k.putIfAbsent(a.id().value(), ObjectKind.ADMIN_UNIT);
      auById.putIfAbsent(a.id().value(), a);
    });
    servicePrincipals.forEach(s -> k.putIfAbsent(s.id(), ObjectKind.SERVICE_PRINCIPAL));
    customRoles.forEach(r -> customById.putIfAbsent(r.id(), r));
    this.kinds = Collections.unmodifiableMap(k);
  }

  /**
   * Starts a directory for a tenant.
   *
   * @param tenant the tenant
   * @return an empty builder
   */
  public static Builder builder(TenantId tenant) {
    return new Builder(tenant);
  }

  /** @return the tenant this directory belongs to */
  public TenantId tenant() {
    return tenant;
  }

  /** @return the users, in the order added */
  public List<User> users() {
    return users;
  }

  /** @return the groups, in the order added */
  public List<Group> groups() {
    return groups;
  }

  /** @return the administrative units, in the order added */
  public List<AdministrativeUnit> adminUnits() {
    return adminUnits;
  }

  /** @return the service principals, in the order added */
  public List<ServicePrincipal> servicePrincipals() {
    return servicePrincipals;
  }

  /** @return the tenant's custom roles */
  public List<RoleDefinition> customRoles() {
    return customRoles;
  }

  /** @return the role assignments, in the order added */
  public List<RoleAssignment> assignments() {
    return assignments;
  }

  /**
   * Returns the assignments of privileged roles ({@link RoleDefinition#isPrivileged()}), at any
   * scope, in the order added. Microsoft advises fewer than ten of them and fewer than five Global
   * Administrators (§2.3); a host can warn on this count.
   *
   * @return the privileged assignments
   */
  public List<RoleAssignment> privilegedAssignments() {
    List<RoleAssignment> out = new ArrayList<>();
    for (RoleAssignment a : assignments) {
      if (role(a.roleId()).map(RoleDefinition::isPrivileged).orElse(false)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /** @return who may invite guests */
  public AllowInvitesFrom allowInvitesFrom() {
    return allowInvitesFrom;
  }

  /** @return how much of the directory guests may see (§4.2; default {@link GuestAccessLevel#LIMITED}) */
  public GuestAccessLevel guestAccess() {
    return guestAccess;
  }

  /** @return the limits this directory was validated against */
  public TenantLimits limits() {
    return limits;
  }

  /**
   * The opt-in policy of {@code directory-semantics.md} 9.2: whether an AU-scoped User
   * Administrator may act on a target that holds admin roles when every such role (and every
   * other row that protects the target) lets User Administrator act under Matrix A ("limited
   * admins"). Default false: an AU-scoped assignment then never acts on a target that holds any
   * role assignment. The matrices of §2.4 still apply either way.
   *
   * @return the setting
   */
  public boolean allowAuScopedUserAdminOnLimitedAdmins() {
    return allowAuScopedUserAdminOnLimitedAdmins;
  }

  /**
   * Tells what kind of object an id names in this tenant.
   *
   * @param objectId the id
   * @return the kind, or empty when the tenant has no such object
   */
  public Optional<ObjectKind> kindOf(String objectId) {
    return Optional.ofNullable(kinds.get(objectId));
  }

  /**
   * Finds a user.
   *
   * @param id the user's id
   * @return the user, or empty
   */
  public Optional<User> user(String id) {
    return Optional.ofNullable(userById.get(id));
  }

  /**
   * Finds a group.
   *
   * @param id the group's id
   * @return the group, or empty
   */
  public Optional<Group> group(String id) {
    return Optional.ofNullable(groupById.get(id));
  }

  /**
   * Finds an administrative unit.
   *
   * @param id the AU's id
   * @return the AU, or empty
   */
  public Optional<AdministrativeUnit> adminUnit(String id) {
    return Optional.ofNullable(auById.get(id));
  }

  /**
   * Finds a role definition: a built-in role by template id, or one of this tenant's custom roles.
   *
   * @param id the role id
   * @return the definition, or empty
   */
  public Optional<RoleDefinition> role(RoleId id) {
    Optional<RoleDefinition> b = BuiltInRoles.byId(id);
    return b.isPresent() ? b : Optional.ofNullable(customById.get(id));
  }

  /**
   * Returns the users that are direct members of an AU: the listed users of an assigned AU (and of
   * a dynamic AU whose rule processing is paused: its members at the pause), or the live users
   * matching the rule of a dynamic AU whose rule is processed. Never expands groups (§1.3).
   *
   * @param au the AU
   * @return the member users: in directory order for a rule, in listed order otherwise
   */
  public List<User> memberUsers(AdministrativeUnit au) {
    List<User> out = new ArrayList<>();
    if (au.isDynamic() && !au.isPaused()) {
      for (User u : users) {
        if (!u.isDeleted() && au.rule().matches(u)) {
          out.add(u);
        }
      }
    } else {
      for (String id : au.memberUsers()) {
        User u = userById.get(id);
        if (u != null) {
          out.add(u);
        }
      }
    }
    return out;
  }

  /**
   * Collects a directory and validates it.
   *
   * <p>Not thread-safe; use one builder per directory.
   */
  public static final class Builder {
    private final TenantId tenant;
    private final List<User> users = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<AdministrativeUnit> adminUnits = new ArrayList<>();
    private final List<ServicePrincipal> servicePrincipals = new ArrayList<>();
    private final List<RoleDefinition> customRoles = new ArrayList<>();
    private final List<RoleAssignment> assignments = new ArrayList<>();
    private AllowInvitesFrom allowInvitesFrom = AllowInvitesFrom.EVERYONE;
    private GuestAccessLevel guestAccess = GuestAccessLevel.LIMITED;
    private TenantLimits limits = TenantLimits.MICROSOFT;
    private boolean allowAuScopedUserAdminOnLimitedAdmins;

    private Builder(TenantId tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * Adds a user.
     *
     * @param u the user
     * @return this builder
     */
    public Builder user(User u) {
      users.add(Objects.requireNonNull(u, "user"));
      return this;
    }

    /**
     * Adds a group.
     *
     * @param g the group
     * @return this builder
     */
    public Builder group(Group g) {
      groups.add(Objects.requireNonNull(g, "group"));
      return this;
    }

    /**
     * Adds an administrative unit.
     *
     * @param au the AU
     * @return this builder
     */
    public Builder adminUnit(AdministrativeUnit au) {
      adminUnits.add(Objects.requireNonNull(au, "adminUnit"));
      return this;
    }

    /**
     * Adds a service principal.
     *
     * @param sp the service principal
     * @return this builder
     */
    public Builder servicePrincipal(ServicePrincipal sp) {
      servicePrincipals.add(Objects.requireNonNull(sp, "servicePrincipal"));
      return this;
    }

    /**
     * Adds a custom role.
     *
     * @param role the role (not built-in)
     * @return this builder
     */
    public Builder customRole(RoleDefinition role) {
      customRoles.add(Objects.requireNonNull(role, "role"));
      return this;
    }

    /**
     * Adds a role assignment.
     *
     * @param a the assignment
     * @return this builder
     */
    public Builder assign(RoleAssignment a) {
      assignments.add(Objects.requireNonNull(a, "assignment"));
      return this;
    }

    /**
     * Sets who may invite guests (default {@link AllowInvitesFrom#EVERYONE}).
     *
     * @param value the setting
     * @return this builder
     */
    public Builder allowInvitesFrom(AllowInvitesFrom value) {
      this.allowInvitesFrom = Objects.requireNonNull(value, "allowInvitesFrom");
      return this;
    }

    /**
     * Sets how much of the directory guests may see (§4.2; default {@link GuestAccessLevel#LIMITED}).
     *
     * @param value the level
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder guestAccess(GuestAccessLevel value) {
      this.guestAccess = Objects.requireNonNull(value, "guestAccess");
      return this;
    }

    /**
     * Sets the limits to enforce (default {@link TenantLimits#MICROSOFT}).
     *
     * @param value the limits
     * @return this builder
     */
    public Builder limits(TenantLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * Sets the opt-in policy of 9.2 (default false; see
     * {@link Directory#allowAuScopedUserAdminOnLimitedAdmins()}).
     *
     * @param value the setting
     * @return this builder
     */
    public Builder allowAuScopedUserAdminOnLimitedAdmins(boolean value) {
      this.allowAuScopedUserAdminOnLimitedAdmins = value;
      return this;
    }

    /**
     * Validates and builds the directory.
     *
     * @return the immutable directory
     * @throws ValidationException listing every problem found, each with its field path
     */
    public Directory build() {
      Directory d = new Directory(this);
      Problems problems = new Problems();
      DirectoryValidator.validate(d, problems);
      problems.throwIfAny();
      return d;
    }
  }

  /** Validation rules, kept apart from the value class. */
  private static final class DirectoryValidator {
    static void validate(Directory d, Problems p) {
      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < d.users.size(); i++) {
        unique(seen, d.users.get(i).id().value(), "users[" + i + "].id", p);
      }
      for (int i = 0; i < d.groups.size(); i++) {
        unique(seen, d.groups.get(i).id().value(), "groups[" + i + "].id", p);
      }
      for (int i = 0; i < d.adminUnits.size(); i++) {
        unique(seen, d.adminUnits.get(i).id().value(), "adminUnits[" + i + "].id", p);
      }
      for (int i = 0; i < d.servicePrincipals.size(); i++) {
        unique(seen, d.servicePrincipals.get(i).id(), "servicePrincipals[" + i + "].id", p);
      }
      int roleAssignable = 0;
      for (int i = 0; i < d.groups.size(); i++) {
        Group g = d.groups.get(i);
        if (g.roleAssignable()) {
          roleAssignable++;
        }
        for (String m : g.members()) {
          ObjectKind k = d.kinds.get(m);
          if (k == null || k == ObjectKind.ADMIN_UNIT) {
            p.add("groups[" + i + "].members", "names no user, group or service principal of tenant "
                + d.tenant, m);
          }
        }
        for (String o : g.owners()) {
          ObjectKind k = d.kinds.get(o);
          if (k != ObjectKind.USER && k != ObjectKind.SERVICE_PRINCIPAL) {
            p.add("groups[" + i + "].owners", "names no user or service principal of tenant " + d.tenant, o);
          }
        }
      }
      if (roleAssignable > d.limits.maxRoleAssignableGroups()) {
        p.add("groups", "a tenant may have at most " + d.limits.maxRoleAssignableGroups()
            + " role-assignable groups", roleAssignable);
      }
      validateAdminUnits(d, p);
      validateRoles(d, p);
    }

    private static void validateAdminUnits(Directory d, Problems p) {
      int restricted = 0;
      int dynamic = 0;
      Map<String, Integer> auCount = new HashMap<>();
      for (int i = 0; i < d.adminUnits.size(); i++) {
        AdministrativeUnit au = d.adminUnits.get(i);
        String at = "adminUnits[" + i + "]";
        if (au.restricted()) {
          restricted++;
        }
        if (au.isDynamic()) {
          dynamic++;
        }
        if (au.isDynamic() && !au.isPaused()
            && (!au.memberUsers().isEmpty() || !au.memberGroups().isEmpty())) {
          p.add(at + ".rule", "a dynamic administrative unit computes its members from its rule;"
              + " it cannot also list members or groups", au.id().value());
        }
        if (au.isPaused() && !au.memberGroups().isEmpty()) {
          p.add(at + ".groups", "a dynamic administrative unit holds users only, paused or not",
              au.id().value());
        }
        if (!au.isDynamic() && au.processing() == RuleProcessingState.PAUSED) {
          p.add(at + ".processingState", "only a dynamic administrative unit's rule processing can be"
              + " paused; this one has assigned membership", au.id().value());
        }
        for (String m : au.memberUsers()) {
          ObjectKind k = d.kinds.get(m);
          if (k == ObjectKind.ADMIN_UNIT) {
            p.add(at + ".members", "administrative units cannot be nested", m);
          } else if (k != ObjectKind.USER) {
            p.add(at + ".members", "names no user of tenant " + d.tenant
                + (k == ObjectKind.GROUP ? " (list groups under 'groups')" : ""), m);
          }
        }
        for (GroupId gid : au.memberGroups()) {
          Group g = d.groupById.get(gid.value());
          if (g == null) {
            p.add(at + ".groups", (d.auById.containsKey(gid.value()) ? "administrative units cannot be nested"
                : "names no group of tenant " + d.tenant), gid.value());
          } else if (au.restricted() && !g.kind().allowedInRestrictedAdminUnit()) {
            p.add(at + ".groups", "a restricted management administrative unit may hold security groups only,"
                + " not a " + kindName(g.kind()) + " group",
                gid.value());
          }
        }
        for (User u : d.memberUsers(au)) {
          auCount.merge(u.id().value(), 1, Integer::sum);
        }
        for (GroupId gid : au.memberGroups()) {
          auCount.merge(gid.value(), 1, Integer::sum);
        }
      }
      if (restricted > d.limits.maxRestrictedAdminUnits()) {
        p.add("adminUnits", "a tenant may have at most " + d.limits.maxRestrictedAdminUnits()
            + " restricted management administrative units", restricted);
      }
      if (dynamic > d.limits.maxDynamicGroupsAndAUs()) {
        p.add("adminUnits", "a tenant may have at most " + d.limits.maxDynamicGroupsAndAUs()
            + " dynamic groups and dynamic administrative units together (§9.1); this one has " + dynamic
            + " dynamic administrative units", dynamic);
      }
      auCount.forEach((id, n) -> {
        if (n > d.limits.maxAdminUnitsPerObject()) {
          p.add("adminUnits", "object '" + id + "' is in " + n + " administrative units; the limit is "
              + d.limits.maxAdminUnitsPerObject(), id);
        }
      });
    }

    private static String kindName(GroupKind k) {
      return switch (k) {
        case MICROSOFT365 -> "Microsoft 365";
        case SECURITY -> "security";
        case MAIL_ENABLED_SECURITY -> "mail-enabled security";
        case DISTRIBUTION -> "distribution";
      };
    }

    private static void validateRoles(Directory d, Problems p) {
      if (d.customRoles.size() > d.limits.maxCustomRoles()) {
        p.add("customRoles", "a tenant may have at most " + d.limits.maxCustomRoles() + " custom roles",
            d.customRoles.size());
      }
      Map<RoleId, Integer> seenRoles = new HashMap<>();
      for (int i = 0; i < d.customRoles.size(); i++) {
        RoleDefinition r = d.customRoles.get(i);
        if (r.builtIn()) {
          p.add("customRoles[" + i + "]", "a built-in role cannot be a custom role", r.name());
        } else if (BuiltInRoles.byId(r.id()).isPresent() || BuiltInRoles.byName(r.id().value()).isPresent()) {
          p.add("customRoles[" + i + "].id", "clashes with a built-in role", r.id().value());
        } else if (seenRoles.putIfAbsent(r.id(), i) != null) {
          p.add("customRoles[" + i + "].id", "is used by another custom role", r.id().value());
        }
      }
      Map<String, Integer> customPerPrincipal = new HashMap<>();
      Map<String, Integer> scopedBuiltInPerPrincipal = new HashMap<>();
      for (int i = 0; i < d.assignments.size(); i++) {
        RoleAssignment a = d.assignments.get(i);
        String at = "assignments[" + i + "]";
        ObjectKind k = d.kinds.get(a.principalId());
        if (k == null || k == ObjectKind.ADMIN_UNIT) {
          p.add(at + ".principal", "names no user, role-assignable group or service principal of tenant "
              + d.tenant, a.principalId());
        } else if (k == ObjectKind.GROUP && !d.groupById.get(a.principalId()).roleAssignable()) {
          p.add(at + ".principal", "group '" + a.principalId()
              + "' is not role-assignable; only role-assignable groups may hold roles", a.principalId());
        }
        Optional<RoleDefinition> role = d.role(a.roleId());
        if (role.isEmpty()) {
          p.add(at + ".role", "names no built-in role and no custom role of tenant " + d.tenant,
              a.roleId().value());
        }
        if (a.scope() instanceof Scope.AdminUnit s) {
          if (!d.auById.containsKey(s.id().value())) {
            p.add(at + ".scope", "names no administrative unit of tenant " + d.tenant, a.scope().text());
          }
          if (role.isPresent() && !role.get().auAssignable()) {
            p.add(at + ".role", role.get().builtIn()
                ? "role '" + role.get().name() + "' cannot be assigned at an administrative-unit scope"
                : "custom role '" + role.get().id().value() + "' has no user, group or device permission,"
                    + " so it cannot be assigned at an administrative-unit scope", role.get().name());
          }
        } else if (a.scope() instanceof Scope.DirectoryObject s) {
          ObjectKind sk = d.kinds.get(s.objectId());
          if (sk == null) {
            p.add(at + ".scope", "names no object of tenant " + d.tenant, a.scope().text());
          }
        }
        if (role.isPresent()) {
          if (!role.get().builtIn()) {
            customPerPrincipal.merge(a.principalId(), 1, Integer::sum);
          } else if (!(a.scope() instanceof Scope.Tenant)) {
            scopedBuiltInPerPrincipal.merge(a.principalId(), 1, Integer::sum);
          }
        }
      }
      customPerPrincipal.forEach((who, n) -> {
        if (n > d.limits.maxCustomRoleAssignmentsPerPrincipal()) {
          p.add("assignments", "principal '" + who + "' has " + n + " custom role assignments; the limit is "
              + d.limits.maxCustomRoleAssignmentsPerPrincipal(), who);
        }
      });
      scopedBuiltInPerPrincipal.forEach((who, n) -> {
        if (n > d.limits.maxBuiltInScopedAssignmentsPerPrincipal()) {
          p.add("assignments", "principal '" + who + "' has " + n
              + " built-in role assignments at AU or object scope; the limit is "
              + d.limits.maxBuiltInScopedAssignmentsPerPrincipal(), who);
        }
      });
    }

    private static void unique(Map<String, String> seen, String id, String path, Problems p) {
      String prev = seen.putIfAbsent(id, path);
      if (prev != null) {
        p.add(path, "id is already used by " + prev + " (object ids are unique in a tenant)", id);
      }
    }
  }

  @Override
  public String toString() {
    return "Directory[" + tenant + ": " + users.size() + " users, " + groups.size() + " groups, "
        + adminUnits.size() + " AUs, " + assignments.size() + " assignments]";
  }

  /**
   * Returns the user with this id.
   *
   * @param id the id
   * @return the user, or empty
   */
  public Optional<User> user(UserId id) {
    return user(id.value());
  }

  /**
   * Returns the AU with this id.
   *
   * @param id the id
   * @return the AU, or empty
   */
  public Optional<AdministrativeUnit> adminUnit(AdminUnitId id) {
    return adminUnit(id.value());
  }
}
