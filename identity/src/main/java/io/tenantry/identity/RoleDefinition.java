package io.tenantry.identity;

import io.tenantry.core.RoleId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A role definition: a named set of allowed actions ({@code directory-semantics.md} §2.2).
 *
 * <p>Built-in definitions ({@link BuiltInRoles}) are immutable data keyed by Microsoft's template
 * ids; custom definitions belong to one tenant (§2.5). {@code auAssignable} tells whether the role
 * may be assigned at an administrative-unit scope (§1.4): for built-in roles it is Microsoft's list,
 * for custom roles it is true when at least one action concerns users, groups or devices.
 *
 * @param id the template id (built-in) or the tenant's id (custom)
 * @param name the display name, e.g. {@code User Administrator}
 * @param permissions the allowed actions, in the order given, without duplicates
 * @param builtIn whether this is a built-in role
 * @param auAssignable whether the role may be assigned at an AU scope
 */
public record RoleDefinition(RoleId id, String name, List<Permission> permissions, boolean builtIn,
    boolean auAssignable) {

  private static final Permission RESET_PASSWORD =
      Permission.parse("microsoft.directory/users/password/update");
  private static final Permission DISABLE = Permission.parse("microsoft.directory/users/disable");
  private static final Permission ENABLE = Permission.parse("microsoft.directory/users/enable");

  /**
   * Validates the definition.
   *
   * @throws ValidationException if the name is blank or there are no permissions
   * @throws NullPointerException if a component is null
   */
  public RoleDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    permissions = List.copyOf(new java.util.LinkedHashSet<>(permissions));
    if (name.isBlank()) {
      throw new ValidationException(Problem.of("role.name", "must not be blank", name));
    }
    if (permissions.isEmpty()) {
      throw new ValidationException(Problem.of("role.actions", "a role needs at least one action", name));
    }
  }

  /**
   * Creates a custom role; it is AU-assignable when it holds a user, group or device permission.
   *
   * @param id the role's id in its tenant
   * @param name its display name
   * @param permissions its actions
   * @return the definition
   * @throws ValidationException if the name is blank or the list is empty
   */
  public static RoleDefinition custom(RoleId id, String name, List<Permission> permissions) {
    boolean au = permissions.stream().anyMatch(RoleDefinition::concernsUsersGroupsOrDevices);
    return new RoleDefinition(id, name, permissions, false, au);
  }

  /**
   * Tells whether a permission concerns users, groups or devices (the §1.4 test for AU-scoped
   * custom roles): a {@code microsoft.directory} action whose base entity is {@code users},
   * {@code groups}, {@code groupsAssignableToRoles} or {@code devices}, or {@code allEntities}.
   *
   * @param p the permission
   * @return true when it does
   */
  public static boolean concernsUsersGroupsOrDevices(Permission p) {
    if (!p.namespace().equals("microsoft.directory")) {
      return false;
    }
    String base = p.baseEntity();
    return base.equals("users") || base.equals("groups") || base.equals("devices")
        || base.equals("groupsAssignableToRoles") || p.entity().equals(Permission.ALL_ENTITIES);
  }

  /**
   * Tells whether the role is privileged ({@code directory-semantics.md} §2.1, §2.5): it holds at
   * least one {@linkplain Permission#isPrivileged() privileged permission}. This is Microsoft's
   * rule for custom roles, and computed the same way it gives Microsoft's label for every built-in
   * role Tenantry models (Global Administrator, Global Reader, User, Helpdesk, Password,
   * Authentication, Privileged Authentication and Privileged Role Administrator among them).
   * Microsoft advises fewer than ten privileged role assignments per tenant; see {@link
   * Directory#privilegedAssignments()}.
   *
   * @return true when privileged
   */
  public boolean isPrivileged() {
    for (Permission p : permissions) {
      if (p.isPrivileged()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether any of the role's permissions grants the requested action, directly or through
   * the rights §2.4 says one action includes: the right to reset a password ({@code
   * microsoft.directory/users/password/update}) includes updating the self-service password reset
   * properties {@code businessPhones}, {@code mobilePhone} and {@code otherMails}, and the
   * password itself ({@code passwordProfile}); disabling and enabling together include updating
   * {@code accountEnabled}. Which targets the included rights reach is still up to the matrices
   * (these updates are Matrix B's sensitive actions).
   *
   * @param requested the requested action
   * @return true when granted
   */
  public boolean grants(Permission requested) {
    if (grantsDirectly(requested)) {
      return true;
    }
    if (!requested.namespace().equals("microsoft.directory") || !requested.entity().equals("users")
        || !requested.action().equals("update")) {
      return false;
    }
    return switch (requested.propertySet()) {
      case "businessPhones", "mobilePhone", "otherMails", "passwordProfile" ->
          grantsDirectly(RESET_PASSWORD);
      case "accountEnabled" -> grantsDirectly(DISABLE) && grantsDirectly(ENABLE);
      default -> false;
    };
  }

  private boolean grantsDirectly(Permission requested) {
    for (Permission p : permissions) {
      if (p.grants(requested)) {
        return true;
      }
    }
    return false;
  }
}
