/**
 * Tenantry's shared kernel: {@link io.tenantry.core.TenantId} and the typed ids, data locations
 * ({@link io.tenantry.core.DataLocation}, {@link io.tenantry.core.GeoRegistry}, {@link
 * io.tenantry.core.TenantGeography}) and paging.
 *
 * <p>The tenant is never implicit: every engine entry and every port method takes a {@link
 * io.tenantry.core.TenantId}, and nothing keeps a "current tenant" in shared state.
 */
package io.tenantry.core;
