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
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.IntegrityException;
import io.tenantry.datastore.TenantShreddedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link KeyEncryptionService}: each tenant has its own Tink AES-256-GCM keyset (the
 * tenant's key-encryption keys), kept in a key store encrypted under a {@link MasterKey}, with the
 * tenant id as associated data so a keyset file moved to another tenant does not open.
 *
 * <p>{@link #inMemory(MasterKey)} keeps the encrypted keysets in memory; {@link #inFolder(Path,
 * MasterKey)} keeps them as {@code <tenant>.keyset} files (written atomically) and marks a shredded
 * tenant with {@code <tenant>.shredded}. Decrypted keysets are cached (bounded, expiring after ten
 * minutes without use), so wrapping and unwrapping are local AEAD operations. Rotation adds a new
 * primary key and keeps the old ones for unwrapping; destruction overwrites and deletes the keyset
 * and remembers that the tenant was shredded. Thread-safe; changes to one tenant's keys are
 * serialised.
 */
public final class TinkKeyEncryptionService implements KeyEncryptionService {
  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private interface Storage {
    Optional<byte[]> read(TenantId tenant);

    void write(TenantId tenant, byte[] encryptedKeyset);

    void shred(TenantId tenant);

    boolean isShredded(TenantId tenant);
  }

  private final Storage storage;
  private final MasterKey master;
  private final Cache<TenantId, Aead> open = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterAccess(Duration.ofMinutes(10)).executor(Runnable::run).build();
  private final ConcurrentHashMap<TenantId, Object> locks = new ConcurrentHashMap<>();

  private TinkKeyEncryptionService(Storage storage, MasterKey master) {
    this.storage = storage;
    this.master = Objects.requireNonNull(master, "master");
  }

  /**
   * Creates a service whose key store lives in memory (lost when the process ends).
   *
   * @param master the key that encrypts the keysets
   * @return the service
   */
  public static TinkKeyEncryptionService inMemory(MasterKey master) {
    ConcurrentHashMap<TenantId, byte[]> sets = new ConcurrentHashMap<>();
    Set<TenantId> shredded = ConcurrentHashMap.newKeySet();
    return new TinkKeyEncryptionService(new Storage() {
      @Override
      public Optional<byte[]> read(TenantId t) {
        return Optional.ofNullable(sets.get(t));
      }

      @Override
      public void write(TenantId t, byte[] b) {
        sets.put(t, b.clone());
      }

      @Override
      public void shred(TenantId t) {
        shredded.add(t);
        sets.remove(t);
      }

      @Override
      public boolean isShredded(TenantId t) {
        return shredded.contains(t);
      }
    }, master);
  }

  /**
   * Creates a service whose key store is a local folder.
   *
   * @param folder the key store's folder (created when missing)
   * @param master the key that encrypts the keysets
   * @return the service
   */
  public static TinkKeyEncryptionService inFolder(Path folder, MasterKey master) {
    Objects.requireNonNull(folder, "folder");
    return new TinkKeyEncryptionService(new Storage() {
      @Override
      public Optional<byte[]> read(TenantId t) {
        try {
          return Optional.of(Files.readAllBytes(folder.resolve(t.value() + ".keyset")));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        } catch (IOException e) {
          throw new PortFailureException("cannot read the keys of tenant '" + t + "' in " + folder
              + ": " + e.getMessage(), e);
        }
      }

      @Override
      public void write(TenantId t, byte[] b) {
        Path target = folder.resolve(t.value() + ".keyset");
        Path tmp = folder.resolve("." + t.value() + ".keyset.tmp");
        try {
          Files.createDirectories(folder);
          Files.write(tmp, b);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new PortFailureException("cannot write the keys of tenant '" + t + "' in "
              + folder + ": " + e.getMessage(), e);
        }
      }

      @Override
      public void shred(TenantId t) {
        Path keyset = folder.resolve(t.value() + ".keyset");
        try {
          Files.createDirectories(folder);
          Files.write(folder.resolve(t.value() + ".shredded"),
              "keys destroyed\n".getBytes(StandardCharsets.US_ASCII));
          if (Files.exists(keyset)) {
            long size = Files.size(keyset);
            try (FileChannel ch = FileChannel.open(keyset, StandardOpenOption.WRITE)) {
              ch.write(java.nio.ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE)));
              ch.force(true);
            }
            Files.delete(keyset);
          }
        } catch (IOException e) {
          throw new PortFailureException("cannot destroy the keys of tenant '" + t + "' in "
              + folder + ": " + e.getMessage(), e);
        }
      }

      @Override
      public boolean isShredded(TenantId t) {
        return Files.exists(folder.resolve(t.value() + ".shredded"));
      }
    }, master);
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

  private void save(TenantId tenant, KeysetHandle handle) {
    try {
      storage.write(tenant, TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(),
          aad(tenant), RegistryConfiguration.get()));
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
    if (cached != null) {
      return cached;
    }
    synchronized (lock(tenant)) {
      if (storage.isShredded(tenant)) {
        throw new TenantShreddedException(tenant);
      }
      Optional<byte[]> stored = storage.read(tenant);
      KeysetHandle handle;
      if (stored.isPresent()) {
        handle = load(tenant, stored.get());
      } else if (create) {
        try {
          handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM,
              RegistryConfiguration.get());
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("Tink cannot generate an AES-256-GCM keyset", e);
        }
        save(tenant, handle);
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
    Aead a = aead(Objects.requireNonNull(tenant, "tenant"), false);
    if (a == null) {
      throw new IntegrityException("tenant '" + tenant + "' has no keys, so nothing unwraps", null);
    }
    try {
      return a.decrypt(wrappedKey, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("a wrapped data key of tenant '" + tenant
          + "' fails authentication", e);
    }
  }

  @Override
  public void rotate(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (lock(tenant)) {
      if (storage.isShredded(tenant)) {
        throw new TenantShreddedException(tenant);
      }
      byte[] stored = storage.read(tenant).orElseThrow(() ->
          new NotFoundException("tenant '" + tenant + "' has no keys to rotate"));
      KeysetHandle old = load(tenant, stored);
      KeysetHandle rotated;
      try {
        rotated = KeysetHandle.newBuilder(old)
            .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId().makePrimary())
            .build();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Tink cannot add a key to a tenant keyset", e);
      }
      save(tenant, rotated);
      open.put(tenant, primitive(rotated));
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
    return storage.read(tenant).isPresent() ? KeyState.ACTIVE : KeyState.ABSENT;
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
      if (storage.isShredded(tenant)) {
        throw new TenantShreddedException(tenant);
      }
      return storage.read(tenant).map(b -> load(tenant, b).size()).orElse(0);
    }
  }

  @Override
  public String toString() {
    return "TinkKeyEncryptionService[" + open.estimatedSize() + " open keysets]";
  }
}
