package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobName;
import java.security.MessageDigest;

/**
 * Remembers the blob names an engine derived last, so the put, the read and the next put of one
 * object do not each digest its key and chunk names again ({@link Names}: SHA-256 per name), and,
 * per object, the digest of the fixed part of its chunk names, so a new version's names digest
 * only version and index.
 *
 * <p>A fixed table of {@value #SLOTS} slots per kind, each holding one immutable entry, replaced
 * when another name hashes to the slot: bounded memory whatever the number of objects, no locks
 * (an entry read is either complete or absent, its fields being final), and a miss only costs
 * the digest it would have cost anyway. A hit compares every input, so it returns exactly what
 * {@link Names} would.
 */
final class NameMemo {
  private static final int SLOTS = 256;

  private record Id(String key, String objectId) {}

  private record Pair(String objectId, BlobName map, BlobName keys) {}

  private record Chunk(TenantId tenant, String objectId, long version, int index, BlobName name) {}

  /** The digest of a chunk name's fixed part for one object ({@link Names#chunkPrefix}). */
  private record Prefix(TenantId tenant, String objectId, MessageDigest digest) {}

  private final Id[] ids = new Id[SLOTS];
  private final Pair[] pairs = new Pair[SLOTS];
  private final Chunk[] chunks = new Chunk[SLOTS];
  private final Prefix[] prefixes = new Prefix[SLOTS];

  /** {@link Names#objectId}. */
  String objectId(String key) {
    int slot = key.hashCode() & (SLOTS - 1);
    Id e = ids[slot];
    if (e != null && e.key.equals(key)) {
      return e.objectId;
    }
    String id = Names.objectId(key);
    ids[slot] = new Id(key, id);
    return id;
  }

  /** {@link Names#map}. */
  BlobName map(String objectId) {
    return pair(objectId).map;
  }

  /** {@link Names#keys}. */
  BlobName keys(String objectId) {
    return pair(objectId).keys;
  }

  private Pair pair(String objectId) {
    int slot = objectId.hashCode() & (SLOTS - 1);
    Pair e = pairs[slot];
    if (e != null && e.objectId.equals(objectId)) {
      return e;
    }
    Pair p = new Pair(objectId, Names.map(objectId), Names.keys(objectId));
    pairs[slot] = p;
    return p;
  }

  /** {@link Names#chunk}. */
  BlobName chunk(TenantId tenant, String objectId, long version, int index) {
    int slot = (objectId.hashCode() * 31 + Long.hashCode(version) * 17 + index) & (SLOTS - 1);
    Chunk e = chunks[slot];
    if (e != null && e.version == version && e.index == index && e.objectId.equals(objectId)
        && e.tenant.equals(tenant)) {
      return e.name;
    }
    BlobName name = Names.chunk(prefix(tenant, objectId), version, index);
    chunks[slot] = new Chunk(tenant, objectId, version, index, name);
    return name;
  }

  /**
   * The object's digest prefix: each new version's chunk names (a put) then cost one digest
   * block each instead of the whole input.
   */
  private MessageDigest prefix(TenantId tenant, String objectId) {
    int slot = (objectId.hashCode() * 31 + tenant.hashCode()) & (SLOTS - 1);
    Prefix e = prefixes[slot];
    if (e != null && e.objectId.equals(objectId) && e.tenant.equals(tenant)) {
      return e.digest;
    }
    MessageDigest d = Names.chunkPrefix(tenant, objectId);
    prefixes[slot] = new Prefix(tenant, objectId, d);
    return d;
  }
}
