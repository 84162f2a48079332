/**
 * Reference adapters of every Tenantry port over JDBC: PostgreSQL for real deployments and H2 as the embedded default for a persistent single node, with versioned schema migrations.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.jdbc;
