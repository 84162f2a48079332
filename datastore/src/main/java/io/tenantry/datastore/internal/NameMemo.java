package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobName;

/**
 * Remembers the blob names an engine derived last, so the put, the read and the next put of one
 * object do not each digest its key and chunk names again ({@link Names}: SHA-256 per name).
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

  private final Id[] ids = new Id[SLOTS];
  private final Pair[] pairs = new Pair[SLOTS];
  private final Chunk[] chunks = new Chunk[SLOTS];

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
    BlobName name = Names.chunk(tenant, objectId, version, index);
    chunks[slot] = new Chunk(tenant, objectId, version, index, name);
    return name;
  }
}
