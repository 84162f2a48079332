package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.datastore.JdbcKeysetStore}, in the SQL PostgreSQL and
 * H2 share. Schema (migration 10): {@code tenantry_keyset}, one row per tenant, a tombstone
 * (no keyset, {@code shredded}) once shredded.
 */
public enum KeysetSql implements SqlStatement {

  /** Reads a tenant's row: keyset, version, shredded. */
  SELECT("SELECT encrypted, row_version, shredded FROM tenantry_keyset WHERE tenant_id = ?"),

  /** Stores a tenant's first keyset (a racing second insert gets a unique violation). */
  INSERT("INSERT INTO tenantry_keyset (tenant_id, encrypted, row_version, shredded)"
      + " VALUES (?, ?, 1, FALSE)"),

  /** Compare-and-set: replaces the keyset if it is still the version read and not shredded. */
  REPLACE("UPDATE tenantry_keyset SET encrypted = ?, row_version = row_version + 1"
      + " WHERE tenant_id = ? AND row_version = ? AND shredded = FALSE"),

  /** Shreds a tenant that has a row: the keyset is dropped, the tombstone stays. */
  SHRED("UPDATE tenantry_keyset SET encrypted = NULL, shredded = TRUE,"
      + " row_version = row_version + 1 WHERE tenant_id = ?"),

  /** Shreds a tenant that never had keys: a tombstone row. */
  INSERT_TOMBSTONE("INSERT INTO tenantry_keyset (tenant_id, encrypted, row_version, shredded)"
      + " VALUES (?, NULL, 1, TRUE)");

  private final String sql;

  KeysetSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
