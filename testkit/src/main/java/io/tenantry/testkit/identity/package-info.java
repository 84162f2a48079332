/**
 * Test support for the identity module: {@link io.tenantry.testkit.identity.NaiveAuthorizer}, the
 * naive reference Authorizer used as an oracle; {@link io.tenantry.testkit.identity.DirectoryArbitraries}
 * for random valid directories; and {@link io.tenantry.testkit.identity.DirectoryStoreContract},
 * the TCK of the {@code DirectoryStore} port.
 */
package io.tenantry.testkit.identity;
