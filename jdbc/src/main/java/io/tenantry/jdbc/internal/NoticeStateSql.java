package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.notices.JdbcNoticeStateStore}, in the SQL PostgreSQL
 * and H2 share. Schema (migration 11): {@code tenantry_notice_*}, admins keyed by lower-case UPN.
 */
public enum NoticeStateSql implements SqlStatement {

  /** An admin's preferences and the services followed (one row each, or one with a null service). */
  SELECT_PREFERENCES("SELECT p.email, f.service FROM tenantry_notice_preferences p"
      + " LEFT JOIN tenantry_notice_followed f ON f.tenant_id = p.tenant_id AND f.upn = p.upn"
      + " WHERE p.tenant_id = ? AND p.upn = ?"),
  /** Updates an admin's preferences; 0 rows when there are none yet. */
  UPDATE_PREFERENCES("UPDATE tenantry_notice_preferences SET email = ? WHERE tenant_id = ? AND upn = ?"),
  /** Stores an admin's first preferences. */
  INSERT_PREFERENCES("INSERT INTO tenantry_notice_preferences (tenant_id, upn, email) VALUES (?, ?, ?)"),
  /** Forgets the services an admin followed (before storing the new ones). */
  DELETE_FOLLOWED("DELETE FROM tenantry_notice_followed WHERE tenant_id = ? AND upn = ?"),
  /** Stores one followed service (run as a batch). */
  INSERT_FOLLOWED("INSERT INTO tenantry_notice_followed (tenant_id, upn, service) VALUES (?, ?, ?)"),

  /** An admin's state of a message. */
  SELECT_MESSAGE_STATE("SELECT is_read, archived FROM tenantry_notice_message_state"
      + " WHERE tenant_id = ? AND upn = ? AND message_id = ?"),
  /** Updates an admin's state of a message; 0 rows when there is none yet. */
  UPDATE_MESSAGE_STATE("UPDATE tenantry_notice_message_state SET is_read = ?, archived = ?"
      + " WHERE tenant_id = ? AND upn = ? AND message_id = ?"),
  /** Stores an admin's first state of a message. */
  INSERT_MESSAGE_STATE("INSERT INTO tenantry_notice_message_state"
      + " (tenant_id, upn, message_id, is_read, archived) VALUES (?, ?, ?, ?, ?)"),

  /** An admin's subscription and its services (one row each). */
  SELECT_SUBSCRIPTION("SELECT s.advisories, v.service FROM tenantry_notice_subscription s"
      + " JOIN tenantry_notice_subscribed v ON v.tenant_id = s.tenant_id AND v.upn = s.upn"
      + " WHERE s.tenant_id = ? AND s.upn = ?"),
  /** Forgets an admin's subscribed services (first step of a save or an unsubscribe). */
  DELETE_SUBSCRIBED("DELETE FROM tenantry_notice_subscribed WHERE tenant_id = ? AND upn = ?"),
  /** Forgets an admin's subscription (second step). */
  DELETE_SUBSCRIPTION("DELETE FROM tenantry_notice_subscription WHERE tenant_id = ? AND upn = ?"),
  /** Stores an admin's subscription. */
  INSERT_SUBSCRIPTION("INSERT INTO tenantry_notice_subscription (tenant_id, upn, advisories)"
      + " VALUES (?, ?, ?)"),
  /** Stores one subscribed service (run as a batch). */
  INSERT_SUBSCRIBED("INSERT INTO tenantry_notice_subscribed (tenant_id, upn, service)"
      + " VALUES (?, ?, ?)"),

  /** Whether a ledger entry exists. */
  SELECT_LEDGER("SELECT entry FROM tenantry_notice_ledger"
      + " WHERE tenant_id = ? AND kind = ? AND ref_id = ? AND entry = ?"),
  /** A tenant's ledger entries of one kind and id. */
  SELECT_LEDGER_OF("SELECT entry FROM tenantry_notice_ledger"
      + " WHERE tenant_id = ? AND kind = ? AND ref_id = ? ORDER BY entry"),
  /** Removes a ledger entry. */
  DELETE_LEDGER("DELETE FROM tenantry_notice_ledger"
      + " WHERE tenant_id = ? AND kind = ? AND ref_id = ? AND entry = ?"),
  /** Records a ledger entry (a racing second insert gets a unique violation and is retried). */
  INSERT_LEDGER("INSERT INTO tenantry_notice_ledger (tenant_id, kind, ref_id, entry)"
      + " VALUES (?, ?, ?, ?)");

  private final String sql;

  NoticeStateSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
