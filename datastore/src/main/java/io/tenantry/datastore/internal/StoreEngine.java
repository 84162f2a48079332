package io.tenantry.datastore.internal;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.validation.Problem;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.ExportEntry;
import io.tenantry.datastore.ExportSink;
import io.tenantry.datastore.GeoMoveListener;
import io.tenantry.datastore.GeoMoveReadOnlyException;
import io.tenantry.datastore.GeoMoveReport;
import io.tenantry.datastore.GeoMoveState;
import io.tenantry.datastore.IntegrityException;
import io.tenantry.datastore.Listing;
import io.tenantry.datastore.NoIntactCopyException;
import io.tenantry.datastore.ObjectInfo;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.ReadResult;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.VerifyFinding;
import io.tenantry.datastore.VerifyFinding.Status;
import io.tenantry.datastore.VerifyReport;
import io.tenantry.datastore.WriteQuorumException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.KeyEncryptionService;
import io.tenantry.datastore.spi.KeyState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The engine behind {@link EncryptedStore}.
 *
 * <p>Design notes. An object version is three kinds of blob on each replica of its geo: chunk
 * ciphertexts (named by a digest of tenant, object id, version and index), the keys blob (the
 * version's data keys, wrapped together in one call by the tenant's key-encryption key) and the map
 * blob (the chunk map, encrypted under its own data key); the map is written last on each replica
 * and is that replica's commit point. A put writes the new version to every replica of the target geo, counts the replicas that
 * took all of it, and either commits (then deletes the superseded chunks and any copy left in
 * another geo) or rolls back (deletes the new chunks and restores the previous keys and map blobs
 * where it wrote them). Reads pick the highest version with an intact map, authenticate each chunk
 * on the first replica that has a good copy, compare the other replicas' bytes to it, and rewrite
 * the copies that differ, are missing or are stale. Writes, reads and scrubs of one object are
 * serialised by a striped lock, so a repair never overwrites a newer version.
 *
 * <p>Geo moves. A move copies an object's current version to the target geo under a new version
 * and fresh keys, but writes that version's keys and map under staged names ({@code
 * <object id>.move}) first, then its chunks; reads and repairs look only at the object's own
 * names, so they never see the copy before it commits, never take it for the current version and
 * never remove it as a copy outside the object's geo, and the object's lock is not held while the
 * copy is read, written or verified. The switch writes the same keys and map under the object's
 * own names at write quorum (the commit point of a put), after which the higher version in the
 * target is current and every copy in the source is superseded. The staged record outlives the
 * chunks it names, so a move that was interrupted finds, removes and makes again what it had
 * copied. Writers consult the stripe's {@link MoveTicket} chain, null unless a move is running
 * in that stripe.
 *
 * <p>Hot path. The ciphertext, keys and map arrays are immutable once built and handed to every
 * replica through {@link BlobReplica#putShared} (in memory: one array for all replicas) and read
 * back through {@link BlobReplica#getShared}; byte-identical blobs met on several replicas are
 * authenticated once. Replicas are written in the calling thread.
 *
 * <p>Key hierarchy. The tenant's key-encryption key (the key service) wraps the tenant's
 * intermediate keys ({@link IntermediateKeys}); an intermediate key seals each version's chunk
 * map and chunk keys; each chunk key encrypts one chunk. A put or get therefore calls the key
 * service only for an intermediate key not unwrapped within the cache's expiry, and nothing the
 * engine keeps grows with the number of objects: a read authenticates the keys and map blobs it
 * reads (two small AES-GCM messages under an already expanded key) unless a fixed table of
 * versions authenticated lately ({@link RecentVersions}) holds those very bytes.
 * Keys blobs of the previous format (all keys wrapped by the key service, per version) are still
 * read, rotated and repaired; new versions are always written in the current one.
 */
public final class StoreEngine implements EncryptedStore {
  private static final int STRIPES = 64;

  private final TenantGeography geography;
  private final Map<DataLocation, List<BlobReplica>> replicas;
  private final int writeQuorum;
  private final int chunkSize;
  private final KeyEncryptionService kes;
  private final AuditLog audit;
  private final InstantSource clock;
  private final IdGenerator ids;
  private final IntermediateKeys intermediates;
  /** Blob names derived lately: bounded, see {@link NameMemo}. */
  private final NameMemo names = new NameMemo();
  /** Fresh data keys and nonces, see {@link KeyRandom}. */
  private final KeyRandom random = new KeyRandom();
  /** Versions authenticated lately: bounded, see {@link RecentVersions}. */
  private final RecentVersions recent;
  /**
   * Tenants this engine shredded: their keys are never cached again, even by a read that was
   * already past the key service when the shred began.
   */
  private final Set<TenantId> shredded = ConcurrentHashMap.newKeySet();
  private final Object[] stripes = new Object[STRIPES];
  /**
   * Per stripe, the objects a geo move is copying ({@link MoveTicket}), guarded by the stripe's
   * lock: null (one array read) for a stripe without any.
   */
  private final MoveTicket[] moving = new MoveTicket[STRIPES];
  /** Tenants a move is running for: a second move of one tenant is refused. */
  private final Set<TenantId> movingTenants = ConcurrentHashMap.newKeySet();
  /**
   * Moves (shared) and {@link #verify} (exclusive) exclude each other, so a scrub never takes a
   * copy in progress for an orphan nor a move's record of it for a leftover.
   */
  private final ReentrantReadWriteLock moveOrScrub = new ReentrantReadWriteLock();

  /**
   * Creates the engine; {@link EncryptedStore#builder()} validates the arguments first.
   *
   * @param geography the geos, central first
   * @param replicas the replicas of each geo
   * @param writeQuorum W
   * @param chunkSize bytes per chunk
   * @param kes the key service
   * @param audit the audit log
   * @param clock the clock
   * @param ids the audit id generator
   * @param cacheEntries the data-key cache's size
   * @param cacheExpiry the data-key cache's expiry after last access
   */
  public StoreEngine(TenantGeography geography, Map<DataLocation, List<BlobReplica>> replicas,
      int writeQuorum, int chunkSize, KeyEncryptionService kes, AuditLog audit,
      InstantSource clock, IdGenerator ids, long cacheEntries, Duration cacheExpiry) {
    this.geography = geography;
    Map<DataLocation, List<BlobReplica>> r = new LinkedHashMap<>();
    for (DataLocation g : geography.all()) {
      r.put(g, List.copyOf(replicas.get(g)));
    }
    this.replicas = r;
    this.writeQuorum = writeQuorum;
    this.chunkSize = chunkSize;
    this.kes = kes;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
    this.intermediates = new IntermediateKeys(kes, shredded, cacheEntries, cacheExpiry);
    this.recent = new RecentVersions(intermediates, shredded, cacheExpiry.toNanos());
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  // ---------------------------------------------------------------- keys

  /**
   * Returns the data keys a keys blob holds, bound to tenant, object and version: in the current
   * format opened under the tenant's intermediate key (unwrapped through the key service when
   * {@code fresh} or not cached), in the previous one unwrapped by the key service.
   */
  private DataKeys dataKeys(TenantId tenant, String objId, KeysBlob kb, boolean fresh) {
    return dataKeys(tenant, objId, kb, intermediate(tenant, kb, fresh));
  }

  /** The intermediate key a current-format keys blob carries, unwrapped; null for the previous. */
  private IntermediateKeys.Key intermediate(TenantId tenant, KeysBlob kb, boolean fresh) {
    return kb.legacy() ? null : intermediates.openKey(tenant, kb.intermediate(), fresh);
  }

  /** {@link #dataKeys(TenantId, String, KeysBlob, boolean)} with its intermediate key opened. */
  private DataKeys dataKeys(TenantId tenant, String objId, KeysBlob kb,
      IntermediateKeys.Key intermediate) {
    byte[] aad = Aad.keys(tenant, objId, kb.version());
    if (intermediate == null) {
      return DataKeys.adopt(kes.unwrap(tenant, kb.wrapped(), aad), kb.keyCount());
    }
    return DataKeys.openChunkKeys(intermediate.raw(), kb.wrapped(), aad, kb.keyCount() - 1);
  }

  /** Wraps all the keys of a previous-format version in one key-service call; the keys blob. */
  private byte[] wrapLegacy(TenantId tenant, String objId, long version, DataKeys keys) {
    byte[] raw = keys.rawForWrapping();
    try {
      return new KeysBlob(version, keys.count(), kes.wrap(tenant, raw,
          Aad.keys(tenant, objId, version)), null).encode();
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  // ---------------------------------------------------------------- copies

  private enum CopyState { INTACT, MISSING, DAMAGED, UNAVAILABLE }

  /** What one replica holds of one object. */
  private static final class Copy {
    final DataLocation geo;
    final BlobReplica replica;
    CopyState state;
    String problem;
    byte[] keysBytes;
    byte[] mapBytes;
    private KeysBlob keys;
    DataKeys dataKeys;
    ObjectMap map;
    long headerVersion = -1;
    /** The version both clear headers agree on, or -1: what a damaged copy credibly claims. */
    long claimedVersion = -1;
    boolean keysDamaged;

    Copy(DataLocation geo, BlobReplica replica) {
      this.geo = geo;
      this.replica = replica;
    }

    long version() {
      return map.version();
    }

    /** The decoded keys blob of an intact copy. */
    KeysBlob keys() {
      if (keys == null) {
        keys = KeysBlob.decode(keysBytes);
      }
      return keys;
    }
  }

  private Copy readCopy(TenantId tenant, String objId, BlobName keysName, BlobName mapName,
      DataLocation geo, BlobReplica replica, List<Copy> earlier, boolean fresh) {
    Copy c = new Copy(geo, replica);
    Optional<byte[]> kb;
    Optional<byte[]> mb;
    try {
      kb = replica.getShared(tenant, keysName);
      mb = replica.getShared(tenant, mapName);
    } catch (PortFailureException e) {
      c.state = CopyState.UNAVAILABLE;
      c.problem = "replica unavailable: " + e.getMessage();
      return c;
    }
    if (kb.isEmpty() && mb.isEmpty()) {
      c.state = CopyState.MISSING;
      c.problem = "copy missing";
      return c;
    }
    c.keysBytes = kb.orElse(null);
    c.mapBytes = mb.orElse(null);
    long kv = c.keysBytes == null ? -1 : KeysBlob.peekVersion(c.keysBytes);
    long mv = c.mapBytes == null ? -1 : ObjectMap.peekVersion(c.mapBytes);
    c.headerVersion = Math.max(kv, mv);
    c.claimedVersion = kv == mv ? kv : -1;
    if (c.keysBytes == null || c.mapBytes == null) {
      c.state = CopyState.DAMAGED;
      c.problem = (c.keysBytes == null ? "wrapped keys" : "chunk map") + " missing";
      return c;
    }
    for (Copy e : earlier) {
      // byte-identical blobs (on in-memory replicas, usually the very same arrays) authenticate
      // alike: decrypt them once
      if (e.state == CopyState.INTACT && Arrays.equals(e.keysBytes, c.keysBytes)
          && Arrays.equals(e.mapBytes, c.mapBytes)) {
        c.keys = e.keys;
        c.dataKeys = e.dataKeys;
        c.map = e.map;
        c.state = CopyState.INTACT;
        return c;
      }
    }
    RecentVersions.Entry hit = fresh ? null : recent.find(tenant, objId, c.keysBytes, c.mapBytes);
    if (hit != null) {
      c.keys = hit.keys();
      c.dataKeys = hit.dataKeys();
      c.map = hit.map();
      c.state = CopyState.INTACT;
      return c;
    }
    try {
      KeysBlob keys = KeysBlob.decode(c.keysBytes);
      long v = mv;
      if (v != keys.version()) {
        throw new IntegrityException("chunk map (version " + v + ") and wrapped keys (version "
            + keys.version() + ") disagree", null);
      }
      IntermediateKeys.Key ik = intermediate(tenant, keys, fresh);
      DataKeys dk = dataKeys(tenant, objId, keys, ik);
      ObjectMap m = ObjectMap.decodePlain(dk.open(0, c.mapBytes, ObjectMap.HEAD,
          Aad.map(tenant, objId, v), "chunk map"));
      long expectedChunks = m.deleted() ? 0 : (m.size() + m.chunkSize() - 1) / Math.max(1, m.chunkSize());
      if (m.version() != v || !names.objectId(m.key()).equals(objId)
          || m.chunkCount() + 1 != dk.count() || m.chunkCount() != expectedChunks) {
        throw new IntegrityException("chunk map does not match its object", null);
      }
      c.keys = keys;
      c.dataKeys = dk;
      c.map = m;
      c.state = CopyState.INTACT;
      recent.remember(tenant, objId, c.keysBytes, c.mapBytes, keys, dk, m, ik);
    } catch (IntegrityException e) {
      c.state = CopyState.DAMAGED;
      c.problem = e.getMessage();
    }
    return c;
  }

  private List<Copy> resolve(TenantId tenant, String objId) {
    return resolve(tenant, objId, false);
  }

  /**
   * Reads every replica's copy; {@code fresh} unwraps intermediate keys through the key service
   * rather than trusting the cache (a scrub).
   */
  private List<Copy> resolve(TenantId tenant, String objId, boolean fresh) {
    List<Copy> copies = new ArrayList<>();
    BlobName keysName = names.keys(objId);
    BlobName mapName = names.map(objId);
    for (Map.Entry<DataLocation, List<BlobReplica>> e : replicas.entrySet()) {
      for (BlobReplica r : e.getValue()) {
        copies.add(readCopy(tenant, objId, keysName, mapName, e.getKey(), r, copies, fresh));
      }
    }
    return copies;
  }

  private static Copy best(List<Copy> copies) {
    Copy best = null;
    for (Copy c : copies) {
      if (c.state == CopyState.INTACT && (best == null || c.version() > best.version())) {
        best = c;
      }
    }
    return best;
  }

  private Object stripe(TenantId tenant, String objId) {
    return stripes[stripeIndex(tenant, objId)];
  }

  private static int stripeIndex(TenantId tenant, String objId) {
    return Math.floorMod(31 * tenant.hashCode() + objId.hashCode(), STRIPES);
  }

  /**
   * Lets a put or delete of an object a move is copying proceed (the copy is made again, and
   * the write takes a version above the copy's) or refuses it in the move's read-only window.
   * Called under the stripe's lock, only when the stripe has a move in progress.
   *
   * @return the version the write must exceed, 0 when no move copies the object
   */
  private long admitWrite(int stripe, TenantId tenant, String objId, ObjectKey key) {
    MoveTicket t = MoveTicket.find(moving[stripe], tenant, objId);
    if (t == null) {
      return 0;
    }
    if (t.state != GeoMoveState.COPYING) {
      throw new GeoMoveReadOnlyException(tenant, key, t.from, t.to);
    }
    t.invalidated = true;
    return t.targetVersion;
  }

  // ---------------------------------------------------------------- put / delete

  @Override
  public ObjectInfo put(TenantId tenant, ObjectKey key, InputStream content, Placement placement,
      String actor) {
    Objects.requireNonNull(content, "content");
    return put(tenant, key, new Content(null, content), placement, actor);
  }

  /** Cuts the array into chunks in place: no copy of the content before it is encrypted. */
  @Override
  public ObjectInfo put(TenantId tenant, ObjectKey key, byte[] content, Placement placement,
      String actor) {
    Objects.requireNonNull(content, "content");
    return put(tenant, key, new Content(content, null), placement, actor);
  }

  private ObjectInfo put(TenantId tenant, ObjectKey key, Content content, Placement placement,
      String actor) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    requireActor(actor);
    try {
      DataLocation geo = place(placement);
      String objId = names.objectId(key.value());
      ObjectInfo info;
      int s = stripeIndex(tenant, objId);
      synchronized (stripes[s]) {
        long floor = moving[s] == null ? 0 : admitWrite(s, tenant, objId, key);
        info = write(tenant, key, objId, resolve(tenant, objId), content, geo, false, floor);
      }
      record(tenant, actor, "Put", key.value(), AuditResult.SUCCESS, Map.of(
          "version", Long.toString(info.version()), "geo", geo.code(),
          "size", Long.toString(info.size())));
      return info;
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "Put", key.value(), e);
      throw e;
    }
  }

  @Override
  public boolean delete(TenantId tenant, ObjectKey key, String actor) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    requireActor(actor);
    try {
      String objId = names.objectId(key.value());
      boolean existed;
      long version = 0;
      int s = stripeIndex(tenant, objId);
      synchronized (stripes[s]) {
        long floor = moving[s] == null ? 0 : admitWrite(s, tenant, objId, key);
        List<Copy> copies = resolve(tenant, objId);
        Copy best = best(copies);
        if (best == null) {
          requireNotShredded(tenant);
        }
        existed = best != null && !best.map.deleted();
        if (existed) {
          version = write(tenant, key, objId, copies, null, best.geo, true, floor).version();
        }
      }
      record(tenant, actor, "Delete", key.value(), AuditResult.SUCCESS, existed
          ? Map.of("version", Long.toString(version)) : Map.of("existed", "false"));
      return existed;
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "Delete", key.value(), e);
      throw e;
    }
  }

  /** The content of a put: an array cut without copying, or a stream read chunk by chunk. */
  private static final class Content {
    private final byte[] array;
    private final InputStream in;
    private int position;
    byte[] buffer;
    int offset;
    int length;

    Content(byte[] array, InputStream in) {
      this.array = array;
      this.in = in;
    }

    /** Moves to the next chunk; false when the content has no more bytes. */
    boolean next(int chunkSize) {
      if (array != null) {
        buffer = array;
        offset = position;
        length = Math.min(chunkSize, array.length - position);
        position += length;
      } else {
        buffer = readChunk(in, chunkSize);
        offset = 0;
        length = buffer.length;
      }
      return length > 0;
    }
  }

  /**
   * Writes a version above every copy's and above {@code floor} (the version a geo move is
   * copying the object to, or 0).
   */
  private ObjectInfo write(TenantId tenant, ObjectKey key, String objId, List<Copy> copies,
      Content content, DataLocation geo, boolean tombstone, long floor) {
    long previous = floor;
    for (Copy c : copies) {
      previous = Math.max(previous, c.headerVersion);
    }
    long v = previous + 1;
    List<BlobReplica> targets = replicas.get(geo);
    int n = targets.size();
    boolean[] failed = new boolean[n];
    boolean[] touched = new boolean[n];
    List<RuntimeException> failures = new ArrayList<>();
    // the tenant's intermediate key first: a shredded tenant fails before anything is written
    IntermediateKeys.Key intermediate = intermediates.current(tenant);
    DataKeys.Writer sealer = new DataKeys.Writer(intermediate.raw(), random);
    // the version's authenticated parts, remembered once it commits
    byte[] keysBytes = null;
    byte[] mapBytes = null;
    KeysBlob keysBlob = null;
    DataKeys keys = null;
    ObjectMap map = null;
    long size = 0;
    int count = 0;
    if (!tombstone) {
      // a read of at most one chunk: from an array, a view without copying; from a stream, an
      // array of exactly the bytes read
      while (content.next(chunkSize)) {
        int read = content.length;
        byte[] ct = sealer.sealChunk(content.buffer, content.offset, read,
            Aad.chunk(tenant, key.value(), v, count));
        BlobName name = names.chunk(tenant, objId, v, count);
        // the same immutable ciphertext array goes to every replica
        for (int i = 0; i < n; i++) {
          if (!failed[i]) {
            touched[i] = true;
            try {
              targets.get(i).putShared(tenant, name, ct);
            } catch (PortFailureException e) {
              failed[i] = true;
              failures.add(e);
            }
          }
        }
        size += read;
        count++;
        if (alive(failed) < writeQuorum || read < chunkSize) {
          break;
        }
      }
    }
    if (alive(failed) >= writeQuorum) {
      map = new ObjectMap(key.value(), v, tombstone, size, chunkSize, count, geo.code(),
          clock.millis());
      mapBytes = ObjectMap.frame(v, sealer.sealMap(map.encodePlain(),
          Aad.map(tenant, objId, v), ObjectMap.HEAD));
      byte[] nonce = sealer.keysNonce();
      keys = sealer.done();
      // the chunk keys sealed under the intermediate key, which goes along wrapped: no key-service
      // call per version
      keysBlob = new KeysBlob(v, keys.count(), keys.sealChunkKeys(nonce,
          Aad.keys(tenant, objId, v)), intermediate.wrapped());
      keysBytes = keysBlob.encode();
      BlobName keysName = names.keys(objId);
      BlobName mapName = names.map(objId);
      for (int i = 0; i < n; i++) {
        if (!failed[i]) {
          touched[i] = true;
          try {
            targets.get(i).putShared(tenant, keysName, keysBytes);
            targets.get(i).putShared(tenant, mapName, mapBytes);
          } catch (PortFailureException e) {
            failed[i] = true;
            failures.add(e);
          }
        }
      }
    }
    int took = alive(failed);
    if (took < writeQuorum) {
      rollback(tenant, objId, copies, geo, targets, touched, v, count);
      StringBuilder why = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (failed[i]) {
          why.append(why.length() == 0 ? "" : ", ").append(targets.get(i).name());
        }
      }
      throw new WriteQuorumException("write quorum not reached for '" + key + "' in tenant '"
          + tenant + "': " + took + " of " + n + " replicas of " + geo.code()
          + " took version " + v + ", " + writeQuorum + " needed (failed: " + why
          + "); the previous version stays current", took, writeQuorum,
          failures.isEmpty() ? null : failures.get(0));
    }
    // committed: drop superseded chunks on the replicas that took the write, and copies elsewhere
    if (keysBlob != null) {
      recent.remember(tenant, objId, keysBytes, mapBytes, keysBlob, keys, map, intermediate);
    }
    dropSuperseded(tenant, objId, copies, geo, targets, failed, v);
    return new ObjectInfo(key, size, v, geo);
  }

  /**
   * After version {@code v} committed in {@code geo}: deletes the superseded chunks on the
   * replicas that took it and every copy in another geo.
   *
   * @return whether every copy in another geo was removed
   */
  private boolean dropSuperseded(TenantId tenant, String objId, List<Copy> copies,
      DataLocation geo, List<BlobReplica> targets, boolean[] failed, long v) {
    Superseded old = new Superseded(tenant, objId);
    boolean clean = true;
    for (Copy c : copies) {
      if (c.state == CopyState.MISSING) {
        continue;
      }
      if (c.state == CopyState.UNAVAILABLE) {
        clean &= c.geo.equals(geo);
        continue;
      }
      try {
        if (c.geo.equals(geo)) {
          int i = targets.indexOf(c.replica);
          if (!failed[i] && c.state == CopyState.INTACT && c.version() != v) {
            deleteAll(tenant, c.replica, old.chunks(c.version(), c.map.chunkCount()));
          }
        } else {
          removeCopy(tenant, objId, c);
        }
      } catch (PortFailureException e) {
        // best effort: a leftover copy is found and removed by the next read or scrub
        clean &= c.geo.equals(geo);
      }
    }
    return clean;
  }

  /** The chunk names of a superseded version, computed once for all the replicas that hold it. */
  private final class Superseded {
    private final TenantId tenant;
    private final String objId;
    private long version = -1;
    private BlobName[] names;

    Superseded(TenantId tenant, String objId) {
      this.tenant = tenant;
      this.objId = objId;
    }

    BlobName[] chunks(long v, int count) {
      if (v != version || names.length != count) {
        names = chunkNames(tenant, objId, v, count);
        version = v;
      }
      return names;
    }
  }

  private BlobName[] chunkNames(TenantId tenant, String objId, long version, int count) {
    BlobName[] out = new BlobName[count];
    for (int i = 0; i < count; i++) {
      out[i] = names.chunk(tenant, objId, version, i);
    }
    return out;
  }

  private static void deleteAll(TenantId tenant, BlobReplica r, BlobName[] names) {
    for (BlobName name : names) {
      r.delete(tenant, name);
    }
  }

  private void rollback(TenantId tenant, String objId, List<Copy> copies, DataLocation geo,
      List<BlobReplica> targets, boolean[] touched, long v, int count) {
    for (int i = 0; i < targets.size(); i++) {
      if (!touched[i]) {
        continue;
      }
      BlobReplica r = targets.get(i);
      try {
        restoreBefore(tenant, objId, copies, geo, r);
        deleteChunks(tenant, objId, r, v, count);
      } catch (PortFailureException e) {
        // the replica failed during the write too; what it holds of the failed version is
        // never current: a later put uses a higher version and reads prefer intact quorum copies
      }
    }
  }

  /** Puts back the map and keys blobs a replica of {@code geo} held before (or removes them). */
  private void restoreBefore(TenantId tenant, String objId, List<Copy> copies, DataLocation geo,
      BlobReplica r) {
    Copy before = null;
    for (Copy c : copies) {
      if (c.geo.equals(geo) && c.replica == r) {
        before = c;
      }
    }
    if (before != null && before.mapBytes != null) {
      r.putShared(tenant, names.map(objId), before.mapBytes);
    } else {
      r.delete(tenant, names.map(objId));
    }
    if (before != null && before.keysBytes != null) {
      r.putShared(tenant, names.keys(objId), before.keysBytes);
    } else {
      r.delete(tenant, names.keys(objId));
    }
  }

  private static int alive(boolean[] failed) {
    int a = 0;
    for (boolean f : failed) {
      a += f ? 0 : 1;
    }
    return a;
  }

  private static byte[] readChunk(InputStream in, int chunkSize) {
    try {
      return in.readNBytes(chunkSize);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the content to store: " + e.getMessage(), e);
    }
  }

  private void deleteChunks(TenantId tenant, String objId, BlobReplica r, long version,
      int count) {
    deleteAll(tenant, r, chunkNames(tenant, objId, version, count));
  }

  private void removeCopy(TenantId tenant, String objId, Copy c) {
    c.replica.delete(tenant, names.map(objId));
    c.replica.delete(tenant, names.keys(objId));
    if (c.state == CopyState.INTACT) {
      deleteChunks(tenant, objId, c.replica, c.version(), c.map.chunkCount());
    }
  }

  private DataLocation place(Placement placement) {
    Objects.requireNonNull(placement, "placement");
    if (placement instanceof Placement.InGeo g) {
      if (!geography.contains(g.geo())) {
        List<String> codes = new ArrayList<>();
        geography.all().forEach(l -> codes.add(l.code()));
        throw new ValidationException(Problem.of("geo", "is not one of the store's geos ("
            + String.join(", ", codes) + ")", g.geo().code()));
      }
      return g.geo();
    }
    if (placement instanceof Placement.Preferred p) {
      return geography.resolve(p.preferredDataLocation());
    }
    return geography.central();
  }

  // ---------------------------------------------------------------- get / scrub

  /** The outcome of examining one object: for a read, a verify or a verify with repair. */
  private static final class Exam {
    Copy best;
    List<Copy> copies;
    final List<VerifyFinding> findings = new ArrayList<>();
    final List<Long> lostChunks = new ArrayList<>();
    long chunks;
  }

  /** Where a read's authenticated chunks go, in order. */
  @FunctionalInterface
  private interface Sink {
    void accept(byte[] plaintext) throws IOException;
  }

  /**
   * Examines one object: for a read ({@code out} set), its chunks go to {@code out} once
   * authenticated; with {@code authenticateAll} (a scrub), every copy of every chunk is
   * authenticated and keys are unwrapped through the key service rather than the cache.
   */
  private Exam examine(TenantId tenant, String objId, Sink out, boolean authenticateAll,
      boolean repair, String actor) {
    Exam x = new Exam();
    x.copies = resolve(tenant, objId, authenticateAll);
    Copy best = best(x.copies);
    x.best = best;
    if (best == null) {
      for (Copy c : x.copies) {
        if (c.state == CopyState.DAMAGED || (c.state == CopyState.UNAVAILABLE && out == null)) {
          x.findings.add(new VerifyFinding(Status.DAMAGED, c.replica.name(), tenant,
              "object " + objId, c.problem + "; no intact copy of this object is left"));
        }
      }
      return x;
    }
    ObjectMap m = best.map;
    long v = m.version();
    String subject = m.key();
    for (Copy c : x.copies) {
      if (c.state == CopyState.DAMAGED && c.claimedVersion > v) {
        // a newer version may have been committed and damaged here: never serve or restore an
        // older one in its place (fail closed)
        x.best = null;
        x.findings.add(new VerifyFinding(Status.DAMAGED, c.replica.name(), tenant, subject,
            c.problem + "; it claims version " + c.claimedVersion + ", newer than the intact"
            + " version " + v + ", so nothing is repaired"));
        return x;
      }
    }
    List<Copy> holders = new ArrayList<>();
    List<Copy> needFull = new ArrayList<>();
    holders.add(best);
    for (Copy c : x.copies) {
      if (c == best) {
        continue;
      }
      if (!c.geo.equals(best.geo)) {
        if (c.state != CopyState.MISSING && c.state != CopyState.UNAVAILABLE) {
          boolean done = false;
          if (repair) {
            try {
              removeCopy(tenant, objId, c);
              done = true;
            } catch (PortFailureException e) {
              done = false;
            }
          }
          finding(x, tenant, actor, done, c, subject, "copy outside the object's geo "
              + best.geo.code() + (done ? " removed" : ""));
        }
        continue;
      }
      switch (c.state) {
        case INTACT -> {
          if (c.version() == v) {
            holders.add(c);
          } else {
            c.problem = "stale copy (version " + c.version() + ", current " + v + ")";
            needFull.add(c);
          }
        }
        case MISSING, DAMAGED -> needFull.add(c);
        case UNAVAILABLE -> x.findings.add(new VerifyFinding(Status.DAMAGED, c.replica.name(),
            tenant, subject, c.problem));
        default -> throw new IllegalStateException(c.state.toString());
      }
    }
    // holders normally carry identical wrapped keys; when they differ, find out whose unwrap
    Copy primary = best;
    boolean keysDiffer = false;
    for (Copy h : holders) {
      keysDiffer |= !Arrays.equals(h.keysBytes, best.keysBytes);
    }
    if (keysDiffer) {
      primary = null;
      for (Copy h : holders) {
        h.keysDamaged = !keysUnwrap(tenant, objId, h);
        if (!h.keysDamaged && primary == null) {
          primary = h;
        }
      }
      if (primary == null) {
        primary = best;
        holders.forEach(h -> h.keysDamaged = false);
      }
    }
    final Copy source = primary;
    boolean lost = false;
    if (!m.deleted()) {
      for (int i = 0; i < m.chunkCount(); i++) {
        BlobName name = names.chunk(tenant, objId, v, i);
        byte[] aad = Aad.chunk(tenant, m.key(), v, i);
        byte[] good = null;
        byte[] plain = null;
        // allocated only when a copy is bad (the read path's usual case is none)
        List<Copy> bad = null;
        for (Copy h : holders) {
          byte[] ct;
          try {
            ct = h.replica.getShared(tenant, name).orElse(null);
          } catch (PortFailureException e) {
            bad = add(bad, h);
            continue;
          }
          if (ct == null) {
            bad = add(bad, h);
          } else if (good != null && !authenticateAll && Arrays.equals(ct, good)) {
            continue;
          } else {
            try {
              byte[] p = (h.keysDamaged ? source : h).dataKeys.open(i + 1, ct, 0, aad, "chunk");
              x.chunks++;
              if (p.length != m.chunkLength(i)) {
                throw new IntegrityException("chunk " + i + " has the wrong length", null);
              }
              if (good == null) {
                good = ct;
                plain = p;
              }
            } catch (IntegrityException e) {
              bad = add(bad, h);
            }
          }
        }
        if (good == null) {
          // the part may survive on a copy whose chunk map or keys are damaged or stale: the
          // chunk's name and associated data fix its object, version and index, so one that
          // authenticates under the intact copy's data key is the right one
          for (Copy c : needFull) {
            byte[] ct;
            try {
              ct = c.replica.getShared(tenant, name).orElse(null);
            } catch (PortFailureException e) {
              continue;
            }
            if (ct == null) {
              continue;
            }
            try {
              byte[] p = source.dataKeys.open(i + 1, ct, 0, aad, "chunk");
              x.chunks++;
              if (p.length == m.chunkLength(i)) {
                good = ct;
                plain = p;
                break;
              }
            } catch (IntegrityException e) {
              // damaged here too
            }
          }
        }
        if (good == null) {
          lost = true;
          x.lostChunks.add((long) i);
          for (Copy h : holders) {
            x.findings.add(new VerifyFinding(Status.DAMAGED, h.replica.name(), tenant, subject,
                "chunk " + i + " has no intact copy on any replica"));
          }
          if (out != null) {
            throw new NoIntactCopyException("no intact copy left of '" + subject
                + "' in tenant '" + tenant + "': chunk " + i + " of version " + v
                + " fails authentication or is missing on every replica of " + best.geo.code());
          }
          continue;
        }
        if (out != null) {
          try {
            out.accept(plain);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write the content of '" + subject + "': "
                + e.getMessage(), e);
          }
        }
        for (Copy h : bad == null ? List.<Copy>of() : bad) {
          boolean done = repair && tryPut(tenant, h.replica, name, good);
          finding(x, tenant, actor, done, h, subject, "chunk " + i
              + " missing or fails authentication" + (done ? ", rewritten from an intact copy" : ""));
        }
        if (repair) {
          for (Copy c : needFull) {
            byte[] have;
            try {
              have = c.replica.getShared(tenant, name).orElse(null);
            } catch (PortFailureException e) {
              have = null;
            }
            if (!Arrays.equals(have, good)) {
              tryPut(tenant, c.replica, name, good);
            }
          }
        }
      }
    }
    for (Copy h : holders) {
      if (h.keysDamaged) {
        boolean done = repair && !lost
            && tryPut(tenant, h.replica, names.keys(objId), source.keysBytes);
        finding(x, tenant, actor, done, h, subject, "wrapped keys fail authentication"
            + (done ? ", rewritten from an intact copy" : ""));
      }
    }
    for (Copy c : needFull) {
      boolean done = repair && !lost
          && tryPut(tenant, c.replica, names.keys(objId), source.keysBytes)
          && tryPut(tenant, c.replica, names.map(objId), source.mapBytes);
      if (done && c.state == CopyState.INTACT && c.version() != v) {
        try {
          deleteChunks(tenant, objId, c.replica, c.version(), c.map.chunkCount());
        } catch (PortFailureException e) {
          // leftover chunks of the stale version are orphans; a scrub removes them
        }
      }
      finding(x, tenant, actor, done, c, subject, c.problem
          + (done ? ", copied from an intact replica" : ""));
    }
    return x;
  }

  /** Adds to a list made on first use. */
  private static List<Copy> add(List<Copy> list, Copy c) {
    List<Copy> out = list == null ? new ArrayList<>(2) : list;
    out.add(c);
    return out;
  }

  /** Unwraps a copy's keys through the key service (not the cache): false when they fail. */
  private boolean keysUnwrap(TenantId tenant, String objId, Copy c) {
    try {
      dataKeys(tenant, objId, c.keys(), true);
      return true;
    } catch (IntegrityException e) {
      return false;
    }
  }

  private static boolean tryPut(TenantId tenant, BlobReplica r, BlobName name, byte[] bytes) {
    try {
      r.putShared(tenant, name, bytes);
      return true;
    } catch (PortFailureException e) {
      return false;
    }
  }

  private void finding(Exam x, TenantId tenant, String actor, boolean repaired, Copy c,
      String subject, String detail) {
    x.findings.add(new VerifyFinding(repaired ? Status.REPAIRED : Status.DAMAGED,
        c.replica.name(), tenant, subject, detail));
    if (repaired) {
      record(tenant, actor, "Repair", subject, AuditResult.SUCCESS,
          Map.of("replica", c.replica.name(), "what", detail));
    }
  }

  @Override
  public ReadResult get(TenantId tenant, ObjectKey key, OutputStream out, String actor) {
    Objects.requireNonNull(out, "out");
    return read(tenant, key, out::write, actor);
  }

  /** Returns the one authenticated chunk array itself when the object has one chunk: no copy. */
  @Override
  public byte[] getBytes(TenantId tenant, ObjectKey key, String actor) {
    List<byte[]> chunks = new ArrayList<>(1);
    read(tenant, key, chunks::add, actor);
    if (chunks.size() == 1) {
      return chunks.get(0);
    }
    int size = 0;
    for (byte[] c : chunks) {
      size = Math.addExact(size, c.length);
    }
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    return all;
  }

  private ReadResult read(TenantId tenant, ObjectKey key, Sink out, String actor) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    requireActor(actor);
    try {
      String objId = names.objectId(key.value());
      Exam x;
      synchronized (stripe(tenant, objId)) {
        x = examine(tenant, objId, out, false, true, actor);
      }
      if (x.best == null) {
        boolean damaged = x.copies.stream().anyMatch(c -> c.state == CopyState.DAMAGED);
        if (damaged) {
          throw new NoIntactCopyException("no intact copy left of '" + key + "' in tenant '"
              + tenant + "': " + (x.findings.isEmpty()
                  ? "every copy of its chunk map or keys fails authentication or is missing"
                  : x.findings.get(0).replica() + ": " + x.findings.get(0).detail()));
        }
        requireNotShredded(tenant);
        long unavailable = x.copies.stream().filter(c -> c.state == CopyState.UNAVAILABLE)
            .count();
        if (unavailable > 0) {
          throw new NoIntactCopyException("cannot read '" + key + "' in tenant '" + tenant
              + "': " + unavailable + " of " + x.copies.size() + " replicas are unavailable and"
              + " the others hold no copy");
        }
        throw new NotFoundException("tenant '" + tenant + "' has no object '" + key + "'");
      }
      if (x.best.map.deleted()) {
        throw new NotFoundException("tenant '" + tenant + "' has no object '" + key
            + "' (deleted)");
      }
      List<String> repaired = x.findings.isEmpty() ? List.of() : new ArrayList<>();
      List<String> unrepaired = x.findings.isEmpty() ? List.of() : new ArrayList<>();
      for (VerifyFinding f : x.findings) {
        (f.status() == Status.REPAIRED ? repaired : unrepaired).add(f.replica() + ": "
            + f.detail());
      }
      ObjectMap m = x.best.map;
      ObjectInfo info = new ObjectInfo(key, m.size(), m.version(), x.best.geo);
      record(tenant, actor, "Get", key.value(), AuditResult.SUCCESS,
          Map.of("version", Long.toString(m.version()), "geo", x.best.geo.code()));
      return new ReadResult(info, repaired, unrepaired);
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "Get", key.value(), e);
      throw e;
    }
  }

  @Override
  public Listing listing(TenantId tenant, String actor) {
    Objects.requireNonNull(tenant, "tenant");
    requireActor(actor);
    try {
      List<ObjectInfo> out = new ArrayList<>();
      int unreadable = 0;
      KeyState state = kes.state(tenant);
      if (state == KeyState.ACTIVE) {
        for (String objId : objectIds(tenant, BlobKind.MAP)) {
          Copy best = best(resolve(tenant, objId));
          if (best == null) {
            unreadable++;
          } else if (!best.map.deleted()) {
            out.add(new ObjectInfo(ObjectKey.of(best.map.key()), best.map.size(),
                best.map.version(), best.geo));
          }
        }
      }
      out.sort(Comparator.comparing(ObjectInfo::key));
      record(tenant, actor, "List", null, AuditResult.SUCCESS, state == KeyState.SHREDDED
          ? Map.of("objects", "0", "shredded", "true")
          : unreadable == 0 ? Map.of("objects", Integer.toString(out.size()))
          : Map.of("objects", Integer.toString(out.size()), "unreadable", Integer.toString(unreadable)));
      return new Listing(out, unreadable);
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "List", null, e);
      throw e;
    }
  }

  private Set<String> objectIds(TenantId tenant, BlobKind... kinds) {
    Set<String> ids = new TreeSet<>();
    for (List<BlobReplica> list : replicas.values()) {
      for (BlobReplica r : list) {
        try {
          for (BlobKind k : kinds) {
            for (BlobName n : r.list(tenant, k)) {
              if (Names.isObjectId(n.id())) {
                ids.add(n.id());
              }
            }
          }
        } catch (PortFailureException e) {
          // an unavailable replica is skipped here; verify reports it
        }
      }
    }
    return ids;
  }

  @Override
  public VerifyReport verify(boolean repair, String actor) {
    requireActor(actor);
    moveOrScrub.writeLock().lock();
    try {
      return scrub(repair, actor);
    } finally {
      moveOrScrub.writeLock().unlock();
    }
  }

  /** {@link #verify}, with no move running. */
  private VerifyReport scrub(boolean repair, String actor) {
    List<VerifyFinding> findings = new ArrayList<>();
    long objects = 0;
    long chunks = 0;
    Map<BlobReplica, DataLocation> geoOf = new LinkedHashMap<>();
    Map<TenantId, List<BlobReplica>> tenants = new TreeMap<>();
    replicas.forEach((geo, list) -> {
      for (BlobReplica r : list) {
        geoOf.put(r, geo);
        try {
          for (TenantId t : r.tenants()) {
            tenants.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
          }
        } catch (PortFailureException e) {
          findings.add(new VerifyFinding(Status.DAMAGED, r.name(), null, "-",
              "replica unavailable: " + e.getMessage()));
        }
      }
    });
    for (Map.Entry<TenantId, List<BlobReplica>> e : tenants.entrySet()) {
      TenantId tenant = e.getKey();
      KeyState state = kes.state(tenant);
      if (state != KeyState.ACTIVE) {
        for (BlobReplica r : e.getValue()) {
          long n = countBlobs(tenant, r);
          if (n > 0) {
            findings.add(state == KeyState.SHREDDED
                ? new VerifyFinding(Status.SHREDDED, r.name(), tenant, "-", n
                    + " blobs of ciphertext left by the shredded tenant; unreadable for good")
                : new VerifyFinding(Status.DAMAGED, r.name(), tenant, "-", n
                    + " blobs of a tenant that has no keys (copied or moved here?)"));
          }
        }
        continue;
      }
      Map<DataLocation, Set<String>> expected = new HashMap<>();
      boolean unresolved = false;
      for (String objId : objectIds(tenant, BlobKind.MAP, BlobKind.KEYS)) {
        objects++;
        Exam x;
        synchronized (stripe(tenant, objId)) {
          x = examine(tenant, objId, null, true, repair, actor);
        }
        findings.addAll(x.findings);
        chunks += x.chunks;
        if (x.best == null) {
          unresolved = true;
        } else if (!x.best.map.deleted()) {
          Set<String> live = expected.computeIfAbsent(x.best.geo, g -> new HashSet<>());
          for (int i = 0; i < x.best.map.chunkCount(); i++) {
            live.add(Names.chunk(tenant, objId, x.best.version(), i).id());
          }
        }
      }
      // what an interrupted geo move left: its record and the chunks it names
      for (String objId : stagedObjectIds(tenant)) {
        synchronized (stripe(tenant, objId)) {
          List<Copy> staged = resolveStaged(tenant, objId, false);
          boolean removed = repair && discardStaged(tenant, objId, staged,
              best(resolve(tenant, objId)));
          for (Copy c : staged) {
            findings.add(new VerifyFinding(Status.ORPHAN, c.replica.name(), tenant, "object "
                + objId, "copy of version " + c.headerVersion + " left by an interrupted geo"
                + " move" + (removed ? ", removed" : "")));
          }
        }
      }
      for (BlobReplica r : e.getValue()) {
        Set<String> want = expected.getOrDefault(geoOf.get(r), Set.of());
        List<BlobName> have;
        try {
          have = r.list(tenant, BlobKind.CHUNK);
        } catch (PortFailureException ex) {
          continue;
        }
        int orphans = 0;
        int removed = 0;
        for (BlobName n : have) {
          if (!want.contains(n.id())) {
            orphans++;
            if (repair && !unresolved && tryDelete(tenant, r, n)) {
              removed++;
            }
          }
        }
        if (orphans > 0) {
          findings.add(new VerifyFinding(Status.ORPHAN, r.name(), tenant, "-", orphans
              + " chunks no live object version refers to" + (removed > 0 ? ", " + removed
              + " removed" : "")));
        }
      }
    }
    return new VerifyReport(findings, objects, chunks);
  }

  private static boolean tryDelete(TenantId tenant, BlobReplica r, BlobName n) {
    try {
      r.delete(tenant, n);
      return true;
    } catch (PortFailureException e) {
      return false;
    }
  }

  private static long countBlobs(TenantId tenant, BlobReplica r) {
    long n = 0;
    try {
      for (BlobKind k : BlobKind.values()) {
        n += r.list(tenant, k).size();
      }
    } catch (PortFailureException e) {
      return n;
    }
    return n;
  }

  // ---------------------------------------------------------------- keys over time

  @Override
  public long rotateKey(TenantId tenant, String actor) {
    Objects.requireNonNull(tenant, "tenant");
    requireActor(actor);
    try {
      KeyState state = kes.state(tenant);
      if (state == KeyState.SHREDDED) {
        throw new TenantShreddedException(tenant);
      }
      if (state == KeyState.ABSENT) {
        throw new NotFoundException("tenant '" + tenant + "' has no keys to rotate (it has"
            + " never stored an object)");
      }
      kes.rotate(tenant);
      // new versions get a new intermediate key, wrapped under the new primary key
      intermediates.retire(tenant);
      long rewrapped = 0;
      int unwritten = 0;
      // each intermediate key met is unwrapped and wrapped again once, whatever the number of
      // objects that carry it
      Map<java.nio.ByteBuffer, byte[]> again = new HashMap<>();
      for (String objId : objectIds(tenant, BlobKind.KEYS)) {
        int s = stripeIndex(tenant, objId);
        synchronized (stripes[s]) {
          MoveTicket moved = MoveTicket.find(moving[s], tenant, objId);
          if (moved != null) {
            // the copy in progress carries the keys as they were: the move makes it again
            moved.invalidated = true;
          }
          List<Copy> copies = resolve(tenant, objId);
          Copy best = best(copies);
          if (best == null) {
            continue;
          }
          long v = best.version();
          KeysBlob kb = best.keys();
          byte[] bytes;
          if (kb.legacy()) {
            // unwrapped by the key service (old tenant key), wrapped again under the new primary
            DataKeys keys = dataKeys(tenant, objId, kb, true);
            bytes = wrapLegacy(tenant, objId, v, keys);
            rewrapped += keys.count();
          } else {
            byte[] w = kb.intermediate();
            bytes = kb.withIntermediate(again.computeIfAbsent(java.nio.ByteBuffer.wrap(w),
                k -> intermediates.rewrap(tenant, w))).encode();
            rewrapped += kb.keyCount() - 1;
          }
          for (Copy c : copies) {
            if (c.geo.equals(best.geo) && c.state == CopyState.INTACT && c.version() == v
                && !tryPut(tenant, c.replica, names.keys(objId), bytes)) {
              unwritten++;
            }
          }
        }
      }
      record(tenant, actor, "RotateKey", null, AuditResult.SUCCESS, Map.of(
          "keysRewrapped", Long.toString(rewrapped), "copiesNotRewrapped",
          Integer.toString(unwritten)));
      return rewrapped;
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "RotateKey", null, e);
      throw e;
    }
  }

  @Override
  public void shredTenant(TenantId tenant, String actor) {
    Objects.requireNonNull(tenant, "tenant");
    requireActor(actor);
    try {
      if (kes.state(tenant) == KeyState.ABSENT) {
        // a mistyped id would otherwise be marked shredded for good, and nothing was destroyed
        throw new NotFoundException("tenant " + tenant + " has no keys in this store: nothing to"
            + " shred (is the tenant id right?)");
      }
      kes.destroy(tenant);
      shredded.add(tenant);
      intermediates.forget(tenant);
      recent.forget(tenant);
      record(tenant, actor, "ShredTenant", null, AuditResult.SUCCESS, Map.of());
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "ShredTenant", null, e);
      throw e;
    }
  }

  @Override
  public List<ExportEntry> exportTenant(TenantId tenant, ExportSink sink, String actor) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(sink, "sink");
    requireActor(actor);
    try {
      requireNotShredded(tenant);
      List<ExportEntry> manifest = new ArrayList<>();
      long bytes = 0;
      for (ObjectInfo o : list(tenant, actor)) {
        MessageDigest sha = Names.sha256();
        ReadResult r;
        DigestingStream exported = null;
        try (OutputStream out = sink.open(o)) {
          exported = new DigestingStream(out, sha);
          r = get(tenant, o.key(), exported, actor);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot export '" + o.key() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
          discard(sink, o);
          throw e;
        }
        byte[] digest = sha.digest();
        String objId = names.objectId(o.key().value());
        Copy best;
        synchronized (stripe(tenant, objId)) {
          best = best(resolve(tenant, objId));
        }
        if (best == null || best.version() != r.object().version()
            || exported.count != r.object().size()) {
          discard(sink, o);
          throw new IntegrityException("exported content of '" + o.key() + "' does not match"
              + " the size in its chunk map (or it changed during the export)", null);
        }
        manifest.add(new ExportEntry(r.object(), HexFormat.of().formatHex(digest)));
        bytes += r.object().size();
      }
      record(tenant, actor, "Export", null, AuditResult.SUCCESS, Map.of(
          "objects", Integer.toString(manifest.size()), "bytes", Long.toString(bytes)));
      return manifest;
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "Export", null, e);
      throw e;
    }
  }

  // ---------------------------------------------------------------- geo moves

  /** How many times a move copies an object that writes keep changing before it gives up. */
  private static final int MOVE_ATTEMPTS = 3;
  private static final System.Logger LOG = System.getLogger(StoreEngine.class.getName());

  @Override
  public GeoMoveReport moveTenant(TenantId tenant, DataLocation target, String actor,
      GeoMoveListener listener) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(listener, "listener");
    requireActor(actor);
    place(Placement.geo(target));
    try {
      requireNotShredded(tenant);
      if (!movingTenants.add(tenant)) {
        throw new ConflictException("GEO_MOVE_RUNNING", "a geo move of tenant '" + tenant
            + "' is already running");
      }
    } catch (RuntimeException e) {
      recordFailure(tenant, actor, "GeoMove", null, e);
      throw e;
    }
    moveOrScrub.readLock().lock();
    try {
      java.time.Instant start = clock.instant();
      // queued: every object with a map, and every object an interrupted move was copying
      Set<String> ids = objectIds(tenant, BlobKind.MAP);
      ids.addAll(stagedObjectIds(tenant));
      List<ObjectMove> queue = new ArrayList<>();
      long unreadable = 0;
      for (String objId : ids) {
        Copy best;
        synchronized (stripe(tenant, objId)) {
          best = best(resolve(tenant, objId));
        }
        if (best == null) {
          unreadable++;
        } else {
          queue.add(new ObjectMove(tenant, objId, ObjectKey.of(best.map.key()),
              best.map.deleted(), target, actor, listener));
        }
      }
      for (ObjectMove m : queue) {
        if (!m.deletedWhenQueued) {
          m.enter(GeoMoveState.QUEUED);
        }
      }
      List<GeoMoveReport.Item> items = new ArrayList<>();
      boolean verified = unreadable == 0;
      for (ObjectMove m : queue) {
        GeoMoveReport.Item item = m.run();
        if (item != null) {
          items.add(item);
          verified &= item.verified() && item.outcome() != GeoMoveReport.Outcome.FAILED;
        }
      }
      items.sort(Comparator.comparing(GeoMoveReport.Item::key));
      GeoMoveReport report = new GeoMoveReport(tenant, target, items,
          Duration.between(start, clock.instant()), verified, unreadable);
      record(tenant, actor, "GeoMove", null, report.count(GeoMoveReport.Outcome.FAILED) == 0
          && unreadable == 0 ? AuditResult.SUCCESS : AuditResult.FAILURE, Map.of(
          "to", target.code(), "objects", Integer.toString(report.objects()),
          "moved", Long.toString(report.count(GeoMoveReport.Outcome.MOVED)),
          "failed", Long.toString(report.count(GeoMoveReport.Outcome.FAILED)),
          "withoutIntactCopy", Long.toString(unreadable),
          "bytes", Long.toString(report.bytesMoved()),
          "durationMillis", Long.toString(report.duration().toMillis()),
          "bytesPerSecond", Long.toString(Math.round(report.bytesPerSecond())),
          "verified", Boolean.toString(verified)));
      return report;
    } finally {
      moveOrScrub.readLock().unlock();
      movingTenants.remove(tenant);
    }
  }

  /** The object ids of the copies in progress (or left by an interrupted move) of a tenant. */
  private Set<String> stagedObjectIds(TenantId tenant) {
    Set<String> ids = new TreeSet<>();
    for (List<BlobReplica> list : replicas.values()) {
      for (BlobReplica r : list) {
        try {
          for (BlobKind k : new BlobKind[] {BlobKind.MAP, BlobKind.KEYS}) {
            for (BlobName n : r.list(tenant, k)) {
              String objId = Names.stagedObjectId(n.id());
              if (objId != null) {
                ids.add(objId);
              }
            }
          }
        } catch (PortFailureException e) {
          // an unavailable replica is skipped here; verify reports it
        }
      }
    }
    return ids;
  }

  /**
   * Every replica's copy of the version a move is copying (or was, when interrupted); with
   * {@code unavailable}, also the replicas that cannot be read (they may hold one).
   */
  private List<Copy> resolveStaged(TenantId tenant, String objId, boolean unavailable) {
    List<Copy> out = new ArrayList<>();
    BlobName keysName = Names.stagedKeys(objId);
    BlobName mapName = Names.stagedMap(objId);
    for (Map.Entry<DataLocation, List<BlobReplica>> e : replicas.entrySet()) {
      for (BlobReplica r : e.getValue()) {
        Copy c = readCopy(tenant, objId, keysName, mapName, e.getKey(), r, out, false);
        if (c.state != CopyState.MISSING && (unavailable || c.state != CopyState.UNAVAILABLE)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /**
   * Removes a copy in progress (a move's, or an interrupted move's): its chunks, then its record,
   * so a record always outlives the chunks it names. Chunks are kept where they became the
   * object's current version (a put that took the same version in the same geo).
   *
   * @return whether everything was removed
   */
  private boolean discardStaged(TenantId tenant, String objId, List<Copy> staged, Copy best) {
    boolean all = true;
    for (Copy c : staged) {
      if (c.state == CopyState.UNAVAILABLE) {
        all = false;
        continue;
      }
      long v = c.headerVersion;
      boolean keep = best != null && best.geo.equals(c.geo) && best.version() == v;
      try {
        if (!keep && c.state == CopyState.INTACT) {
          deleteChunks(tenant, objId, c.replica, v, c.map.chunkCount());
        } else if (!keep && v > 0) {
          // the record does not authenticate: its chunks are found by name, in order
          for (int i = 0; c.replica.delete(tenant, names.chunk(tenant, objId, v, i)); i++) {
            // deleted
          }
        }
        c.replica.delete(tenant, Names.stagedKeys(objId));
        c.replica.delete(tenant, Names.stagedMap(objId));
      } catch (PortFailureException e) {
        all = false;
      }
    }
    return all;
  }

  private void enter(GeoMoveListener listener, TenantId tenant, ObjectKey key,
      GeoMoveState state) {
    try {
      listener.entered(tenant, key, state);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a geo move listener failed on " + state + " of '"
          + key + "' in tenant '" + tenant + "'; the move goes on", e);
    }
  }

  /**
   * The move of one object: its state machine. The object's lock is held only to start a copy,
   * to open the read-only window, to switch and to clean, never while content is read, written
   * or verified, so reads of the object proceed throughout.
   */
  private final class ObjectMove {
    final TenantId tenant;
    final String objId;
    final ObjectKey key;
    final boolean deletedWhenQueued;
    final DataLocation target;
    final String actor;
    final GeoMoveListener listener;
    final int stripe;
    final List<BlobReplica> targets;
    MoveTicket ticket;
    int attempts;
    GeoMoveState reached = GeoMoveState.QUEUED;
    // the source version being copied
    DataLocation from;
    long sourceVersion;
    long size;
    // the copy
    long version;
    byte[] plain;
    byte[] digest;
    byte[][] chunks;
    byte[] keysBytes;
    byte[] mapBytes;
    KeysBlob keysBlob;
    DataKeys keys;
    ObjectMap map;
    IntermediateKeys.Key intermediate;
    boolean[] took;
    boolean[] switchFailed;
    /** The target replicas any attempt of this move wrote something to. */
    final Set<BlobReplica> wrote = new HashSet<>();

    ObjectMove(TenantId tenant, String objId, ObjectKey key, boolean deletedWhenQueued,
        DataLocation target, String actor, GeoMoveListener listener) {
      this.tenant = tenant;
      this.objId = objId;
      this.key = key;
      this.deletedWhenQueued = deletedWhenQueued;
      this.target = target;
      this.actor = actor;
      this.listener = listener;
      this.stripe = stripeIndex(tenant, objId);
      this.targets = replicas.get(target);
      this.from = target;
    }

    void enter(GeoMoveState state) {
      reached = state;
      StoreEngine.this.enter(listener, tenant, key, state);
    }

    /** Runs the object's move to its end; null for an object that was deleted when queued. */
    GeoMoveReport.Item run() {
      try {
        while (true) {
          GeoMoveReport.Item done = start();
          if (done != null) {
            enter(done.state());
            return done;
          }
          if (ticket == null) {
            return null;
          }
          enter(GeoMoveState.COPYING);
          if (!copy() || !openReadOnlyWindow()) {
            continue;
          }
          verifyCopy();
          if (!switchOver()) {
            continue;
          }
          return cleanSource();
        }
      } catch (RuntimeException e) {
        return fail(e);
      } finally {
        if (ticket != null) {
          synchronized (stripes[stripe]) {
            moving[stripe] = MoveTicket.remove(moving[stripe], ticket);
          }
        }
      }
    }

    /**
     * Under the object's lock: finds where the object is; when it is not in the target, removes
     * any earlier copy in progress and registers a new one.
     *
     * @return the item when there is nothing to copy, else null
     */
    private GeoMoveReport.Item start() {
      synchronized (stripes[stripe]) {
        List<Copy> copies = resolve(tenant, objId);
        Copy best = best(copies);
        List<Copy> staged = resolveStaged(tenant, objId, false);
        if (best == null) {
          throw new NoIntactCopyException("no intact copy of '" + key + "' in tenant '" + tenant
              + "' is left to move");
        }
        if (best.map.deleted()) {
          discardStaged(tenant, objId, staged, best);
          return ticket == null ? null : new GeoMoveReport.Item(key, from,
              GeoMoveReport.Outcome.DELETED, GeoMoveState.ROLLED_BACK, best.version(), 0, true,
              "deleted by a write while it was being copied");
        }
        if (best.geo.equals(target)) {
          return finishInTarget(copies, best, staged);
        }
        if (++attempts > MOVE_ATTEMPTS) {
          throw new ConflictException(ConflictException.STALE_VERSION, "'" + key
              + "' was written during each of its " + MOVE_ATTEMPTS + " copy attempts");
        }
        // a copy an interrupted run (or this one, before a write) left is not reused
        discardStaged(tenant, objId, staged, best);
        long top = 0;
        for (Copy c : copies) {
          top = Math.max(top, c.headerVersion);
        }
        for (Copy c : staged) {
          top = Math.max(top, c.headerVersion);
        }
        from = best.geo;
        sourceVersion = best.version();
        size = best.map.size();
        // above every version an earlier attempt used too: one on a replica now unreachable
        // must never be taken again
        version = Math.max(top, version) + 1;
        if (ticket == null) {
          ticket = new MoveTicket(tenant, objId, key, from, target);
          ticket.next = moving[stripe];
          moving[stripe] = ticket;
        }
        ticket.from = from;
        ticket.state = GeoMoveState.COPYING;
        ticket.invalidated = false;
        ticket.targetVersion = version;
      }
      return null;
    }

    /**
     * The object is in the target (moved by an earlier, interrupted run or by a write): removes
     * what was left elsewhere and any copy in progress.
     */
    private GeoMoveReport.Item finishInTarget(List<Copy> copies, Copy best, List<Copy> staged) {
      Set<DataLocation> elsewhere = new TreeSet<>(Comparator.comparing(DataLocation::code));
      for (Copy c : copies) {
        if (!c.geo.equals(target) && c.state != CopyState.MISSING
            && c.state != CopyState.UNAVAILABLE) {
          elsewhere.add(c.geo);
        }
      }
      boolean leftovers = !staged.isEmpty() || !elsewhere.isEmpty();
      boolean clean = true;
      if (leftovers) {
        // a read with repair: completes the target's copies and removes those elsewhere
        examine(tenant, objId, null, false, true, actor);
        clean = discardStaged(tenant, objId, staged, best);
        for (Copy c : resolve(tenant, objId)) {
          clean &= c.geo.equals(target) || c.state == CopyState.MISSING
              || c.state == CopyState.UNAVAILABLE;
        }
        // both sides: each geo a copy was left in, then the target
        List<DataLocation> sides = new ArrayList<>(elsewhere);
        sides.add(target);
        for (DataLocation g : sides) {
          record(tenant, actor, "GeoMove", key.value(), AuditResult.SUCCESS, Map.of(
              "side", g.equals(target) ? "target" : "source", "geo", g.code(),
              "to", target.code(), "version", Long.toString(best.version()), "state",
              (clean ? GeoMoveState.SOURCE_CLEANED : GeoMoveState.SWITCHED).name(),
              "finished", "what an interrupted move or a write left outside " + target.code()));
        }
      }
      GeoMoveState state = clean ? GeoMoveState.SOURCE_CLEANED : GeoMoveState.SWITCHED;
      return new GeoMoveReport.Item(key, ticket == null ? target : from,
          GeoMoveReport.Outcome.ALREADY_IN_TARGET, state, best.version(), best.map.size(), clean,
          !leftovers ? "" : clean ? "removed what an interrupted move had left"
              : "a copy outside the target could not be removed yet; verify --repair removes it");
    }

    /**
     * Reads the source version (authenticated) and writes it to the target under the new
     * version: its record (sealed keys and map) first, then the chunks.
     *
     * @return false when a write changed the object meanwhile (copy again)
     * @throws WriteQuorumException if fewer than W target replicas took the copy
     */
    private boolean copy() {
      java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
      MessageDigest sha = Names.sha256();
      Exam read;
      try {
        read = examine(tenant, objId, p -> {
          sha.update(p);
          content.write(p);
        }, false, false, actor);
      } catch (NoIntactCopyException e) {
        if (invalidated()) {
          return false;
        }
        throw e;
      }
      if (read.best == null || read.best.version() != sourceVersion
          || !read.best.geo.equals(from)) {
        if (invalidated() || read.best != null) {
          return false;
        }
        throw new NoIntactCopyException("no intact copy of '" + key + "' in " + from.code());
      }
      plain = content.toByteArray();
      digest = sha.digest();
      seal();
      int n = targets.size();
      took = new boolean[n];
      BlobName stagedKeys = Names.stagedKeys(objId);
      BlobName stagedMap = Names.stagedMap(objId);
      List<RuntimeException> failures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        try {
          targets.get(i).putShared(tenant, stagedKeys, keysBytes);
          wrote.add(targets.get(i));
          targets.get(i).putShared(tenant, stagedMap, mapBytes);
          took[i] = true;
        } catch (PortFailureException e) {
          failures.add(e);
        }
      }
      requireQuorum(took, failures, "took the copy");
      for (int j = 0; j < chunks.length; j++) {
        BlobName name = names.chunk(tenant, objId, version, j);
        for (int i = 0; i < n; i++) {
          if (took[i]) {
            try {
              targets.get(i).putShared(tenant, name, chunks[j]);
            } catch (PortFailureException e) {
              took[i] = false;
              failures.add(e);
            }
          }
        }
        requireQuorum(took, failures, "took the copy");
      }
      return true;
    }

    /** Seals the content read under the new version and fresh keys, for the target. */
    private void seal() {
      intermediate = intermediates.current(tenant);
      DataKeys.Writer sealer = new DataKeys.Writer(intermediate.raw(), random);
      int count = (int) ((plain.length + (long) chunkSize - 1) / chunkSize);
      chunks = new byte[count][];
      for (int j = 0; j < count; j++) {
        int off = j * chunkSize;
        chunks[j] = sealer.sealChunk(plain, off, Math.min(chunkSize, plain.length - off),
            Aad.chunk(tenant, key.value(), version, j));
      }
      map = new ObjectMap(key.value(), version, false, plain.length, chunkSize, count,
          target.code(), clock.millis());
      mapBytes = ObjectMap.frame(version, sealer.sealMap(map.encodePlain(),
          Aad.map(tenant, objId, version), ObjectMap.HEAD));
      byte[] nonce = sealer.keysNonce();
      keys = sealer.done();
      keysBlob = new KeysBlob(version, keys.count(), keys.sealChunkKeys(nonce,
          Aad.keys(tenant, objId, version)), intermediate.wrapped());
      keysBytes = keysBlob.encode();
    }

    private void requireQuorum(boolean[] ok, List<RuntimeException> failures, String what) {
      int n = 0;
      for (boolean b : ok) {
        n += b ? 1 : 0;
      }
      if (n < writeQuorum) {
        throw new WriteQuorumException("write quorum not reached in the geo move of '" + key
            + "' in tenant '" + tenant + "': " + n + " of " + ok.length + " replicas of " + target.code() + " " + what + ", "
            + writeQuorum + " needed; the object stays current in " + from.code(), n,
            writeQuorum, failures.isEmpty() ? null : failures.get(0));
      }
    }

    private boolean invalidated() {
      synchronized (stripes[stripe]) {
        return ticket.invalidated;
      }
    }

    /** Opens the read-only window unless a write changed the object during the copy. */
    private boolean openReadOnlyWindow() {
      synchronized (stripes[stripe]) {
        Copy best = best(resolve(tenant, objId));
        if (ticket.invalidated || best == null || !best.geo.equals(from)
            || best.version() != sourceVersion) {
          return false;
        }
        ticket.state = GeoMoveState.READ_ONLY;
      }
      enter(GeoMoveState.READ_ONLY);
      return true;
    }

    /**
     * Reads the copy back from every target replica that took it: its record byte for byte, every
     * chunk authenticated and equal to the source's content. A replica that fails is left out of
     * the switch (a later read repairs it).
     *
     * @throws IntegrityException if fewer than W replicas hold a good copy
     */
    private void verifyCopy() {
      List<RuntimeException> failures = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        if (!took[i]) {
          continue;
        }
        BlobReplica r = targets.get(i);
        try {
          boolean good = Arrays.equals(r.getShared(tenant, Names.stagedKeys(objId)).orElse(null),
              keysBytes)
              && Arrays.equals(r.getShared(tenant, Names.stagedMap(objId)).orElse(null), mapBytes);
          for (int j = 0; good && j < chunks.length; j++) {
            byte[] ct = r.getShared(tenant, names.chunk(tenant, objId, version, j)).orElse(null);
            int off = j * chunkSize;
            int len = Math.min(chunkSize, plain.length - off);
            byte[] p = ct == null ? null : keys.open(j + 1, ct, 0,
                Aad.chunk(tenant, key.value(), version, j), "chunk");
            good = p != null && Arrays.equals(p, 0, p.length, plain, off, off + len);
          }
          took[i] = good;
        } catch (PortFailureException | IntegrityException e) {
          took[i] = false;
          failures.add(e);
        }
      }
      int n = 0;
      for (boolean b : took) {
        n += b ? 1 : 0;
      }
      if (n < writeQuorum) {
        throw new IntegrityException("geo move of '" + key + "': only " + n + " of "
            + targets.size() + " replicas of " + target.code() + " hold a copy that verifies, "
            + writeQuorum + " needed; the object stays current in " + from.code(),
            failures.isEmpty() ? null : failures.get(0));
      }
    }

    /**
     * Commits the copy: writes its keys and map under the object's names on the replicas that
     * verified (the commit point, as for a put). Below W it restores what it replaced and fails.
     *
     * @return false when a key rotation changed the keys during the window (copy again)
     */
    private boolean switchOver() {
      synchronized (stripes[stripe]) {
        if (ticket.invalidated) {
          ticket.state = GeoMoveState.COPYING;
          return false;
        }
        List<Copy> copies = resolve(tenant, objId);
        int n = targets.size();
        switchFailed = new boolean[n];
        boolean[] touched = new boolean[n];
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (!took[i]) {
            switchFailed[i] = true;
            continue;
          }
          touched[i] = true;
          try {
            targets.get(i).putShared(tenant, names.keys(objId), keysBytes);
            targets.get(i).putShared(tenant, names.map(objId), mapBytes);
          } catch (PortFailureException e) {
            switchFailed[i] = true;
            failures.add(e);
          }
        }
        if (alive(switchFailed) < writeQuorum) {
          restoreReplaced(copies, touched);
          boolean[] ok = new boolean[n];
          for (int i = 0; i < n; i++) {
            ok[i] = !switchFailed[i];
          }
          requireQuorum(ok, failures, "took the switch");
        }
        recent.remember(tenant, objId, keysBytes, mapBytes, keysBlob, keys, map, intermediate);
        ticket.state = GeoMoveState.SWITCHED;
      }
      enter(GeoMoveState.SWITCHED);
      return true;
    }

    /** Puts back the target blobs a switch below quorum replaced (usually: none were there). */
    private void restoreReplaced(List<Copy> copies, boolean[] touched) {
      for (int i = 0; i < targets.size(); i++) {
        if (!touched[i]) {
          continue;
        }
        try {
          restoreBefore(tenant, objId, copies, target, targets.get(i));
        } catch (PortFailureException e) {
          // the rollback that follows removes the copy's keys and map from it, or reports the
          // move FAILED (not ROLLED_BACK) while it cannot
        }
      }
    }

    /** Removes every copy in the source, then the record of the copy; verifies; audits. */
    private GeoMoveReport.Item cleanSource() {
      boolean clean;
      synchronized (stripes[stripe]) {
        List<Copy> copies = resolve(tenant, objId);
        clean = dropSuperseded(tenant, objId, copies, target, targets, switchFailed, version);
        for (BlobReplica r : targets) {
          try {
            r.delete(tenant, Names.stagedKeys(objId));
            r.delete(tenant, Names.stagedMap(objId));
          } catch (PortFailureException e) {
            // the record outlives the copy here; the next move or scrub removes it (keeping the
            // chunks, which are now the object's)
          }
        }
      }
      if (clean) {
        enter(GeoMoveState.SOURCE_CLEANED);
      }
      boolean ok;
      try {
        ok = verifyMoved(tenant, objId, new ObjectInfo(key, size, version, target), from,
            digest);
      } catch (NoIntactCopyException e) {
        ok = false;
      }
      GeoMoveState state = clean ? GeoMoveState.SOURCE_CLEANED : GeoMoveState.SWITCHED;
      String reason = ok ? "" : clean ? "moved, but the verification after the switch failed"
          : "moved, but a copy in " + from.code() + " could not be removed yet (a read or verify"
              + " --repair removes it)";
      Map<String, String> details = new LinkedHashMap<>();
      details.put("from", from.code());
      details.put("to", target.code());
      details.put("version", Long.toString(version));
      details.put("bytes", Long.toString(size));
      details.put("state", state.name());
      details.put("verified", Boolean.toString(ok));
      details.put("attempts", Integer.toString(attempts));
      auditSides(AuditResult.SUCCESS, details);
      return new GeoMoveReport.Item(key, from, GeoMoveReport.Outcome.MOVED, state, version, size,
          ok, reason);
    }

    /** One {@code GeoMove} record for the source side, one for the target side. */
    private void auditSides(AuditResult result, Map<String, String> details) {
      for (String side : new String[] {"source", "target"}) {
        Map<String, String> d = new LinkedHashMap<>(details);
        d.put("side", side);
        d.put("geo", (side.equals("source") ? from : target).code());
        record(tenant, actor, "GeoMove", key.value(), result, d);
      }
    }

    /** The copy failed: rolls back what it wrote in the target; the source is untouched. */
    private GeoMoveReport.Item fail(RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (reached == GeoMoveState.SWITCHED || reached == GeoMoveState.SOURCE_CLEANED) {
        // the target version is current: the move happened, only its cleaning did not finish
        auditSides(AuditResult.SUCCESS, Map.of("from", from.code(), "to", target.code(),
            "version", Long.toString(version), "state", reached.name(), "verified", "false",
            "reason", why));
        return new GeoMoveReport.Item(key, from, GeoMoveReport.Outcome.MOVED, reached, version,
            size, false, "moved, but cleaning the source failed: " + why);
      }
      enter(GeoMoveState.FAILED);
      boolean rolledBack;
      long current = sourceVersion;
      try {
        synchronized (stripes[stripe]) {
          // first the copy's own keys and map where a switch below quorum left them (its version
          // is this move's: writers take higher ones), so the source is the best copy again
          boolean official = true;
          for (Copy c : resolve(tenant, objId)) {
            if (c.geo.equals(target) && version > 0 && c.headerVersion == version) {
              try {
                c.replica.delete(tenant, names.map(objId));
                c.replica.delete(tenant, names.keys(objId));
              } catch (PortFailureException gone) {
                official = false;
              }
            }
          }
          Copy best = best(resolve(tenant, objId));
          // a replica this move never wrote to holds nothing of it, reachable or not
          List<Copy> staged = resolveStaged(tenant, objId, true);
          staged.removeIf(c -> c.state == CopyState.UNAVAILABLE && !wrote.contains(c.replica));
          rolledBack = discardStaged(tenant, objId, staged, best) && official;
          current = best == null ? current : best.version();
        }
      } catch (RuntimeException again) {
        e.addSuppressed(again);
        rolledBack = false;
      }
      if (rolledBack) {
        enter(GeoMoveState.ROLLED_BACK);
      }
      GeoMoveState state = rolledBack ? GeoMoveState.ROLLED_BACK : GeoMoveState.FAILED;
      auditSides(AuditResult.FAILURE, Map.of("from", from.code(), "to", target.code(),
          "state", state.name(), "reason", why));
      return new GeoMoveReport.Item(key, from, GeoMoveReport.Outcome.FAILED, state, current,
          size, false, rolledBack ? why : why + "; part of the copy in " + target.code()
              + " could not be removed yet (the next move or verify --repair removes it)");
    }
  }

  /**
   * After a switch: every copy of the target version authenticates and its content has the
   * source's SHA-256; the source holds nothing.
   */
  private boolean verifyMoved(TenantId tenant, String objId, ObjectInfo moved, DataLocation from,
      byte[] sourceDigest) {
    MessageDigest sha = Names.sha256();
    Exam x = examine(tenant, objId, sha::update, true, false, "geo-move");
    if (x.best == null || !x.best.geo.equals(moved.geo()) || x.best.version() != moved.version()
        || !MessageDigest.isEqual(sourceDigest, sha.digest())) {
      return false;
    }
    for (Copy c : x.copies) {
      if (c.geo.equals(from) && c.state != CopyState.MISSING) {
        return false;
      }
    }
    return true;
  }

  private static void discard(ExportSink sink, ObjectInfo o) {
    try {
      sink.discard(o);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot discard the partial export of '" + o.key() + "': "
          + e.getMessage(), e);
    }
  }

  /** Passes bytes through to a stream while digesting and counting them. */
  private static final class DigestingStream extends OutputStream {
    private final OutputStream out;
    private final MessageDigest sha;
    long count;

    DigestingStream(OutputStream out, MessageDigest sha) {
      this.out = out;
      this.sha = sha;
    }

    @Override
    public void write(int b) throws IOException {
      sha.update((byte) b);
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      sha.update(b, off, len);
      out.write(b, off, len);
      count += len;
    }
  }

  @Override
  public TenantGeography geography() {
    return geography;
  }

  // ---------------------------------------------------------------- audit and checks

  private void requireNotShredded(TenantId tenant) {
    if (kes.state(tenant) == KeyState.SHREDDED) {
      throw new TenantShreddedException(tenant);
    }
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new ValidationException(Problem.of("actor", "must not be blank", actor));
    }
  }

  private void record(TenantId tenant, String actor, String activity, String target,
      AuditResult result, Map<String, String> details) {
    audit.append(new AuditRecord(ids.newId(), tenant, clock.instant(), actor, activity, target,
        result, details));
  }

  private void recordFailure(TenantId tenant, String actor, String activity, String target,
      RuntimeException e) {
    if (tenant == null || actor == null || actor.isBlank()) {
      return;
    }
    try {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      record(tenant, actor, activity, target, AuditResult.FAILURE, Map.of("reason", reason));
    } catch (RuntimeException auditFailure) {
      e.addSuppressed(auditFailure);
    }
  }
}
