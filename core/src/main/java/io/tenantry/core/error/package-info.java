/**
 * Tenantry's exception hierarchy, rooted at {@link io.tenantry.core.error.TenantryException}.
 *
 * <p>All exceptions are unchecked. {@link io.tenantry.core.error.ValidationException} collects
 * every problem of an input; {@link io.tenantry.core.error.PortFailureException} always carries
 * the host's failure as its cause.
 */
package io.tenantry.core.error;
