-- Migration 4: identity's DirectoryStore, each tenant's directory with its version.
-- Idempotent statements (IF NOT EXISTS); tenant id first in every key and index. Days are epoch
-- days (BIGINT). Lists keep their order through their *_no columns.

-- One row per tenant with a directory: its version (bumped by every write; the Authorizer caches
-- compiled snapshots per version), the guest-invitation setting and the limits it was validated
-- against.
CREATE TABLE IF NOT EXISTS tenantry_directory (
  tenant_id VARCHAR(64) NOT NULL,
  version BIGINT NOT NULL,
  allow_invites_from VARCHAR(64) NOT NULL,
  max_admin_units_per_object INT NOT NULL,
  max_restricted_admin_units INT NOT NULL,
  max_custom_roles INT NOT NULL,
  max_custom_role_assignments INT NOT NULL,
  max_scoped_built_in_assignments INT NOT NULL,
  max_role_assignable_groups INT NOT NULL,
  CONSTRAINT tenantry_directory_pk PRIMARY KEY (tenant_id)
);

-- The directory's objects, by kind (U user, G group, A administrative unit, S service principal,
-- R custom role) in order. name: UPN, display name or role name; subtype: user type or group kind;
-- flag: account enabled (U), role-assignable (G), restricted (A), AU-assignable (R);
-- deleted_on: a soft-deleted user's day; rule_text: a dynamic AU's membership rule.
CREATE TABLE IF NOT EXISTS tenantry_directory_object (
  tenant_id VARCHAR(64) NOT NULL,
  kind CHAR(1) NOT NULL,
  object_no INT NOT NULL,
  object_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  subtype VARCHAR(32),
  flag BOOLEAN NOT NULL,
  deleted_on BIGINT,
  rule_text VARCHAR,
  CONSTRAINT tenantry_directory_object_pk PRIMARY KEY (tenant_id, kind, object_no),
  CONSTRAINT tenantry_directory_object_fk FOREIGN KEY (tenant_id)
    REFERENCES tenantry_directory (tenant_id)
);

-- The objects' lists in order: a user's attributes (A: item = name, item_value = value), a
-- group's members (M) and owners (O), an AU's users (U) and groups (G), a role's permissions (P).
CREATE TABLE IF NOT EXISTS tenantry_directory_item (
  tenant_id VARCHAR(64) NOT NULL,
  kind CHAR(1) NOT NULL,
  object_no INT NOT NULL,
  list_name CHAR(1) NOT NULL,
  item_no INT NOT NULL,
  item VARCHAR NOT NULL,
  item_value VARCHAR,
  CONSTRAINT tenantry_directory_item_pk PRIMARY KEY (tenant_id, kind, object_no, list_name, item_no),
  CONSTRAINT tenantry_directory_item_fk FOREIGN KEY (tenant_id, kind, object_no)
    REFERENCES tenantry_directory_object (tenant_id, kind, object_no)
);

-- The role assignments in order: principal, role (template or custom id) and directoryScopeId.
CREATE TABLE IF NOT EXISTS tenantry_directory_assignment (
  tenant_id VARCHAR(64) NOT NULL,
  assignment_no INT NOT NULL,
  principal_id VARCHAR NOT NULL,
  role_id VARCHAR NOT NULL,
  scope VARCHAR NOT NULL,
  CONSTRAINT tenantry_directory_assignment_pk PRIMARY KEY (tenant_id, assignment_no),
  CONSTRAINT tenantry_directory_assignment_fk FOREIGN KEY (tenant_id)
    REFERENCES tenantry_directory (tenant_id)
);

-- Who holds which role: the lookup a host makes when it audits one principal's roles.
CREATE INDEX IF NOT EXISTS tenantry_directory_assignment_principal_ix
  ON tenantry_directory_assignment (tenant_id, principal_id);
