/**
 * Tenantry's group lifecycle: Microsoft 365, security and distribution groups; the naming policy,
 * creation restriction, expiration with notices and activity renewal, soft delete, restore and
 * purge, guest access, the ownerless policy, and the {@code groups simulate} dry run.
 */
module io.tenantry.groups {
  requires transitive io.tenantry.core;
  requires transitive io.tenantry.identity;

  exports io.tenantry.groups;
  exports io.tenantry.groups.spi;
  exports io.tenantry.groups.simulation;
}
