-- Migration 10: the datastore's ports, BlobReplica and the keyset store of TinkKeyEncryptionService.
-- Statements are idempotent (IF NOT EXISTS): H2 commits each DDL statement on its own, so a
-- migration interrupted there is completed by the next start. Tenant id first in every key and index.

-- The blobs of every replica kept in this database: one row per (tenant, replica, kind, id).
-- row_version counts the writes of a blob (1 when first put).
CREATE TABLE IF NOT EXISTS tenantry_blob (
  tenant_id VARCHAR(64) NOT NULL,
  replica VARCHAR(200) NOT NULL,
  kind VARCHAR(8) NOT NULL,
  blob_id VARCHAR(128) NOT NULL,
  content BYTEA NOT NULL,
  row_version BIGINT NOT NULL,
  CONSTRAINT tenantry_blob_pk PRIMARY KEY (tenant_id, replica, kind, blob_id)
);

-- Each tenant's keyset, encrypted under the master key; row_version is the compare-and-set token.
-- A shredded tenant keeps a tombstone row: encrypted is NULL and shredded TRUE, for good.
CREATE TABLE IF NOT EXISTS tenantry_keyset (
  tenant_id VARCHAR(64) NOT NULL,
  encrypted BYTEA,
  row_version BIGINT NOT NULL,
  shredded BOOLEAN NOT NULL,
  CONSTRAINT tenantry_keyset_pk PRIMARY KEY (tenant_id)
);
