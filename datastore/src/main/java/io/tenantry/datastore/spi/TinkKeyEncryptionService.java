package io.tenantry.datastore.spi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.IntegrityException;
import io.tenantry.datastore.TenantShreddedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link KeyEncryptionService}: each tenant has its own Tink AES-256-GCM keyset (the
 * tenant's key-encryption keys), kept in a {@link KeysetStore} encrypted under a {@link MasterKey},
 * with the tenant id as associated data so a keyset moved to another tenant does not open.
 *
 * <p>{@link #inMemory(MasterKey)} keeps the encrypted keysets in memory; {@link #inFolder(Path,
 * MasterKey)} keeps them as {@code <tenant>.keyset} files ({@link FolderKeysetStore}); {@link
 * #over(KeysetStore, MasterKey)} in any other store, such as a database table shared by several
 * processes. Decrypted keysets are cached (bounded, each for at most a minute), so wrapping and
 * unwrapping are local AEAD operations. Rotation adds a new primary key and keeps the old ones for
 * unwrapping; destruction has the store delete the keyset for good and remember that the tenant
 * was shredded.
 *
 * <p><b>Several processes on one store.</b> Creation and rotation are compare-and-set on the
 * store, so processes racing to create or rotate a tenant's keys never lose a key; a process whose
 * cached keyset misses a key another process added reloads it when an unwrap fails. A process
 * sees another's {@link #destroy} when its cached keyset expires, within a minute. Thread-safe;
 * changes to one tenant's keys are serialised within the process.
 */
public final class TinkKeyEncryptionService implements KeyEncryptionService {
  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** How often a rotation that loses a compare-and-set race is tried again. */
  private static final int ROTATE_ATTEMPTS = 16;

  private final KeysetStore storage;
  private final MasterKey master;
  private final Cache<TenantId, Aead> open = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(1)).executor(Runnable::run).build();
  private final ConcurrentHashMap<TenantId, Object> locks = new ConcurrentHashMap<>();

  private TinkKeyEncryptionService(KeysetStore storage, MasterKey master) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.master = Objects.requireNonNull(master, "master");
  }

  /**
   * Creates a service whose key store lives in memory (lost when the process ends).
   *
   * @param master the key that encrypts the keysets
   * @return the service
   * @throws NullPointerException if {@code master} is null
   */
  public static TinkKeyEncryptionService inMemory(MasterKey master) {
    return new TinkKeyEncryptionService(new InMemoryKeysetStore(), master);
  }

  /**
   * Creates a service whose key store is a local folder ({@link FolderKeysetStore}).
   *
   * @param folder the key store's folder (created when missing)
   * @param master the key that encrypts the keysets
   * @return the service
   * @throws NullPointerException if an argument is null
   */
  public static TinkKeyEncryptionService inFolder(Path folder, MasterKey master) {
    return new TinkKeyEncryptionService(new FolderKeysetStore(folder), master);
  }

  /**
   * Creates a service over any key store, such as a database table.
   *
   * @param store where the encrypted keysets are kept
   * @param master the key that encrypts the keysets
   * @return the service
   * @throws NullPointerException if an argument is null
   */
  public static TinkKeyEncryptionService over(KeysetStore store, MasterKey master) {
    return new TinkKeyEncryptionService(store, master);
  }

  private Object lock(TenantId tenant) {
    return locks.computeIfAbsent(tenant, t -> new Object());
  }

  private static byte[] aad(TenantId tenant) {
    return ("tenantry-keyset\0" + tenant.value()).getBytes(StandardCharsets.UTF_8);
  }

  private KeysetHandle load(TenantId tenant, byte[] encrypted) {
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(encrypted, master.aead(), aad(tenant),
          RegistryConfiguration.get());
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("the key store entry of tenant '" + tenant
          + "' does not open with this master key (wrong master key, or a keyset of another"
          + " tenant)", e);
    }
  }

  private byte[] encrypt(TenantId tenant, KeysetHandle handle) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), aad(tenant),
          RegistryConfiguration.get());
    } catch (GeneralSecurityException e) {
      throw new PortFailureException("cannot encrypt the keyset of tenant '" + tenant + "'", e);
    }
  }

  private static Aead primitive(KeysetHandle handle) {
    try {
      return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot build an AEAD from a tenant keyset", e);
    }
  }

  /** Returns the tenant's AEAD, creating the keyset when {@code create} and absent; null if absent. */
  private Aead aead(TenantId tenant, boolean create) {
    Aead cached = open.getIfPresent(tenant);
    return cached != null ? cached : loadAead(tenant, create);
  }

  /** Reads the tenant's keyset from the store (creating it when asked), and caches its AEAD. */
  private Aead loadAead(TenantId tenant, boolean create) {
    synchronized (lock(tenant)) {
      Optional<StoredKeyset> stored = storage.read(tenant);
      KeysetHandle handle;
      if (stored.isPresent()) {
        handle = load(tenant, stored.get().encrypted());
      } else if (create) {
        try {
          handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM,
              RegistryConfiguration.get());
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("Tink cannot generate an AES-256-GCM keyset", e);
        }
        if (!storage.create(tenant, encrypt(tenant, handle))) {
          // another process created the tenant's keys first: use theirs
          handle = load(tenant, storage.read(tenant).orElseThrow(() -> new PortFailureException(
              "the keyset of tenant '" + tenant + "' vanished while it was being created",
              null)).encrypted());
        }
      } else {
        return null;
      }
      Aead a = primitive(handle);
      open.put(tenant, a);
      return a;
    }
  }

  @Override
  public byte[] wrap(TenantId tenant, byte[] dataKey, byte[] associatedData) {
    Objects.requireNonNull(dataKey, "dataKey");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      return aead(Objects.requireNonNull(tenant, "tenant"), true).encrypt(dataKey, associatedData);
    } catch (GeneralSecurityException e) {
      throw new PortFailureException("cannot wrap a data key for tenant '" + tenant + "'", e);
    }
  }

  @Override
  public byte[] unwrap(TenantId tenant, byte[] wrappedKey, byte[] associatedData) {
    Objects.requireNonNull(wrappedKey, "wrappedKey");
    Objects.requireNonNull(associatedData, "associatedData");
    Objects.requireNonNull(tenant, "tenant");
    Aead cached = open.getIfPresent(tenant);
    Aead a = cached != null ? cached : loadAead(tenant, false);
    if (a == null) {
      throw new IntegrityException("tenant '" + tenant + "' has no keys, so nothing unwraps", null);
    }
    try {
      return a.decrypt(wrappedKey, associatedData);
    } catch (GeneralSecurityException e) {
      if (cached != null) {
        // another process may have rotated the keyset since it was cached: read it again, once
        open.invalidate(tenant);
        Aead fresh = loadAead(tenant, false);
        if (fresh != null) {
          try {
            return fresh.decrypt(wrappedKey, associatedData);
          } catch (GeneralSecurityException again) {
            e.addSuppressed(again);
          }
        }
      }
      throw new IntegrityException("a wrapped data key of tenant '" + tenant
          + "' fails authentication", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The new keyset replaces the stored one by compare-and-set: when another process changed
   * it meanwhile, the rotation starts again from what that process left.
   *
   * @throws ConflictException of kind {@code CONCURRENT_ROTATION} if the keyset changed under
   *     every one of 16 attempts
   */
  @Override
  public void rotate(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (lock(tenant)) {
      for (int attempt = 0; attempt < ROTATE_ATTEMPTS; attempt++) {
        StoredKeyset stored = storage.read(tenant).orElseThrow(() ->
            new NotFoundException("tenant '" + tenant + "' has no keys to rotate"));
        KeysetHandle old = load(tenant, stored.encrypted());
        KeysetHandle rotated;
        try {
          rotated = KeysetHandle.newBuilder(old)
              .addEntry(KeysetHandle.generateEntryFromParameters(
                  PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
              .build();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("Tink cannot add a key to a tenant keyset", e);
        }
        if (storage.replace(tenant, stored.version(), encrypt(tenant, rotated))) {
          open.put(tenant, primitive(rotated));
          return;
        }
        // another process changed the keyset meanwhile: rotate the keyset it left
      }
      throw new ConflictException("CONCURRENT_ROTATION", "the keys of tenant '" + tenant
          + "' changed " + ROTATE_ATTEMPTS + " times while being rotated; try again");
    }
  }

  @Override
  public void destroy(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (lock(tenant)) {
      open.invalidate(tenant);
      storage.shred(tenant);
    }
  }

  @Override
  public KeyState state(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (storage.isShredded(tenant)) {
      return KeyState.SHREDDED;
    }
    if (open.getIfPresent(tenant) != null) {
      return KeyState.ACTIVE;
    }
    try {
      return storage.read(tenant).isPresent() ? KeyState.ACTIVE : KeyState.ABSENT;
    } catch (TenantShreddedException e) {
      // shredded by another process since the check above
      return KeyState.SHREDDED;
    }
  }

  /**
   * Returns how many keys the tenant's keyset holds (1 after creation, one more per rotation).
   *
   * @param tenant the tenant
   * @return the number of keys, 0 when the tenant has none
   * @throws TenantShreddedException if the tenant's keys were destroyed
   */
  public int keyCount(TenantId tenant) {
    synchronized (lock(tenant)) {
      return storage.read(tenant).map(b -> load(tenant, b.encrypted()).size()).orElse(0);
    }
  }

  @Override
  public String toString() {
    return "TinkKeyEncryptionService[" + open.estimatedSize() + " open keysets]";
  }
}
