-- Migration 3: groups' GroupStore and GroupSettingsStore.
-- Idempotent statements (IF NOT EXISTS); tenant id first in every key and index. Days are stored
-- as epoch days (BIGINT), so no time zone is involved.

-- One row per group: its scalar fields, its lifecycle status, and the version that every write
-- bumps (optimistic concurrency: a write that expected another version is refused).
CREATE TABLE IF NOT EXISTS tenantry_group (
  tenant_id VARCHAR(64) NOT NULL,
  group_id VARCHAR NOT NULL,
  version BIGINT NOT NULL,
  display_name VARCHAR NOT NULL,
  mail_nickname VARCHAR NOT NULL,
  kind VARCHAR(32) NOT NULL,
  created_on BIGINT NOT NULL,
  guest_setting VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  status_on BIGINT NOT NULL,
  expires_on BIGINT,
  deletion_reason VARCHAR(16),
  CONSTRAINT tenantry_group_pk PRIMARY KEY (tenant_id, group_id)
);

-- The lists of a group, one row per element, in order: owners (O), members (M, flag = guest),
-- member groups (G) and proxy addresses (A).
CREATE TABLE IF NOT EXISTS tenantry_group_item (
  tenant_id VARCHAR(64) NOT NULL,
  group_id VARCHAR NOT NULL,
  list_name CHAR(1) NOT NULL,
  item_no INT NOT NULL,
  item VARCHAR NOT NULL,
  flag BOOLEAN NOT NULL,
  CONSTRAINT tenantry_group_item_pk PRIMARY KEY (tenant_id, group_id, list_name, item_no),
  CONSTRAINT tenantry_group_item_group_fk FOREIGN KEY (tenant_id, group_id)
    REFERENCES tenantry_group (tenant_id, group_id)
);

-- One row per tenant that stored its group settings (the others have the defaults), with the
-- version every write bumps. The expiration columns are null when expiration is off.
CREATE TABLE IF NOT EXISTS tenantry_group_settings (
  tenant_id VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  enable_group_creation BOOLEAN NOT NULL,
  creation_allowed_group_id VARCHAR,
  users_can_create_security_groups BOOLEAN NOT NULL,
  naming_pattern VARCHAR NOT NULL,
  allow_guests_to_be_group_owner BOOLEAN NOT NULL,
  allow_guests_to_access_groups BOOLEAN NOT NULL,
  allow_to_add_guests BOOLEAN NOT NULL,
  guest_domain_mode VARCHAR(16) NOT NULL,
  guest_match_subdomains BOOLEAN NOT NULL,
  mail_domain VARCHAR NOT NULL,
  expiration_lifetime_days INT,
  expiration_managed_types VARCHAR(16),
  expiration_enabled_on BIGINT,
  CONSTRAINT tenantry_group_settings_pk PRIMARY KEY (tenant_id)
);

-- The lists of the settings, one row per element, in order: blocked words (W), guest domains (D),
-- the expiration policy's selected groups (S) and alternate notification addresses (E).
CREATE TABLE IF NOT EXISTS tenantry_group_settings_item (
  tenant_id VARCHAR(64) NOT NULL,
  list_name CHAR(1) NOT NULL,
  item_no INT NOT NULL,
  item VARCHAR NOT NULL,
  CONSTRAINT tenantry_group_settings_item_pk PRIMARY KEY (tenant_id, list_name, item_no),
  CONSTRAINT tenantry_group_settings_item_fk FOREIGN KEY (tenant_id)
    REFERENCES tenantry_group_settings (tenant_id)
);
