-- Migration 12: the reports module's ports, ConcealmentSecrets and AggregateStore.
-- Statements are idempotent (IF NOT EXISTS): H2 commits each DDL statement on its own, so a
-- migration interrupted there is completed by the next start. Tenant id first in every key and index.

-- Each tenant's concealment secret, drawn once at random and never changed (tokens stay stable).
CREATE TABLE IF NOT EXISTS tenantry_concealment_secret (
  tenant_id VARCHAR(64) NOT NULL,
  secret BYTEA NOT NULL,
  CONSTRAINT tenantry_concealment_secret_pk PRIMARY KEY (tenant_id)
);

-- A tenant's named aggregate snapshots; row_version is the snapshot's version (1, 2, ...).
CREATE TABLE IF NOT EXISTS tenantry_aggregate_snapshot (
  tenant_id VARCHAR(64) NOT NULL,
  name VARCHAR(200) NOT NULL,
  row_version BIGINT NOT NULL,
  content BYTEA NOT NULL,
  CONSTRAINT tenantry_aggregate_snapshot_pk PRIMARY KEY (tenant_id, name)
);
