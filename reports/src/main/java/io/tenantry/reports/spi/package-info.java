/**
 * Ports of the reports module: {@link io.tenantry.reports.spi.ConcealmentSecrets} (per-tenant
 * secrets for concealed names) and its in-memory implementation.
 */
package io.tenantry.reports.spi;
