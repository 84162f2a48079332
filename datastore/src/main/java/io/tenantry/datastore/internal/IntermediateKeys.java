package io.tenantry.datastore.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.subtle.Random;
import io.tenantry.core.TenantId;
import io.tenantry.datastore.IntegrityException;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.spi.KeyEncryptionService;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * The tenants' intermediate keys: the middle of the key hierarchy SharePoint uses with Customer
 * Key ({@code directory-semantics.md} §7.3.11: root key, tenant intermediate key, blob keys).
 *
 * <p>A tenant's intermediate key is a random AES-256 key, wrapped by the tenant's key-encryption
 * key through the {@link KeyEncryptionService} (bound to the tenant), and carried, wrapped, in the
 * keys blob of every version written under it. It seals those versions' chunk maps and chunk keys
 * locally, so a put or a get calls the key service only when it meets an intermediate key this
 * engine has not unwrapped within the expiry: no call per object, and no cache entry per object
 * either (the cache holds intermediate keys, a handful per tenant).
 *
 * <p>Lifetime. A tenant's current key (the one new versions use) is made on its first write and
 * retired when it has been current for the expiry, or at once by a rotation; every engine (process)
 * makes its own. Unwrapped keys are kept for the expiry after they were unwrapped, never longer,
 * so a shred made by another process sharing the key service stops this one within the expiry
 * plus the key service's own cache bound. A shred in this engine drops the tenant's keys at once,
 * and a key unwrapped for a tenant while it was being shredded is never kept.
 */
final class IntermediateKeys {
  /** A cache key: the tenant and a hash of the wrapped key; a hit also compares the bytes. */
  private record Ref(TenantId tenant, int hash, int length) {
    static Ref of(TenantId tenant, byte[] wrapped) {
      return new Ref(tenant, Arrays.hashCode(wrapped), wrapped.length);
    }
  }

  /**
   * One unwrapped intermediate key and its wrapped form, with when it was made and whether the
   * cache has let it go. No equals; toString shows nothing.
   */
  static final class Key {
    private final byte[] raw;
    private final byte[] wrapped;
    private final Ref ref;
    private final long bornNanos = System.nanoTime();
    /** Set once the cache of unwrapped keys no longer holds this key (expired, evicted, shred). */
    private volatile boolean dropped;

    private Key(TenantId tenant, byte[] raw, byte[] wrapped) {
      this.raw = raw;
      this.wrapped = wrapped;
      this.ref = Ref.of(tenant, wrapped);
    }

    /** The raw key; callers never change it. */
    byte[] raw() {
      return raw;
    }

    /** The key wrapped by the tenant's key-encryption key. */
    byte[] wrapped() {
      return wrapped;
    }

    @Override
    public String toString() {
      return "IntermediateKey[redacted]";
    }
  }

  private final KeyEncryptionService kes;
  private final Set<TenantId> shredded;
  private final long expiryNanos;
  private final Cache<Ref, Key> opened;
  private final Cache<TenantId, Key> current;

  /**
   * Creates the keys' caches.
   *
   * @param kes the key service that wraps and unwraps intermediate keys
   * @param shredded the tenants this engine shredded (read, never changed here)
   * @param maxEntries the most unwrapped keys kept
   * @param expiry how long a key is kept after it was made or unwrapped
   */
  IntermediateKeys(KeyEncryptionService kes, Set<TenantId> shredded, long maxEntries,
      Duration expiry) {
    this.kes = kes;
    this.shredded = shredded;
    this.expiryNanos = expiry.toNanos();
    // maintenance runs in the calling thread: no hand-off to a pool on the hot path; a key the
    // cache lets go, for whatever cause, is marked so that holds answers without a look-up
    this.opened = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(expiry)
        .executor(Runnable::run)
        .<Ref, Key>removalListener((ref, key, cause) -> {
          if (key != null) {
            key.dropped = true;
          }
        }).build();
    this.current = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(expiry)
        .executor(Runnable::run).build();
  }

