-- Migration 13 (H2): the blobs' content as a LOB. Kept inline in the table's B-tree pages (BYTEA,
-- i.e. VARBINARY), the datastore's multi-megabyte chunks made pages of megabytes, and H2's MVStore
-- could then read such a page back from the file before its background writer had written it
-- (EOFException, "File corrupted while reading record"): large puts failed their write quorum.
-- A BLOB is kept in H2's LOB storage, in small blocks apart from the row. Converts existing rows;
-- idempotent (a BLOB column set to BLOB again is unchanged).
ALTER TABLE tenantry_blob ALTER COLUMN content SET DATA TYPE BLOB;
