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
