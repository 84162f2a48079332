/**
 * Tenantry's ports over JDBC: PostgreSQL for deployments and H2 as the embedded default, with
 * versioned schema migrations applied on start. Hosts use {@link io.tenantry.jdbc.JdbcDatabase} and
 * the adapters of packages {@code io.tenantry.jdbc} (audit), {@code io.tenantry.jdbc.identity},
 * {@code io.tenantry.jdbc.groups}, {@code io.tenantry.jdbc.datastore}, {@code
 * io.tenantry.jdbc.notices} and {@code io.tenantry.jdbc.reports}; the SQL, the migrator and the transaction helper
 * live in {@code io.tenantry.jdbc.internal}, which is not exported.
 */
module io.tenantry.jdbc {
  requires transitive io.tenantry.core;
  requires transitive io.tenantry.datastore;
  requires transitive io.tenantry.notices;
  requires transitive io.tenantry.reports;
  requires transitive java.sql;
  requires transitive io.tenantry.identity;
  requires transitive io.tenantry.groups;

  exports io.tenantry.jdbc;
  exports io.tenantry.jdbc.identity;
  exports io.tenantry.jdbc.groups;
  exports io.tenantry.jdbc.datastore;
  exports io.tenantry.jdbc.notices;
  exports io.tenantry.jdbc.reports;
}
