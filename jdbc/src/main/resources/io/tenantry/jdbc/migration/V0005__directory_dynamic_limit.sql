-- Migration 5: the directory's cap on dynamic groups and dynamic administrative units together
-- (directory-semantics.md 9.1, TenantLimits.maxDynamicGroupsAndAUs) and its opt-in policy of 9.2
-- (Directory.allowAuScopedUserAdminOnLimitedAdmins). Rows written before it get the defaults
-- (15,000; false). Idempotent (IF NOT EXISTS), as H2 commits each DDL statement on its own.
ALTER TABLE tenantry_directory ADD COLUMN IF NOT EXISTS max_dynamic_groups_and_aus INT NOT NULL DEFAULT 15000;
ALTER TABLE tenantry_directory ADD COLUMN IF NOT EXISTS au_user_admin_on_limited_admins BOOLEAN NOT NULL DEFAULT FALSE;
