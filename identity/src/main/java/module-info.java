/**
 * Tenantry identity: the directory, roles, administrative units and the Authorizer.
 */
module io.tenantry.identity {
  requires transitive io.tenantry.core;
  requires com.github.benmanes.caffeine;

  exports io.tenantry.identity;
  exports io.tenantry.identity.spi;
  exports io.tenantry.identity.scenario;
  exports io.tenantry.identity.domains;
  exports io.tenantry.identity.offboarding;
}
