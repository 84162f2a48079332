package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One replica of the store's blobs in one geo: a dumb, untrusted container of opaque bytes. The
 * store encrypts and authenticates everything it writes, so a replica never sees plaintext and a
 * replica that alters, loses or swaps blobs is detected by the store, never believed.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every blob lives under exactly one tenant; each call names that tenant
 *       and touches only its blobs. The same name under two tenants denotes two different blobs.
 *       {@link #tenants()} is the single call that spans tenants; it returns ids only and exists for
 *       the scrubber ({@code verify}).</li>
 *   <li><b>Atomic replace.</b> {@link #put} replaces the whole blob or leaves the previous one;
 *       a reader never sees a partly written blob. When {@code put} returns, the blob is durable
 *       as far as the medium allows.</li>
 *   <li><b>Idempotency.</b> {@code put} of the same bytes and {@code delete} are idempotent.</li>
 *   <li><b>Threads and blocking.</b> Implementations are thread-safe; calls may block on I/O.</li>
 *   <li><b>Failures.</b> An unavailable or failing replica throws {@link
 *       io.tenantry.core.error.PortFailureException} carrying the cause; a missing blob is not a
 *       failure ({@link #get} returns empty). Callers never assume a replica is honest.</li>
 * </ul>
 */
public interface BlobReplica {

  /**
   * Returns a short human-readable name for messages, e.g. {@code NAM/replica-1}.
   *
   * @return the replica's name
   */
  String name();

  /**
   * Stores a blob, replacing any blob of the same name.
   *
   * @param tenant the tenant
   * @param name the blob's name
   * @param content the bytes; the replica keeps its own copy or writes them out before returning
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot store it
   */
  void put(TenantId tenant, BlobName name, byte[] content);

  /**
   * Reads a blob.
   *
   * @param tenant the tenant
   * @param name the blob's name
   * @return the bytes (a fresh array the caller may keep), or empty when there is no such blob
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot be read
   */
  Optional<byte[]> get(TenantId tenant, BlobName name);

  /**
   * Stores a blob whose array the caller hands over for good: the caller never changes it after
   * this call, so the replica may keep the array itself instead of a copy, and several replicas
   * may then share one array. The store calls this for the ciphertext, map and keys blobs it
   * writes, so an in-memory replica costs no copy per replica. The default calls {@link #put};
   * a replica that writes the bytes out (to files, to a database) needs nothing else.
   *
   * @param tenant the tenant
   * @param name the blob's name
   * @param content the bytes, never changed again by the caller
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot store it
   */
  default void putShared(TenantId tenant, BlobName name, byte[] content) {
    put(tenant, name, content);
  }

  /**
   * Reads a blob for a caller that promises never to change the array it gets: the replica may
   * return the array it holds instead of a copy. The store reads through this method and only
   * decrypts, compares and re-stores what it gets. The default calls {@link #get}.
   *
   * @param tenant the tenant
   * @param name the blob's name
   * @return the bytes (not to be changed), or empty when there is no such blob
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot be read
   */
  default Optional<byte[]> getShared(TenantId tenant, BlobName name) {
    return get(tenant, name);
  }

  /**
   * Removes a blob; removing a missing blob is a no-op.
   *
   * @param tenant the tenant
   * @param name the blob's name
   * @return true when a blob was removed
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot be changed
   */
  boolean delete(TenantId tenant, BlobName name);

  /**
   * Lists a tenant's blobs of one kind.
   *
   * @param tenant the tenant
   * @param kind the kind
   * @return the names, sorted
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot be read
   */
  List<BlobName> list(TenantId tenant, BlobKind kind);

  /**
   * Lists the tenants that have at least one blob here (for scrubbing only).
   *
   * @return the tenant ids
   * @throws io.tenantry.core.error.PortFailureException if the replica cannot be read
   */
  Set<TenantId> tenants();
}
