-- Migration 6: the directory's guest access level (directory-semantics.md 4.2,
-- Directory.guestAccess, the GuestAccessLevel constant's name). Rows written before it get the
-- default, LIMITED. Idempotent (IF NOT EXISTS), as H2 commits each DDL statement on its own.
ALTER TABLE tenantry_directory ADD COLUMN IF NOT EXISTS guest_access VARCHAR(32) NOT NULL DEFAULT 'LIMITED';
