/**
 * Encrypted, replicated, geo-placed storage. {@link io.tenantry.datastore.EncryptedStore} is the
 * entry point (built with {@link io.tenantry.datastore.EncryptedStore#builder()}); {@link
 * io.tenantry.datastore.FolderStore} opens the embedded default on local folders, as the {@code
 * tenantry store} command uses it. Objects are cut into chunks, each encrypted under its own data
 * key, data keys are wrapped by per-tenant keys, and every ciphertext is bound to tenant, object,
 * version and chunk; N replicas per geo take quorum writes, reads authenticate and repair, keys
 * rotate and can be shredded, and every access is audited.
 */
package io.tenantry.datastore;
