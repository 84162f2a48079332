package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.groups.JdbcGroupStore}, in the SQL PostgreSQL and H2
 * share.
 *
 * <p>Schema (migration 3): {@code tenantry_group} holds one row per group (scalar fields, status,
 * and a version that every write bumps); {@code tenantry_group_item} its lists, one row per element
 * in order ({@code O} owners, {@code M} members with {@code flag} = guest, {@code G} member groups,
 * {@code A} proxy addresses). A group and its lists are read in one statement, so a read sees one
 * committed state.
 */
public enum GroupSql implements SqlStatement {

  /** One group with its list elements. */
  SELECT_ONE(select("g.tenant_id = ? AND g.group_id = ?")),

  /** Every group of a tenant with its list elements, grouped by group. */
  SELECT_ALL(select("g.tenant_id = ?")),

  /** The version of one group, with its row locked until the transaction ends (see DirectorySql). */
  LOCK_VERSION("SELECT version FROM tenantry_group WHERE tenant_id = ? AND group_id = ? FOR UPDATE"),

  /** Stores a new group at version 1 (a racing insert gets a unique violation). */
  INSERT_GROUP("INSERT INTO tenantry_group (tenant_id, group_id, version, display_name,"
      + " mail_nickname, kind, created_on, guest_setting, status, status_on, expires_on,"
      + " deletion_reason) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),

  /** Replaces a group's fields if it still has the expected version, bumping it. */
  UPDATE_GROUP("UPDATE tenantry_group SET version = version + 1, display_name = ?,"
      + " mail_nickname = ?, kind = ?, created_on = ?, guest_setting = ?, status = ?,"
      + " status_on = ?, expires_on = ?, deletion_reason = ?"
      + " WHERE tenant_id = ? AND group_id = ? AND version = ?"),

  /** Removes a group's list elements (before writing the new ones). */
  DELETE_ITEMS("DELETE FROM tenantry_group_item WHERE tenant_id = ? AND group_id = ?"),

  /** Stores one list element (run as a batch). */
  INSERT_ITEM("INSERT INTO tenantry_group_item (tenant_id, group_id, list_name, item_no, item, flag)"
      + " VALUES (?, ?, ?, ?, ?, ?)");

  private final String sql;

  GroupSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }

  private static String select(String where) {
    return "SELECT g.group_id, g.version, g.display_name, g.mail_nickname, g.kind, g.created_on,"
        + " g.guest_setting, g.status, g.status_on, g.expires_on, g.deletion_reason,"
        + " i.list_name, i.item, i.flag"
        + " FROM tenantry_group g LEFT JOIN tenantry_group_item i"
        + " ON i.tenant_id = g.tenant_id AND i.group_id = g.group_id"
        + " WHERE " + where
        + " ORDER BY g.group_id, i.list_name, i.item_no";
  }
}
