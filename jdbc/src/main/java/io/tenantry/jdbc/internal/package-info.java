/**
 * The machinery under the JDBC adapters, not exported: every SQL statement the adapters run (one
 * enum per adapter, so a test can parse them all and prove each is scoped to a tenant), the schema
 * migrator with its per-dialect lock, and the transaction helper that rolls back on any failure and
 * maps SQL errors to {@link io.tenantry.core.error.PortFailureException}.
 *
 * <h2>Adding the adapter of a port</h2>
 * <ol>
 *   <li>Its tables in a new migration, {@code V<4-digit version>__<name>.sql} under {@code
 *       io/tenantry/jdbc/migration/}, listed in {@link io.tenantry.jdbc.internal.Migrator#MIGRATIONS}
 *       (versions increase; gaps are allowed):
 *       idempotent DDL, tables named {@code tenantry_…}, {@code tenant_id} the first column of the
 *       table, of its primary key and of every index. Released scripts never change. Versions
 *       increase but may leave gaps (ranges reserved for parallel work).</li>
 *   <li>Its statements in an enum implementing {@link io.tenantry.jdbc.internal.SqlStatement},
 *       added to {@link io.tenantry.jdbc.internal.SqlCatalog#tenantScoped()}: every WHERE has a
 *       top-level {@code tenant_id = ?}, every join matches {@code tenant_id}s (a statement that
 *       its port lets span tenants, returning tenant ids only, goes to {@link
 *       io.tenantry.jdbc.internal.SqlCatalog#tenantListing()}).</li>
 *   <li>The adapter in {@code io.tenantry.jdbc} (core's ports) or the sub-package of its module
 *       ({@code io.tenantry.jdbc.identity}, {@code io.tenantry.jdbc.datastore}, …), built from a
 *       {@link io.tenantry.jdbc.JdbcDatabase},
 *       doing each port call in one {@link io.tenantry.jdbc.internal.Transactions#inTransaction};
 *       where two admins can race, a version column and an {@code UPDATE … WHERE version = ?} whose
 *       zero row count becomes a {@link io.tenantry.core.error.ConflictException} ({@link
 *       io.tenantry.jdbc.internal.OptimisticWrite}).</li>
 *   <li>Its testkit contract run on H2 (memory and file) and PostgreSQL, as the audit log's is, and
 *       its statements covered by the killed-connection test.</li>
 * </ol>
 */
package io.tenantry.jdbc.internal;
