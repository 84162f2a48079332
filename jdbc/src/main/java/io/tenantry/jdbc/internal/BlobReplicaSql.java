package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.datastore.JdbcBlobReplica}, in the SQL PostgreSQL and
 * H2 share. Schema (migration 10): {@code tenantry_blob}, keyed by (tenant, replica, kind, id);
 * its content a BLOB on H2 since migration 13 (bound and read as bytes all the same).
 */
public enum BlobReplicaSql implements SqlStatement {

  /** Replaces a blob's content and counts the write; 0 rows when the blob is new. */
  UPDATE("UPDATE tenantry_blob SET content = ?, row_version = row_version + 1"
      + " WHERE tenant_id = ? AND replica = ? AND kind = ? AND blob_id = ?"),

  /** Stores a new blob (a racing second insert gets a unique violation and is retried). */
  INSERT("INSERT INTO tenantry_blob (tenant_id, replica, kind, blob_id, content, row_version)"
      + " VALUES (?, ?, ?, ?, ?, 1)"),

  /** Reads a blob. */
  SELECT("SELECT content FROM tenantry_blob"
      + " WHERE tenant_id = ? AND replica = ? AND kind = ? AND blob_id = ?"),

  /** Removes a blob. */
  DELETE("DELETE FROM tenantry_blob"
      + " WHERE tenant_id = ? AND replica = ? AND kind = ? AND blob_id = ?"),

  /** The ids of a tenant's blobs of one kind. */
  LIST("SELECT blob_id FROM tenantry_blob WHERE tenant_id = ? AND replica = ? AND kind = ?"),

  /**
   * The tenants with a blob in a replica: the port's one call that spans tenants (for the
   * scrubber), returning ids only; listed apart in {@link SqlCatalog#tenantListing()}.
   */
  TENANTS("SELECT DISTINCT tenant_id FROM tenantry_blob WHERE replica = ?");

  private final String sql;

  BlobReplicaSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
