/**
 * The machinery under the JDBC adapters, not exported: every SQL statement the adapters run (one
 * enum per adapter, so a test can parse them all and prove each is scoped to a tenant), the schema
 * migrator with its per-dialect lock, and the transaction helper that rolls back on any failure and
 * maps SQL errors to {@link io.tenantry.core.error.PortFailureException}.
 */
package io.tenantry.jdbc.internal;
