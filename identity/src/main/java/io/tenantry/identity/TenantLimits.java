package io.tenantry.identity;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;

/**
 * The documented directory limits that Tenantry enforces, as configuration with Microsoft's
 * defaults ({@code directory-semantics.md} §1.8, §2.4, §2.5, §9).
 *
 * @param maxAdminUnitsPerObject AUs a single user or group may belong to (30)
 * @param maxRestrictedAdminUnits restricted management AUs per tenant (100)
 * @param maxCustomRoles custom roles per tenant (100)
 * @param maxCustomRoleAssignmentsPerPrincipal custom-role assignments per principal, any scope (150)
 * @param maxBuiltInScopedAssignmentsPerPrincipal built-in role assignments per principal at AU or
 *     object scope (100)
 * @param maxRoleAssignableGroups role-assignable groups per tenant (500)
 */
public record TenantLimits(int maxAdminUnitsPerObject, int maxRestrictedAdminUnits, int maxCustomRoles,
    int maxCustomRoleAssignmentsPerPrincipal, int maxBuiltInScopedAssignmentsPerPrincipal,
    int maxRoleAssignableGroups) {

  /** Microsoft's documented limits. */
  public static final TenantLimits MICROSOFT = new TenantLimits(30, 100, 100, 150, 100, 500);

  /**
   * Validates the limits.
   *
   * @throws ValidationException if a limit is below 1
   */
  public TenantLimits {
    int[] all = {maxAdminUnitsPerObject, maxRestrictedAdminUnits, maxCustomRoles,
        maxCustomRoleAssignmentsPerPrincipal, maxBuiltInScopedAssignmentsPerPrincipal, maxRoleAssignableGroups};
    for (int v : all) {
      if (v < 1) {
        throw new ValidationException(Problem.of("limits", "every limit must be at least 1", v));
      }
    }
  }
}
