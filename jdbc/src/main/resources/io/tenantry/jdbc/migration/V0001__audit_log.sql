-- Migration 1: the audit trail of core's AuditLog port.
-- Statements are idempotent (IF NOT EXISTS): H2 commits each DDL statement on its own, so a
-- migration interrupted there is completed by the next start. Tenant id first in every key and index.

-- Each tenant's last sequence number; updating the row is the tenant's append lock.
CREATE TABLE IF NOT EXISTS tenantry_audit_sequence (
  tenant_id VARCHAR(64) NOT NULL,
  last_seq BIGINT NOT NULL,
  CONSTRAINT tenantry_audit_sequence_pk PRIMARY KEY (tenant_id)
);

-- One row per record; (time_s, time_n, seq) is its position in the tenant's trail.
CREATE TABLE IF NOT EXISTS tenantry_audit_record (
  tenant_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  record_id VARCHAR NOT NULL,
  time_s BIGINT NOT NULL,
  time_n INT NOT NULL,
  actor VARCHAR NOT NULL,
  activity VARCHAR NOT NULL,
  target VARCHAR,
  result VARCHAR(16) NOT NULL,
  CONSTRAINT tenantry_audit_record_pk PRIMARY KEY (tenant_id, seq),
  CONSTRAINT tenantry_audit_record_id_uk UNIQUE (tenant_id, record_id)
);

CREATE INDEX IF NOT EXISTS tenantry_audit_record_time_ix
  ON tenantry_audit_record (tenant_id, time_s, time_n, seq);
CREATE INDEX IF NOT EXISTS tenantry_audit_record_actor_ix
  ON tenantry_audit_record (tenant_id, actor, time_s, time_n, seq);
CREATE INDEX IF NOT EXISTS tenantry_audit_record_activity_ix
  ON tenantry_audit_record (tenant_id, activity, time_s, time_n, seq);

-- The details of a record, one row per key.
CREATE TABLE IF NOT EXISTS tenantry_audit_detail (
  tenant_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  detail_key VARCHAR NOT NULL,
  detail_value VARCHAR NOT NULL,
  CONSTRAINT tenantry_audit_detail_pk PRIMARY KEY (tenant_id, seq, detail_key),
  CONSTRAINT tenantry_audit_detail_record_fk FOREIGN KEY (tenant_id, seq)
    REFERENCES tenantry_audit_record (tenant_id, seq)
);
