-- Migration 5: the directory's cap on dynamic groups and dynamic administrative units together
-- (directory-semantics.md 9.1, TenantLimits.maxDynamicGroupsAndAUs). Rows written before it get
-- the documented default. Idempotent (IF NOT EXISTS), as H2 commits each DDL statement on its own.
ALTER TABLE tenantry_directory ADD COLUMN IF NOT EXISTS max_dynamic_groups_and_aus INT NOT NULL DEFAULT 15000;
