/**
 * Ports of the reports module: {@link io.tenantry.reports.spi.ConcealmentSecrets} (per-tenant
 * secrets for concealed names) and {@link io.tenantry.reports.spi.AggregateStore} (a tenant's named
 * aggregate snapshots, with optimistic concurrency), each with its in-memory implementation.
 */
package io.tenantry.reports.spi;
