-- Migration 2: identity's OffboardingProgressStore, the completed steps of each user's offboarding.
-- Idempotent statements (IF NOT EXISTS); tenant id first in every key and index.

-- One row per completed step; a step is recorded once (marking it again is a no-op).
CREATE TABLE IF NOT EXISTS tenantry_offboarding_step (
  tenant_id VARCHAR(64) NOT NULL,
  user_id VARCHAR NOT NULL,
  step VARCHAR(64) NOT NULL,
  CONSTRAINT tenantry_offboarding_step_pk PRIMARY KEY (tenant_id, user_id, step)
);
