package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.core.validation.Problems;
import io.tenantry.datastore.internal.StoreEngine;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.KeyEncryptionService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encrypted, replicated, geo-placed storage for many tenants, modelled on SharePoint's per-file
 * encryption and Exchange's replicated copies ({@code directory-semantics.md} §5, §7.3–7.6).
 *
 * <ul>
 *   <li><b>Encryption.</b> An object is cut into chunks (default 4 MiB); each chunk is encrypted
 *       with AES-256-GCM under its own fresh data key, and every update gets new keys. A version's
 *       chunk keys and its chunk map are sealed by the tenant's intermediate key, itself wrapped
 *       by the tenant's key-encryption key from a {@link KeyEncryptionService} (the hierarchy of
 *       {@code directory-semantics.md} §7.3.11). Content chunks, the encrypted chunk map and the
 *       wrapped keys are separate blobs. Every ciphertext is bound (associated data) to tenant,
 *       object, version and chunk index. Unwrapped intermediate keys are cached (bounded,
 *       expiring), so neither puts nor reads call the key service per object, and the store keeps
 *       nothing per object.</li>
 *   <li><b>Replication.</b> Each geo has N {@link BlobReplica}s; a write succeeds when W of them
 *       took it and is rolled back otherwise. Reads authenticate what they read, fall back to
 *       other replicas and repair the damaged or stale copies they meet.</li>
 *   <li><b>Placement.</b> An object lives only on the replicas of its geo ({@link Placement}).</li>
 *   <li><b>Keys over time.</b> {@link #rotateKey} re-wraps the intermediate keys (and so every
 *       data key below them) under a new tenant key;
 *       {@link #shredTenant} destroys the tenant's keys for good.</li>
 *   <li><b>Audit.</b> Every access, failures included, is recorded through the {@link AuditLog}
 *       with activities {@code Put}, {@code Get}, {@code Delete}, {@code List}, {@code RotateKey},
 *       {@code ShredTenant}, {@code Repair}, {@code Export} and {@code GeoMove}. An access that
 *       cannot be audited fails.</li>
 * </ul>
 *
 * <p>Every method takes the tenant (there is no current tenant) and the actor recorded in the
 * audit. Implementations are thread-safe; writes to one object are serialised.
 */
public interface EncryptedStore {

  /**
   * Stores a new version of an object; it replaces the previous version once committed.
   *
   * @param tenant the tenant
   * @param key the object's key
   * @param content the content, read to its end (not closed)
   * @param placement where to place the object
   * @param actor who acts, for the audit
   * @return the committed version
   * @throws WriteQuorumException if fewer than W replicas took the write (rolled back; the
   *     previous version stays readable)
   * @throws TenantShreddedException if the tenant's keys were destroyed
   * @throws ValidationException if the placement names a geo the store does not have
   * @throws java.io.UncheckedIOException if reading {@code content} fails
   */
  ObjectInfo put(TenantId tenant, ObjectKey key, InputStream content, Placement placement,
      String actor);

  /**
   * Stores a new version of an object from a byte array.
   *
   * @param tenant the tenant
   * @param key the object's key
   * @param content the content
   * @param placement where to place the object
   * @param actor who acts
   * @return the committed version
   * @throws WriteQuorumException if the write quorum was not reached
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  default ObjectInfo put(TenantId tenant, ObjectKey key, byte[] content, Placement placement,
      String actor) {
    return put(tenant, key, new ByteArrayInputStream(content), placement, actor);
  }

  /**
   * Reads the current version of an object into {@code out}, chunk by chunk, each authenticated
   * before it is written; repairs the damaged, missing or stale copies it meets.
   *
   * @param tenant the tenant
   * @param key the object's key
   * @param out where the content goes (not closed); if the read fails part-way, {@code out} may
   *     hold the authenticated chunks before the failing one
   * @param actor who acts
   * @return the version read and the repairs made
   * @throws io.tenantry.core.error.NotFoundException if the tenant has no live object of that key
   * @throws NoIntactCopyException if no replica holds an intact copy
   * @throws TenantShreddedException if the tenant's keys were destroyed
   * @throws java.io.UncheckedIOException if writing to {@code out} fails
   */
  ReadResult get(TenantId tenant, ObjectKey key, OutputStream out, String actor);

  /**
   * Reads the current version of an object into memory.
   *
   * @param tenant the tenant
   * @param key the object's key
   * @param actor who acts
   * @return the content
   * @throws io.tenantry.core.error.NotFoundException if there is no such live object
   * @throws NoIntactCopyException if no replica holds an intact copy
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  default byte[] getBytes(TenantId tenant, ObjectKey key, String actor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    get(tenant, key, out, actor);
    return out.toByteArray();
  }

  /**
   * Lists a tenant's live objects, sorted by key. An object none of whose map copies is intact is
   * left out ({@link #verify} reports it; {@link #listing} counts it). A shredded tenant has no
   * objects.
   *
   * @param tenant the tenant
   * @param actor who acts
   * @return the live objects
   */
  default List<ObjectInfo> list(TenantId tenant, String actor) {
    return listing(tenant, actor).objects();
  }

  /**
   * Lists a tenant's live objects, sorted by key, and counts the objects that could not be read
   * (none of their map copies is intact and opens under the tenant's keys), so a caller can say
   * that something is missing rather than show a shorter list as if it were whole. A shredded
   * tenant has no objects and nothing unreadable.
   *
   * @param tenant the tenant
   * @param actor who acts
   * @return the live objects and the count of unreadable ones
   */
  Listing listing(TenantId tenant, String actor);

  /**
   * Deletes an object by writing a tombstone version; idempotent.
   *
   * @param tenant the tenant
   * @param key the object's key
   * @param actor who acts
   * @return true when a live object was deleted, false when there was none
   * @throws WriteQuorumException if the tombstone did not reach the write quorum
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  boolean delete(TenantId tenant, ObjectKey key, String actor);

  /**
   * Makes a new primary key for the tenant and re-wraps every data key under it (in the current
   * format by wrapping the intermediate keys that seal them again, one key-service call per
   * intermediate key; keys of the previous format are re-wrapped one version at a time); content
   * and maps are not touched and everything stays readable.
   *
   * @param tenant the tenant
   * @param actor who acts
   * @return how many data keys now sit under the new primary key (chunk keys; for versions of
   *     the previous format, their map key too)
   * @throws io.tenantry.core.error.NotFoundException if the tenant has no keys yet
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  long rotateKey(TenantId tenant, String actor);

  /**
   * Destroys every key of the tenant (crypto-shredding): all its data becomes unreadable for good.
   * The ciphertext stays where it is; the audit trail is kept. Idempotent: shredding a shredded
   * tenant again does nothing more. A tenant that never had keys here is refused rather than
   * marked shredded, so a mistyped id does not become unusable for good.
   *
   * @param tenant the tenant
   * @param actor who acts
   * @throws io.tenantry.core.error.NotFoundException if the tenant has no keys in this store
   */
  void shredTenant(TenantId tenant, String actor);

  /**
   * Authenticates every chunk of every replica of every tenant, optionally repairing from intact
   * copies.
   *
   * @param repair whether to repair what can be repaired
   * @param actor who acts (recorded on repairs)
   * @return the findings
   */
  VerifyReport verify(boolean repair, String actor);

  /**
   * Exports every live object of a tenant, decrypted, so a leaving tenant takes its data with it
   * (then {@link #shredTenant} makes what remains unreadable). Each object is read like {@link
   * #get} (authenticated, repaired, audited as {@code Get}), its size checked against its chunk map
   * and its SHA-256 computed from the bytes exported. One {@code Export} audit record sums the run.
   *
   * @param tenant the tenant
   * @param sink where the objects go
   * @param actor who acts
   * @return the manifest: one entry per exported object, sorted by key
   * @throws NoIntactCopyException if an object has no intact copy (the sink's stream for it is
   *     discarded)
   * @throws TenantShreddedException if the tenant's keys were destroyed
   * @throws java.io.UncheckedIOException if the sink fails
   */
  List<ExportEntry> exportTenant(TenantId tenant, ExportSink sink, String actor);

  /**
   * Moves every live object of a tenant that is not in {@code target} there (a geo move, §5.6),
   * like {@link #moveTenant(TenantId, DataLocation, String, GeoMoveListener)} without a listener.
   *
   * @param tenant the tenant
   * @param target one of the store's geos
   * @param actor who acts
   * @return the report
   * @throws io.tenantry.core.error.ValidationException if {@code target} is not a store geo
   * @throws TenantShreddedException if the tenant's keys were destroyed
   * @throws io.tenantry.core.error.ConflictException if a move of the tenant is already running
   */
  default GeoMoveReport moveTenant(TenantId tenant, DataLocation target, String actor) {
    return moveTenant(tenant, target, actor, GeoMoveListener.none());
  }

  /**
   * Moves every live object of a tenant that is not in {@code target} there (a geo move, §5.6),
   * one object at a time, each through the states of {@link GeoMoveState}: queued; copying (read
   * and authenticated in its source, written to the target's replicas at write quorum under a new
   * version and fresh keys, beside the source version, which stays current); read-only window
   * (the copy verified in the target); switched (the target version committed and current);
   * source cleaned. A copy that cannot be completed fails and is rolled back: the source version
   * stays current.
   *
   * <p>The object stays readable throughout, and reads never wait for its copy: until the switch
   * they are served from the source version, afterwards from the target; a read never sees the
   * copy before it is committed. A write during the copy is accepted and makes the move copy the
   * object again (at most three times, then it fails); a put or delete during the read-only
   * window is refused with {@link GeoMoveReadOnlyException}.
   *
   * <p>Resumable: a copy in progress is recorded in the target beside the object (its sealed
   * version, written before any chunk), so a move that was interrupted (a failing replica, an
   * exception, a crash) is finished by running it again: objects already in the target are
   * skipped (a copy the interrupted run had left in the source is removed), and an object whose
   * copy was interrupted is copied again after the partial copy is removed. {@link #verify} with
   * repair also removes what an interrupted move left. Each object moved, failed or finished is
   * audited as {@code GeoMove} twice, once for its source side and once for its target side
   * (details {@code side}, {@code geo}, {@code from}, {@code to}, {@code state}, ...). A move and
   * a {@link #verify} of the same store exclude each other; two moves of one tenant cannot run at
   * once.
   *
   * @param tenant the tenant
   * @param target one of the store's geos
   * @param actor who acts
   * @param listener told of every state each object enters
   * @return the report
   * @throws io.tenantry.core.error.ValidationException if {@code target} is not a store geo
   * @throws TenantShreddedException if the tenant's keys were destroyed
   * @throws io.tenantry.core.error.ConflictException if a move of the tenant is already running
   */
  GeoMoveReport moveTenant(TenantId tenant, DataLocation target, String actor,
      GeoMoveListener listener);

  /**
   * Returns the geos the store places data in, central first.
   *
   * @return the geography
   */
  TenantGeography geography();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Configures and builds an {@link EncryptedStore}. Required: the geography, the replicas of
   * every geo and the key service. Defaults: write quorum a majority of the replicas (2 of 3),
   * chunk size 4 MiB, an {@link InMemoryAuditLog}, the system clock, random ids, a key cache of
   * 100,000 intermediate keys that expire one minute after they were unwrapped or made.
   */
  final class Builder {
    private TenantGeography geography;
    private final Map<DataLocation, List<BlobReplica>> replicas = new LinkedHashMap<>();
    private int writeQuorum;
    private int chunkSize = 4 * 1024 * 1024;
    private KeyEncryptionService keys;
    private AuditLog audit = new InMemoryAuditLog();
    private InstantSource clock = InstantSource.system();
    private IdGenerator ids = IdGenerator.random();
    private long cacheEntries = 100_000;
    private Duration cacheExpiry = Duration.ofMinutes(1);

    Builder() {}

    /**
     * Sets the geos (central first) every tenant's data is placed in.
     *
     * @param geography the geography
     * @return this builder
     */
    public Builder geography(TenantGeography geography) {
      this.geography = Objects.requireNonNull(geography, "geography");
      return this;
    }

    /**
     * Sets the replicas of one geo.
     *
     * @param geo the geo
     * @param replicasOfGeo its replicas, at least one
     * @return this builder
     */
    public Builder replicas(DataLocation geo, List<? extends BlobReplica> replicasOfGeo) {
      replicas.put(Objects.requireNonNull(geo, "geo"), List.copyOf(replicasOfGeo));
      return this;
    }

    /**
     * Sets the write quorum W: how many replicas of a geo must take a write.
     *
     * @param writeQuorum between 1 and the number of replicas per geo
     * @return this builder
     */
    public Builder writeQuorum(int writeQuorum) {
      this.writeQuorum = writeQuorum;
      return this;
    }

    /**
     * Sets the chunk size.
     *
     * @param chunkSize bytes per chunk, 1 to 64 MiB
     * @return this builder
     */
    public Builder chunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * Sets the key service holding the tenants' key-encryption keys.
     *
     * @param keys the service
     * @return this builder
     */
    public Builder keys(KeyEncryptionService keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Sets the audit log every access is recorded in.
     *
     * @param audit the log
     * @return this builder
     */
    public Builder audit(AuditLog audit) {
      this.audit = Objects.requireNonNull(audit, "audit");
      return this;
    }

    /**
     * Sets the clock for audit times and object creation times.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the generator of audit record ids.
     *
     * @param ids the generator
     * @return this builder
     */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Sizes the cache of unwrapped intermediate keys (a handful per tenant; nothing per object).
     *
     * @param maxEntries the most keys kept, at least 1
     * @param expireAfterWrite how long a key is kept after it was unwrapped or made, positive: also
     *     how long a tenant's current intermediate key serves new versions, and the longest a shred
     *     made by another process sharing the key store (plus that key service's own cache bound)
     *     leaves this store able to read
     * @return this builder
     */
    public Builder dataKeyCache(long maxEntries, Duration expireAfterWrite) {
      this.cacheEntries = maxEntries;
      this.cacheExpiry = Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
      return this;
    }

    /**
     * Builds the store, listing every configuration problem at once.
     *
     * @return the store
     * @throws ValidationException naming every missing or out-of-range setting
     */
    public EncryptedStore build() {
      Problems p = new Problems();
      if (geography == null) {
        p.add("geography", "is required", null);
      }
      if (keys == null) {
        p.add("keys", "a KeyEncryptionService is required", null);
      }
      int minReplicas = Integer.MAX_VALUE;
      if (geography != null) {
        for (DataLocation g : geography.all()) {
          List<BlobReplica> r = replicas.get(g);
          if (r == null || r.isEmpty()) {
            p.add("replicas." + g.code(), "the geo has no replicas", g.code());
          } else {
            minReplicas = Math.min(minReplicas, r.size());
          }
        }
        for (DataLocation g : replicas.keySet()) {
          if (!geography.contains(g)) {
            p.add("replicas." + g.code(), "is not one of the store's geos", g.code());
          }
        }
      }
      int w = writeQuorum == 0 && minReplicas != Integer.MAX_VALUE ? minReplicas / 2 + 1
          : writeQuorum;
      if (minReplicas != Integer.MAX_VALUE && (w < 1 || w > minReplicas)) {
        p.add("writeQuorum", "must be between 1 and the number of replicas (" + minReplicas + ")",
            writeQuorum);
      }
      if (chunkSize < 1 || chunkSize > 64 * 1024 * 1024) {
        p.add("chunkSize", "must be between 1 byte and 64 MiB", chunkSize);
      }
      if (cacheEntries < 1 || cacheExpiry.isZero() || cacheExpiry.isNegative()) {
        p.add("dataKeyCache", "needs at least one entry and a positive expiry",
            cacheEntries + "/" + cacheExpiry);
      }
      p.throwIfAny();
      return new StoreEngine(geography, replicas, w, chunkSize, keys, audit, clock, ids,
          cacheEntries, cacheExpiry);
    }
  }
}
