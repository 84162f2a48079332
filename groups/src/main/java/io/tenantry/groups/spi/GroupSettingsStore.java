package io.tenantry.groups.spi;

import io.tenantry.core.TenantId;
import io.tenantry.groups.TenantGroupSettings;

/**
 * The port that keeps each tenant's group settings; {@link InMemoryGroupSettingsStore} is the
 * in-memory implementation.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant.</li>
 *   <li><b>Defaults.</b> A tenant that never stored settings gets {@link
 *       TenantGroupSettings#defaults(TenantId)}.</li>
 *   <li>Thread-safe; may block; storage failures surface as {@link
 *       io.tenantry.core.error.PortFailureException}.</li>
 * </ul>
 */
public interface GroupSettingsStore {

  /**
   * Reads a tenant's settings.
   *
   * @param tenant the tenant
   * @return the settings, or the defaults
   */
  TenantGroupSettings get(TenantId tenant);

  /**
   * Replaces a tenant's settings.
   *
   * @param tenant the tenant
   * @param settings the settings
   */
  void put(TenantId tenant, TenantGroupSettings settings);
}
