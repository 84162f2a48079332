package io.tenantry.notices;

import io.tenantry.core.TenantId;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tenants a message or a health issue is for: every tenant, or a listed few. A tenant never
 * sees what is targeted at other tenants.
 */
public sealed interface Targeting {

  /**
   * Tells whether the tenant is targeted.
   *
   * @param tenant the tenant
   * @return true when the tenant may see the item
   */
  boolean includes(TenantId tenant);

  /**
   * Targets every tenant.
   *
   * @return the shared all-tenants targeting
   */
  static Targeting allTenants() {
    return AllTenants.INSTANCE;
  }

  /**
   * Targets the listed tenants only.
   *
   * @param tenants at least one tenant
   * @return the targeting
   * @throws io.tenantry.core.error.ValidationException if the list is empty
   */
  static Targeting tenants(Set<TenantId> tenants) {
    return new Listed(tenants);
  }

  /** Every tenant. */
  enum AllTenants implements Targeting {
    /** The only value. */
    INSTANCE;

    @Override
    public boolean includes(TenantId tenant) {
      Objects.requireNonNull(tenant, "tenant");
      return true;
    }
  }

  /**
   * The listed tenants.
   *
   * @param tenants the tenants, sorted; at least one
   */
  record Listed(Set<TenantId> tenants) implements Targeting {
    /**
     * Validates and copies the list.
     *
     * @throws io.tenantry.core.error.ValidationException if the list is empty
     */
    public Listed {
      Objects.requireNonNull(tenants, "tenants");
      if (tenants.isEmpty()) {
        throw Checks.invalid("tenants", "must list at least one tenant (omit it for all tenants)",
            null);
      }
      tenants = Collections.unmodifiableSet(new TreeSet<>(tenants));
    }

    @Override
    public boolean includes(TenantId tenant) {
      return tenants.contains(Objects.requireNonNull(tenant, "tenant"));
    }
  }
}
