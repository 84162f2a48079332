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
 * @param maxDynamicGroupsAndAUs dynamic groups and dynamic administrative units per tenant, in one
 *     counter (15,000: §9.1 picks the Groups row and the AU FAQ over the 5,000 of the AU row). The
 *     identity directory's groups carry no membership rule, so within it the counter holds its
 *     dynamic AUs.
 */
public record TenantLimits(int maxAdminUnitsPerObject, int maxRestrictedAdminUnits, int maxCustomRoles,
    int maxCustomRoleAssignmentsPerPrincipal, int maxBuiltInScopedAssignmentsPerPrincipal,
    int maxRoleAssignableGroups, int maxDynamicGroupsAndAUs) {

  /** The default of {@link #maxDynamicGroupsAndAUs} (§9.1). */
  public static final int DEFAULT_MAX_DYNAMIC_GROUPS_AND_AUS = 15_000;

  /** Microsoft's documented limits. */
  public static final TenantLimits MICROSOFT = new TenantLimits(30, 100, 100, 150, 100, 500,
      DEFAULT_MAX_DYNAMIC_GROUPS_AND_AUS);

  /**
   * Validates the limits.
   *
   * @throws ValidationException if a limit is below 1
   */
  public TenantLimits {
    int[] all = {maxAdminUnitsPerObject, maxRestrictedAdminUnits, maxCustomRoles,
        maxCustomRoleAssignmentsPerPrincipal, maxBuiltInScopedAssignmentsPerPrincipal, maxRoleAssignableGroups,
        maxDynamicGroupsAndAUs};
    for (int v : all) {
      if (v < 1) {
        throw new ValidationException(Problem.of("limits", "every limit must be at least 1", v));
      }
    }
  }

  /**
   * The limits with Microsoft's {@value #DEFAULT_MAX_DYNAMIC_GROUPS_AND_AUS} dynamic groups and AUs.
   *
   * @param maxAdminUnitsPerObject AUs a single user or group may belong to
   * @param maxRestrictedAdminUnits restricted management AUs per tenant
   * @param maxCustomRoles custom roles per tenant
   * @param maxCustomRoleAssignmentsPerPrincipal custom-role assignments per principal
   * @param maxBuiltInScopedAssignmentsPerPrincipal built-in role assignments per principal at AU or object scope
   * @param maxRoleAssignableGroups role-assignable groups per tenant
   * @throws ValidationException if a limit is below 1
   */
  public TenantLimits(int maxAdminUnitsPerObject, int maxRestrictedAdminUnits, int maxCustomRoles,
      int maxCustomRoleAssignmentsPerPrincipal, int maxBuiltInScopedAssignmentsPerPrincipal,
      int maxRoleAssignableGroups) {
    this(maxAdminUnitsPerObject, maxRestrictedAdminUnits, maxCustomRoles, maxCustomRoleAssignmentsPerPrincipal,
        maxBuiltInScopedAssignmentsPerPrincipal, maxRoleAssignableGroups, DEFAULT_MAX_DYNAMIC_GROUPS_AND_AUS);
  }

  /**
   * Returns these limits with another cap on dynamic groups and AUs.
   *
   * @param value the new {@link #maxDynamicGroupsAndAUs}
   * @return the limits
   * @throws ValidationException if {@code value} is below 1
   */
  public TenantLimits withMaxDynamicGroupsAndAUs(int value) {
    return new TenantLimits(maxAdminUnitsPerObject, maxRestrictedAdminUnits, maxCustomRoles,
        maxCustomRoleAssignmentsPerPrincipal, maxBuiltInScopedAssignmentsPerPrincipal, maxRoleAssignableGroups, value);
  }
}
