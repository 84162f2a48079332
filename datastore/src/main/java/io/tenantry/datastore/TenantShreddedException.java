package io.tenantry.datastore;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.TenantryException;
import java.util.Objects;

/**
 * Thrown when an operation needs the keys of a tenant whose keys were destroyed
 * (crypto-shredding): its data can never be read again, and the tenant cannot store new data.
 */
public class TenantShreddedException extends TenantryException {
  private static final long serialVersionUID = 1L;
  private final transient TenantId tenant;

  /**
   * Creates the exception.
   *
   * @param tenant the shredded tenant
   */
  public TenantShreddedException(TenantId tenant) {
    super("tenant shredded: the keys of tenant '" + tenant + "' were destroyed, its data is"
        + " unreadable for good");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
  }

  /**
   * Returns the shredded tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }
}
