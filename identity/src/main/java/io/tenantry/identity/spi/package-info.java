/**
 * The identity module's ports: {@link io.tenantry.identity.spi.DirectoryStore}, through which the
 * Authorizer reads each tenant's directory, and its in-memory implementation
 * {@link io.tenantry.identity.spi.InMemoryDirectoryStore}. The contract test lives in the testkit.
 */
package io.tenantry.identity.spi;
