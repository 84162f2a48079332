package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.TenantShreddedException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link KeysetStore} in memory, lost when the process ends: for tests and {@link
 * TinkKeyEncryptionService#inMemory}. Versions count the writes of a tenant's keyset (1 when
 * created). Thread-safe (one lock; keyset changes are rare).
 */
public final class InMemoryKeysetStore implements KeysetStore {
  private final Map<TenantId, StoredKeyset> sets = new HashMap<>();
  private final Set<TenantId> shredded = new HashSet<>();

  /** Creates an empty store. */
  public InMemoryKeysetStore() {}

  private void checkNotShredded(TenantId tenant) {
    if (shredded.contains(Objects.requireNonNull(tenant, "tenant"))) {
      throw new TenantShreddedException(tenant);
    }
  }

  @Override
  public synchronized Optional<StoredKeyset> read(TenantId tenant) {
    checkNotShredded(tenant);
    return Optional.ofNullable(sets.get(tenant));
  }

  @Override
  public synchronized boolean create(TenantId tenant, byte[] encryptedKeyset) {
    Objects.requireNonNull(encryptedKeyset, "encryptedKeyset");
    checkNotShredded(tenant);
    if (sets.containsKey(tenant)) {
      return false;
    }
    sets.put(tenant, new StoredKeyset(encryptedKeyset, 1));
    return true;
  }

  @Override
  public synchronized boolean replace(TenantId tenant, long expectedVersion,
      byte[] encryptedKeyset) {
    Objects.requireNonNull(encryptedKeyset, "encryptedKeyset");
    checkNotShredded(tenant);
    StoredKeyset current = sets.get(tenant);
    if (current == null || current.version() != expectedVersion) {
      return false;
    }
    sets.put(tenant, new StoredKeyset(encryptedKeyset, expectedVersion + 1));
    return true;
  }

  @Override
  public synchronized void shred(TenantId tenant) {
    shredded.add(Objects.requireNonNull(tenant, "tenant"));
    sets.remove(tenant);
  }

  @Override
  public synchronized boolean isShredded(TenantId tenant) {
    return shredded.contains(Objects.requireNonNull(tenant, "tenant"));
  }

  @Override
  public String toString() {
    return "InMemoryKeysetStore";
  }
}
