/**
 * Audit records and queries. Every engine that changes state or reads protected data records an
 * {@link io.tenantry.core.audit.AuditRecord} through the {@link io.tenantry.core.spi.AuditLog} port.
 */
package io.tenantry.core.audit;
