/**
 * Reference adapters of Tenantry's ports over JDBC, configured from a host's {@link
 * javax.sql.DataSource}: PostgreSQL (12 or later) for real deployments and H2 (2.x, native mode) as
 * the embedded default for a persistent single node.
 *
 * <p>{@link io.tenantry.jdbc.JdbcDatabase#open(javax.sql.DataSource)} detects the database, applies
 * the schema migrations this version needs (under a lock, so several processes may start together)
 * and hands out the adapters' shared configuration; each adapter, such as {@link
 * io.tenantry.jdbc.JdbcAuditLog} here or those of packages {@code io.tenantry.jdbc.identity},
 * {@code io.tenantry.jdbc.groups}, {@code io.tenantry.jdbc.datastore}, {@code
 * io.tenantry.jdbc.notices} and {@code io.tenantry.jdbc.reports}, is then built from it. Every table holds the tenant id as the
 * first column of its primary key and of every index, and every statement is scoped to one tenant.
 * The host brings its JDBC driver and, for production, a connection pool.
 */
package io.tenantry.jdbc;
