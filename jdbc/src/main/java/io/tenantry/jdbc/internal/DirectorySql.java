package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.identity.JdbcDirectoryStore}, in the SQL PostgreSQL
 * and H2 share.
 *
 * <p>Schema (migrations 4 and 5): {@code tenantry_directory} holds one row per tenant (version, invitation
 * setting, limits); {@code tenantry_directory_object} its users, groups, administrative units,
 * service principals and custom roles by kind and order; {@code tenantry_directory_item} their
 * lists; {@code tenantry_directory_assignment} the role assignments in order. A write replaces the
 * tenant's rows in one transaction and bumps the version; a load reads the version before and after
 * its reads and starts again when they differ, so it returns one committed directory.
 */
public enum DirectorySql implements SqlStatement {

  /** The version of a tenant's directory (the Authorizer's cheap per-check call). */
  SELECT_VERSION("SELECT version FROM tenantry_directory WHERE tenant_id = ?"),

  /**
   * The version, with the tenant row locked until the transaction ends: a write reads it first, so
   * writes of one tenant take turns and each compares with the version the one before committed.
   */
  LOCK_VERSION("SELECT version FROM tenantry_directory WHERE tenant_id = ? FOR UPDATE"),

  /** The tenant row. */
  SELECT_HEAD("SELECT version, allow_invites_from, max_admin_units_per_object,"
      + " max_restricted_admin_units, max_custom_roles, max_custom_role_assignments,"
      + " max_scoped_built_in_assignments, max_role_assignable_groups, max_dynamic_groups_and_aus,"
      + " au_user_admin_on_limited_admins, guest_access FROM tenantry_directory WHERE tenant_id = ?"),

  /** The objects, by kind and order. */
  SELECT_OBJECTS("SELECT kind, object_no, object_id, name, subtype, flag, deleted_on, rule_text"
      + " FROM tenantry_directory_object WHERE tenant_id = ? ORDER BY kind, object_no"),

  /** The objects' list elements, by object, list and order. */
  SELECT_ITEMS("SELECT kind, object_no, list_name, item, item_value"
      + " FROM tenantry_directory_item WHERE tenant_id = ?"
      + " ORDER BY kind, object_no, list_name, item_no"),

  /** The role assignments, in order. */
  SELECT_ASSIGNMENTS("SELECT principal_id, role_id, scope FROM tenantry_directory_assignment"
      + " WHERE tenant_id = ? ORDER BY assignment_no"),

  /** The restricted flag of each stored administrative unit (a write may not flip one). */
  SELECT_AU_FLAGS("SELECT object_id, flag FROM tenantry_directory_object WHERE tenant_id = ? AND kind = 'A'"),

  /** Stores a tenant's first directory at version 1 (a racing insert gets a unique violation). */
  INSERT_HEAD("INSERT INTO tenantry_directory (tenant_id, version, allow_invites_from,"
      + " max_admin_units_per_object, max_restricted_admin_units, max_custom_roles,"
      + " max_custom_role_assignments, max_scoped_built_in_assignments, max_role_assignable_groups,"
      + " max_dynamic_groups_and_aus, au_user_admin_on_limited_admins, guest_access)"
      + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),

  /** Replaces the tenant row if it still has the expected version, bumping it. */
  UPDATE_HEAD("UPDATE tenantry_directory SET version = version + 1, allow_invites_from = ?,"
      + " max_admin_units_per_object = ?, max_restricted_admin_units = ?, max_custom_roles = ?,"
      + " max_custom_role_assignments = ?, max_scoped_built_in_assignments = ?,"
      + " max_role_assignable_groups = ?, max_dynamic_groups_and_aus = ?, au_user_admin_on_limited_admins = ?,"
      + " guest_access = ? WHERE tenant_id = ? AND version = ?"),

  /** Removes the list elements (first: they reference the objects). */
  DELETE_ITEMS("DELETE FROM tenantry_directory_item WHERE tenant_id = ?"),

  /** Removes the objects. */
  DELETE_OBJECTS("DELETE FROM tenantry_directory_object WHERE tenant_id = ?"),

  /** Removes the role assignments. */
  DELETE_ASSIGNMENTS("DELETE FROM tenantry_directory_assignment WHERE tenant_id = ?"),

  /** Stores one object (run as a batch). */
  INSERT_OBJECT("INSERT INTO tenantry_directory_object (tenant_id, kind, object_no, object_id,"
      + " name, subtype, flag, deleted_on, rule_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),

  /** Stores one list element (run as a batch). */
  INSERT_ITEM("INSERT INTO tenantry_directory_item (tenant_id, kind, object_no, list_name, item_no,"
      + " item, item_value) VALUES (?, ?, ?, ?, ?, ?, ?)"),

  /** Stores one role assignment (run as a batch). */
  INSERT_ASSIGNMENT("INSERT INTO tenantry_directory_assignment (tenant_id, assignment_no,"
      + " principal_id, role_id, scope) VALUES (?, ?, ?, ?, ?)");

  private final String sql;

  DirectorySql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
