/**
 * The datastore's ports over JDBC: {@link io.tenantry.jdbc.datastore.JdbcBlobReplica} (the blobs
 * of named replicas in one table) and {@link io.tenantry.jdbc.datastore.JdbcKeysetStore} (the
 * encrypted per-tenant keysets behind {@link io.tenantry.datastore.spi.TinkKeyEncryptionService}).
 */
package io.tenantry.jdbc.datastore;
