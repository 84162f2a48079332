package io.tenantry.identity.scenario;

import io.tenantry.core.TenantId;
import io.tenantry.core.validation.SourceLocation;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Permission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed authorization scenario file ({@code cli.md}, "tenantry authz test"): the tenants'
 * directories, the checks and the expected user lists.
 *
 * @param file the file name as given
 * @param directories the directories by tenant, in file order
 * @param checks the checks, in file order
 * @param lists the list expectations, in file order
 * @param unlistedPrincipals per tenant, the implicit users named only as assignment principals;
 *     user lists leave them out
 */
public record Scenario(String file, Map<TenantId, Directory> directories, List<Check> checks,
    List<ListCheck> lists, Map<TenantId, Set<String>> unlistedPrincipals) {

  /**
   * Copies the collections.
   *
   * @throws NullPointerException if a component is null
   */
  public Scenario {
    Objects.requireNonNull(file, "file");
    directories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(directories));
    checks = List.copyOf(checks);
    lists = List.copyOf(lists);
    Map<TenantId, Set<String>> copy = new java.util.LinkedHashMap<>();
    unlistedPrincipals.forEach((t, ids) -> copy.put(t, Set.copyOf(ids)));
    unlistedPrincipals = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * One authorization check.
   *
   * @param location where the check is written
   * @param tenant the tenant the check happens in
   * @param principal the acting principal's id
   * @param action the requested action
   * @param target the target's id, or null for a tenant-level action
   * @param expectAllow whether the check expects allow
   */
  public record Check(SourceLocation location, TenantId tenant, String principal, Permission action, String target,
      boolean expectAllow) {
    /**
     * Validates the check.
     *
     * @throws NullPointerException if a required component is null
     */
    public Check {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(action, "action");
    }

    /**
     * Describes the check on one line.
     *
     * @return {@code tenant: principal action [on target]}
     */
    public String describe() {
      return tenant + ": " + principal + " " + action + (target == null ? "" : " on " + target);
    }
  }

  /**
   * One expected admin-center user list.
   *
   * @param location where the entry is written
   * @param tenant the tenant
   * @param principal the principal whose view is listed
   * @param expected the user ids expected, as a set
   */
  public record ListCheck(SourceLocation location, TenantId tenant, String principal, Set<String> expected) {
    /**
     * Validates the entry and copies the set.
     *
     * @throws NullPointerException if a component is null
     */
    public ListCheck {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(principal, "principal");
      expected = Set.copyOf(expected);
    }
  }
}
