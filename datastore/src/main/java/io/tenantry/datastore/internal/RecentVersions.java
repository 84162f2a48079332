package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import java.util.Arrays;
import java.util.Set;

/**
 * The object versions an engine authenticated lately, so the put, the read after it and the next
 * put of a hot object do not each open its keys and map blobs again.
 *
 * <p>A fixed table of {@value #SLOTS} slots, one immutable entry each, replaced when another object
 * hashes to the slot: the memory is bounded whatever the number of objects (the store keeps
 * nothing per object), and a miss costs only the authentication it would have cost anyway. A hit
 * needs the very bytes that were authenticated (keys blob and map blob, compared in full) for the
 * same tenant and object, so it returns exactly what opening them again would, their associated
 * data being a function of tenant, object and version; chunks are still decrypted and
 * authenticated on every read. Only current-format versions are kept, and only while the
 * intermediate key that seals them is still cached and for at most the cache's expiry: a shred
 * (which drops the tenant's intermediate keys) or an expiry makes every entry of the tenant miss.
 */
final class RecentVersions {
  private static final int SLOTS = 256;

  /**
   * One authenticated version; never changed once made. {@code intermediate} is the unwrapped
   * intermediate key that seals it, as the cache of unwrapped keys holds it.
   */
  record Entry(TenantId tenant, String objectId, byte[] keysBytes, byte[] mapBytes,
      KeysBlob keys, DataKeys dataKeys, ObjectMap map, long bornNanos,
      IntermediateKeys.Key intermediate) {}

  private final Entry[] slots = new Entry[SLOTS];
  private final IntermediateKeys intermediates;
  private final Set<TenantId> shredded;
  private final long expiryNanos;

  RecentVersions(IntermediateKeys intermediates, Set<TenantId> shredded, long expiryNanos) {
    this.intermediates = intermediates;
    this.shredded = shredded;
    this.expiryNanos = expiryNanos;
  }

  private static int slot(TenantId tenant, String objectId) {
    return (objectId.hashCode() * 31 + tenant.hashCode()) & (SLOTS - 1);
  }

  /** Returns the entry for exactly these blobs of this object, or null. */
  Entry find(TenantId tenant, String objectId, byte[] keysBytes, byte[] mapBytes) {
    Entry e = slots[slot(tenant, objectId)];
    if (e == null || !e.objectId.equals(objectId) || !e.tenant.equals(tenant)) {
      return null;
    }
    // one clock read serves both ages (the entry's and its key's)
    long now = System.nanoTime();
    if (now - e.bornNanos > expiryNanos
        || !Arrays.equals(e.keysBytes, keysBytes) || !Arrays.equals(e.mapBytes, mapBytes)
        || !intermediates.holds(e.intermediate, now)) {
      return null;
    }
    return e;
  }

  /**
   * Keeps a version just authenticated (current format only); nothing of a shredded tenant.
   *
   * @param intermediate the unwrapped intermediate key that opened it (null for the previous
   *     format, which is not kept)
   */
  void remember(TenantId tenant, String objectId, byte[] keysBytes, byte[] mapBytes,
      KeysBlob keys, DataKeys dataKeys, ObjectMap map, IntermediateKeys.Key intermediate) {
    if (keys.legacy() || intermediate == null) {
      return;
    }
    int slot = slot(tenant, objectId);
    Entry e = new Entry(tenant, objectId, keysBytes, mapBytes, keys, dataKeys, map,
        System.nanoTime(), intermediate);
    slots[slot] = e;
    if (shredded.contains(tenant)) {
      forget(tenant);
    }
  }

  /** Drops every entry of a tenant. */
  void forget(TenantId tenant) {
    for (int i = 0; i < SLOTS; i++) {
      Entry e = slots[i];
      if (e != null && e.tenant.equals(tenant)) {
        slots[i] = null;
      }
    }
  }
}
