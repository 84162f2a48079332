package io.tenantry.identity;

import io.tenantry.core.RoleId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The roles one tenant can assign: every built-in role ({@link BuiltInRoles}) and the tenant's
 * custom roles. Lookup by display name (built-in names, case-insensitive, former names included)
 * or by id (template id or custom role id). Immutable.
 */
public final class RoleCatalog {
  private final List<RoleDefinition> custom;

  private RoleCatalog(List<RoleDefinition> custom) {
    this.custom = List.copyOf(custom);
  }

  /**
   * The catalogue of a directory's tenant.
   *
   * @param directory the directory
   * @return the catalogue
   */
  public static RoleCatalog of(Directory directory) {
    return new RoleCatalog(Objects.requireNonNull(directory, "directory").customRoles());
  }

  /**
   * A catalogue of the built-in roles and the given custom roles.
   *
   * @param customRoles the tenant's custom roles
   * @return the catalogue
   */
  public static RoleCatalog withCustomRoles(List<RoleDefinition> customRoles) {
    return new RoleCatalog(customRoles);
  }

  /**
   * Every role: built-in first, then custom, each in its own order.
   *
   * @return an immutable list
   */
  public List<RoleDefinition> all() {
    List<RoleDefinition> out = new ArrayList<>(BuiltInRoles.all());
    out.addAll(custom);
    return Collections.unmodifiableList(out);
  }

  /**
   * Finds a role by id.
   *
   * @param id a template id or custom role id
   * @return the role, or empty
   */
  public Optional<RoleDefinition> byId(RoleId id) {
    Optional<RoleDefinition> b = BuiltInRoles.byId(id);
    return b.isPresent() ? b : custom.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Resolves a role as scenario files and admins name it: a built-in display name, a custom role
   * id, a custom role's display name, or a template id.
   *
   * @param nameOrId the name or id
   * @return the role, or empty when nothing matches
   */
  public Optional<RoleDefinition> resolve(String nameOrId) {
    if (nameOrId == null || nameOrId.isBlank()) {
      return Optional.empty();
    }
    Optional<RoleDefinition> b = BuiltInRoles.byName(nameOrId);
    if (b.isPresent()) {
      return b;
    }
    String key = nameOrId.strip();
    for (RoleDefinition r : custom) {
      if (r.id().value().equals(key)) {
        return Optional.of(r);
      }
    }
    for (RoleDefinition r : custom) {
      if (r.name().equalsIgnoreCase(key)) {
        return Optional.of(r);
      }
    }
    return BuiltInRoles.byId(RoleId.of(key));
  }
}
