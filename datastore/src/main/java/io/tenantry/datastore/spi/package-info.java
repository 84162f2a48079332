/**
 * The store's ports and their default adapters: {@link io.tenantry.datastore.spi.BlobReplica}
 * (with {@link io.tenantry.datastore.spi.InMemoryBlobReplica} and {@link
 * io.tenantry.datastore.spi.FolderBlobReplica}), {@link
 * io.tenantry.datastore.spi.KeyEncryptionService} (with {@link
 * io.tenantry.datastore.spi.TinkKeyEncryptionService} under a {@link
 * io.tenantry.datastore.spi.MasterKey}, its encrypted keysets in a {@link
 * io.tenantry.datastore.spi.KeysetStore}: {@link io.tenantry.datastore.spi.InMemoryKeysetStore} or
 * {@link io.tenantry.datastore.spi.FolderKeysetStore}), and {@link io.tenantry.datastore.spi.FolderAuditLog}, a
 * file-backed {@link io.tenantry.core.spi.AuditLog} writing JSON lines.
 */
package io.tenantry.datastore.spi;
