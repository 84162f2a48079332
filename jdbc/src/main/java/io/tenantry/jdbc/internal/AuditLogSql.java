package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.JdbcAuditLog}, in the SQL PostgreSQL and H2 share.
 *
 * <p>Schema (migration 1): {@code tenantry_audit_sequence} holds each tenant's last sequence number
 * (its row is also the per-tenant append lock); {@code tenantry_audit_record} one row per record,
 * keyed by (tenant, sequence), the record id unique per tenant; {@code tenantry_audit_detail} the
 * record's details. A position in a trail is (time seconds, time nanos, sequence): the order of the
 * port's contract, and what a page token carries.
 */
public enum AuditLogSql implements SqlStatement {

  /** Takes the tenant's append lock and advances its sequence; 0 rows when the tenant is new. */
  BUMP_SEQUENCE("UPDATE tenantry_audit_sequence SET last_seq = last_seq + 1 WHERE tenant_id = ?"),

  /** Starts a new tenant's sequence at 1 (a racing first append gets a unique violation). */
  INSERT_SEQUENCE("INSERT INTO tenantry_audit_sequence (tenant_id, last_seq) VALUES (?, 1)"),

  /** Reads the sequence number just taken. */
  SELECT_SEQUENCE("SELECT last_seq FROM tenantry_audit_sequence WHERE tenant_id = ?"),

  /** Reads a record and its details by id. */
  SELECT_BY_ID("SELECT r.seq, r.record_id, r.time_s, r.time_n, r.actor, r.activity, r.target,"
      + " r.result, d.detail_key, d.detail_value"
      + " FROM tenantry_audit_record r LEFT JOIN tenantry_audit_detail d"
      + " ON d.tenant_id = r.tenant_id AND d.seq = r.seq"
      + " WHERE r.tenant_id = ? AND r.record_id = ?"
      + " ORDER BY d.detail_key"),

  /** Stores a record. */
  INSERT_RECORD("INSERT INTO tenantry_audit_record"
      + " (tenant_id, seq, record_id, time_s, time_n, actor, activity, target, result)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),

  /** Stores one detail of a record (run as a batch). */
  INSERT_DETAIL("INSERT INTO tenantry_audit_detail (tenant_id, seq, detail_key, detail_value)"
      + " VALUES (?, ?, ?, ?)"),

  /** One page, no actor or activity filter. */
  PAGE(page(false, false)),
  /** One page of one actor's records. */
  PAGE_BY_ACTOR(page(true, false)),
  /** One page of one activity's records. */
  PAGE_BY_ACTIVITY(page(false, true)),
  /** One page of one actor's records of one activity. */
  PAGE_BY_ACTOR_AND_ACTIVITY(page(true, true)),

  /** Retention, first step: the details of the records older than the cut-off. */
  PURGE_DETAILS("DELETE FROM tenantry_audit_detail WHERE tenant_id = ? AND seq IN ("
      + "SELECT r.seq FROM tenantry_audit_record r"
      + " WHERE r.tenant_id = ? AND (r.time_s, r.time_n) < (?, ?))"),

  /** Retention, second step: the records older than the cut-off. */
  PURGE_RECORDS("DELETE FROM tenantry_audit_record WHERE tenant_id = ? AND (time_s, time_n) < (?, ?)");

  private final String sql;

  AuditLogSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }

  /**
   * The page query. Parameters: tenant; lower bound (seconds, nanos, sequence), exclusive; upper
   * bound (seconds, nanos), exclusive; the actor and the activity when filtered; the row limit
   * (page size + 1, to learn whether more follow); the tenant again. The page is chosen in a common
   * table expression so that the LIMIT counts records, not detail rows, and the records and their
   * details come from one snapshot.
   */
  private static String page(boolean byActor, boolean byActivity) {
    return "WITH page AS ("
        + "SELECT tenant_id, seq, record_id, time_s, time_n, actor, activity, target, result"
        + " FROM tenantry_audit_record"
        + " WHERE tenant_id = ? AND (time_s, time_n, seq) > (?, ?, ?) AND (time_s, time_n) < (?, ?)"
        + (byActor ? " AND actor = ?" : "")
        + (byActivity ? " AND activity = ?" : "")
        + " ORDER BY time_s, time_n, seq LIMIT ?)"
        + " SELECT p.seq, p.record_id, p.time_s, p.time_n, p.actor, p.activity, p.target, p.result,"
        + " d.detail_key, d.detail_value"
        + " FROM page p LEFT JOIN tenantry_audit_detail d ON d.tenant_id = p.tenant_id AND d.seq = p.seq"
        + " WHERE p.tenant_id = ?"
        + " ORDER BY p.time_s, p.time_n, p.seq, d.detail_key";
  }
}