  /**
   * Returns the tenant's current key for a new version, making and wrapping one (the tenant's
   * only key-service call for a while) when there is none.
   *
   * @throws TenantShreddedException if the tenant was shredded
   */
  Key current(TenantId tenant) {
    if (shredded.contains(tenant)) {
      throw new TenantShreddedException(tenant);
    }
    Key k = current.getIfPresent(tenant);
    if (k != null) {
      return k;
    }
    byte[] raw = Random.randBytes(DataKeys.KEY);
    byte[] toWrap = raw.clone();   // a key service may erase what it is given
    Key made;
    try {
      made = new Key(tenant, raw, kes.wrap(tenant, toWrap, Aad.intermediate(tenant)));
    } finally {
      Arrays.fill(toWrap, (byte) 0);
    }
    current.put(tenant, made);
    keep(tenant, made);
    if (shredded.contains(tenant)) {
      current.invalidate(tenant);
      throw new TenantShreddedException(tenant);
    }
    return made;
  }

  /**
   * Returns the raw intermediate key a wrapped one stands for: from the cache unless {@code
   * fresh}, else unwrapped by the key service, bound to the tenant.
   *
   * @throws IntegrityException if it does not unwrap for this tenant
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  byte[] open(TenantId tenant, byte[] wrapped, boolean fresh) {
    return openKey(tenant, wrapped, fresh).raw;
  }

  /**
   * Like {@link #open}, returning the key with its wrapped form.
   *
   * @throws IntegrityException if it does not unwrap for this tenant
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  Key openKey(TenantId tenant, byte[] wrapped, boolean fresh) {
    if (!fresh) {
      Key hit = opened.getIfPresent(Ref.of(tenant, wrapped));
      if (hit != null && Arrays.equals(hit.wrapped, wrapped)) {
        return hit;
      }
    }
    byte[] raw = kes.unwrap(tenant, wrapped, Aad.intermediate(tenant));
    if (raw.length != DataKeys.KEY) {
      Arrays.fill(raw, (byte) 0);
      throw new IntegrityException("an intermediate key of tenant '" + tenant + "' unwraps to "
          + raw.length + " bytes, not " + DataKeys.KEY, null);
    }
    Key k = new Key(tenant, raw, wrapped);
    keep(tenant, k);
    return k;
  }

  /**
   * Wraps an intermediate key again under the tenant's (new) primary key-encryption key.
   *
   * @return the new wrapped form
   */
  byte[] rewrap(TenantId tenant, byte[] wrapped) {
    byte[] raw = open(tenant, wrapped, true);
    byte[] toWrap = raw.clone();
    try {
      byte[] again = kes.wrap(tenant, toWrap, Aad.intermediate(tenant));
      keep(tenant, new Key(tenant, raw, again));
      return again;
    } finally {
      Arrays.fill(toWrap, (byte) 0);
    }
  }

  /**
   * Tells whether a key is still among the unwrapped keys kept: not expired (it is younger than
   * the expiry), and not evicted, replaced or dropped by a shred (the cache's removal marks it).
   * No look-up: a read of a recent version asks this each time.
   *
   * @param key the key
   * @param nowNanos {@link System#nanoTime()} read by the caller just before
   */
  boolean holds(Key key, long nowNanos) {
    return !key.dropped && nowNanos - key.bornNanos < expiryNanos;
  }

  /** Stops using the tenant's current key for new versions (after a rotation). */
  void retire(TenantId tenant) {
    current.invalidate(tenant);
  }

  /** Drops every key of the tenant (after a shred). */
  void forget(TenantId tenant) {
    current.invalidate(tenant);
    opened.asMap().keySet().removeIf(r -> r.tenant().equals(tenant));
  }

  /**
   * Caches an unwrapped key; nothing of a shredded tenant stays: the check after the put pairs
   * with the engine's shred, which marks the tenant before it calls {@link #forget}.
   */
  private void keep(TenantId tenant, Key k) {
    Ref ref = k.ref;
    opened.put(ref, k);
    if (shredded.contains(tenant)) {
      opened.invalidate(ref);
    }
  }

  @Override
  public String toString() {
    return "IntermediateKeys[" + opened.estimatedSize() + " unwrapped]";
  }
}
