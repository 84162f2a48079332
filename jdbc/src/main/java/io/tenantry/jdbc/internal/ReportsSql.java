package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.reports.JdbcConcealmentSecrets} and {@link
 * io.tenantry.jdbc.reports.JdbcAggregateStore}, in the SQL PostgreSQL and H2 share. Schema
 * (migration 12): {@code tenantry_concealment_secret} and {@code tenantry_aggregate_snapshot}.
 */
public enum ReportsSql implements SqlStatement {

  /** A tenant's concealment secret. */
  SELECT_SECRET("SELECT secret FROM tenantry_concealment_secret WHERE tenant_id = ?"),
  /** Stores a tenant's first secret (a racing second insert gets a unique violation, retried). */
  INSERT_SECRET("INSERT INTO tenantry_concealment_secret (tenant_id, secret) VALUES (?, ?)"),

  /** A snapshot's version and content. */
  SELECT_SNAPSHOT("SELECT row_version, content FROM tenantry_aggregate_snapshot"
      + " WHERE tenant_id = ? AND name = ?"),
  /** The same, with the row locked until the transaction ends: replacements take turns. */
  LOCK_SNAPSHOT_VERSION("SELECT row_version FROM tenantry_aggregate_snapshot"
      + " WHERE tenant_id = ? AND name = ? FOR UPDATE"),
  /** A snapshot's version alone (to name it in a conflict). */
  SELECT_SNAPSHOT_VERSION("SELECT row_version FROM tenantry_aggregate_snapshot"
      + " WHERE tenant_id = ? AND name = ?"),
  /** Stores a new snapshot at version 1 (a racing second insert gets a unique violation). */
  INSERT_SNAPSHOT("INSERT INTO tenantry_aggregate_snapshot (tenant_id, name, row_version, content)"
      + " VALUES (?, ?, 1, ?)"),
  /** Compare-and-set: replaces a snapshot if it is still at the version given. */
  REPLACE_SNAPSHOT("UPDATE tenantry_aggregate_snapshot SET content = ?, row_version = row_version + 1"
      + " WHERE tenant_id = ? AND name = ? AND row_version = ?"),
  /** The names of a tenant's snapshots. */
  LIST_SNAPSHOTS("SELECT name FROM tenantry_aggregate_snapshot WHERE tenant_id = ?"),
  /** Removes a snapshot. */
  DELETE_SNAPSHOT("DELETE FROM tenantry_aggregate_snapshot WHERE tenant_id = ? AND name = ?");

  private final String sql;

  ReportsSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
