package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.groups.JdbcGroupSettingsStore}, in the SQL PostgreSQL
 * and H2 share.
 *
 * <p>Schema (migration 3): {@code tenantry_group_settings} holds one row per tenant that stored its
 * settings, with a version every write bumps; {@code tenantry_group_settings_item} the settings'
 * lists in order ({@code W} blocked words, {@code D} guest domains, {@code S} the expiration
 * policy's selected groups, {@code E} its alternate notification addresses). Read in one statement.
 */
public enum GroupSettingsSql implements SqlStatement {

  /** A tenant's settings with their list elements. */
  SELECT("SELECT s.version, s.enable_group_creation, s.creation_allowed_group_id,"
      + " s.users_can_create_security_groups, s.naming_pattern, s.allow_guests_to_be_group_owner,"
      + " s.allow_guests_to_access_groups, s.allow_to_add_guests, s.guest_domain_mode,"
      + " s.guest_match_subdomains, s.mail_domain, s.expiration_lifetime_days,"
      + " s.expiration_managed_types, s.expiration_enabled_on, i.list_name, i.item"
      + " FROM tenantry_group_settings s LEFT JOIN tenantry_group_settings_item i"
      + " ON i.tenant_id = s.tenant_id"
      + " WHERE s.tenant_id = ?"
      + " ORDER BY i.list_name, i.item_no"),

  /** The version, with the settings row locked until the transaction ends (see DirectorySql). */
  LOCK_VERSION("SELECT version FROM tenantry_group_settings WHERE tenant_id = ? FOR UPDATE"),

  /** Stores a tenant's first settings at version 1 (a racing insert gets a unique violation). */
  INSERT("INSERT INTO tenantry_group_settings (tenant_id, version, enable_group_creation,"
      + " creation_allowed_group_id, users_can_create_security_groups, naming_pattern,"
      + " allow_guests_to_be_group_owner, allow_guests_to_access_groups, allow_to_add_guests,"
      + " guest_domain_mode, guest_match_subdomains, mail_domain, expiration_lifetime_days,"
      + " expiration_managed_types, expiration_enabled_on)"
      + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),

  /** Replaces a tenant's settings if they still have the expected version, bumping it. */
  UPDATE("UPDATE tenantry_group_settings SET version = version + 1, enable_group_creation = ?,"
      + " creation_allowed_group_id = ?, users_can_create_security_groups = ?, naming_pattern = ?,"
      + " allow_guests_to_be_group_owner = ?, allow_guests_to_access_groups = ?,"
      + " allow_to_add_guests = ?, guest_domain_mode = ?, guest_match_subdomains = ?,"
      + " mail_domain = ?, expiration_lifetime_days = ?, expiration_managed_types = ?,"
      + " expiration_enabled_on = ?"
      + " WHERE tenant_id = ? AND version = ?"),

  /** Removes the settings' list elements (before writing the new ones). */
  DELETE_ITEMS("DELETE FROM tenantry_group_settings_item WHERE tenant_id = ?"),

  /** Stores one list element (run as a batch). */
  INSERT_ITEM("INSERT INTO tenantry_group_settings_item (tenant_id, list_name, item_no, item)"
      + " VALUES (?, ?, ?, ?)");

  private final String sql;

  GroupSettingsSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
