/**
 * The reports module's ports over JDBC: {@link io.tenantry.jdbc.reports.JdbcConcealmentSecrets}
 * (a random secret per tenant, drawn once) and {@link io.tenantry.jdbc.reports.JdbcAggregateStore}
 * (a tenant's named aggregate snapshots, with optimistic versions).
 */
package io.tenantry.jdbc.reports;
