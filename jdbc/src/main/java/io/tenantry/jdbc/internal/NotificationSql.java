package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.notices.JdbcNotificationOutbox}, in the SQL
 * PostgreSQL and H2 share. Schema (migration 11): {@code tenantry_notification}, keyed by (tenant,
 * seq), seq drawn from an identity column so that the order of calls is kept.
 */
public enum NotificationSql implements SqlStatement {

  /** Stores a notification. */
  INSERT("INSERT INTO tenantry_notification (tenant_id, kind, channel, recipient, at_s, at_n,"
      + " reference, subject, body_text, body_html) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),

  /** A tenant's oldest stored notifications, in order, at most a number of them. */
  OLDEST("SELECT seq, kind, channel, recipient, at_s, at_n, reference, subject, body_text,"
      + " body_html FROM tenantry_notification WHERE tenant_id = ? ORDER BY seq LIMIT ?"),

  /** Removes one delivered notification (run as a batch). */
  DELETE("DELETE FROM tenantry_notification WHERE tenant_id = ? AND seq = ?");

  private final String sql;

  NotificationSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
