/**
 * The kernel's ports: {@link io.tenantry.core.spi.AuditLog} (with {@link
 * io.tenantry.core.spi.InMemoryAuditLog}) and {@link io.tenantry.core.spi.IdGenerator}. Time is
 * injected as {@link java.time.InstantSource}; {@code InstantSource.system()} is the default.
 */
package io.tenantry.core.spi;
