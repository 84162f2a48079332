package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BlobReplica} held in memory: thread-safe and non-blocking, for tests, simulations and
 * hosts that keep a hot copy in RAM. {@link #put} stores a private copy and {@link #get} returns
 * one, so a caller changing its array never changes the stored blob; {@link #putShared} keeps the
 * caller's array itself and {@link #getShared} returns the stored array, for a caller (the store)
 * that never changes them: the store's replicas of one geo then share one ciphertext array. Blobs
 * are held in hash maps; {@link #list} sorts on demand.
 */
public final class InMemoryBlobReplica implements BlobReplica {
  private final String name;
  private final ConcurrentHashMap<TenantId, ConcurrentHashMap<BlobName, byte[]>> blobs =
      new ConcurrentHashMap<>();

  /**
   * Creates an empty replica.
   *
   * @param name the name used in messages, e.g. {@code NAM/replica-1}
   * @throws NullPointerException if {@code name} is null
   */
  public InMemoryBlobReplica(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void put(TenantId tenant, BlobName blob, byte[] content) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(content, "content");
    putShared(tenant, blob, content.clone());
  }

  @Override
  public void putShared(TenantId tenant, BlobName blob, byte[] content) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(content, "content");
    ConcurrentHashMap<BlobName, byte[]> m = blobs.get(tenant);
    if (m == null) {
      m = blobs.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    }
    m.put(blob, content);
  }

  @Override
  public Optional<byte[]> get(TenantId tenant, BlobName blob) {
    return getShared(tenant, blob).map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> getShared(TenantId tenant, BlobName blob) {
    Objects.requireNonNull(blob, "blob");
    Map<BlobName, byte[]> m = blobs.get(Objects.requireNonNull(tenant, "tenant"));
    return Optional.ofNullable(m == null ? null : m.get(blob));
  }

  @Override
  public boolean delete(TenantId tenant, BlobName blob) {
    Objects.requireNonNull(blob, "blob");
    Map<BlobName, byte[]> m = blobs.get(Objects.requireNonNull(tenant, "tenant"));
    return m != null && m.remove(blob) != null;
  }

  @Override
  public List<BlobName> list(TenantId tenant, BlobKind kind) {
    Objects.requireNonNull(kind, "kind");
    Map<BlobName, byte[]> m = blobs.get(Objects.requireNonNull(tenant, "tenant"));
    List<BlobName> out = new ArrayList<>();
    if (m != null) {
      for (BlobName n : m.keySet()) {
        if (n.kind() == kind) {
          out.add(n);
        }
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public Set<TenantId> tenants() {
    Set<TenantId> out = new TreeSet<>();
    blobs.forEach((t, m) -> {
      if (!m.isEmpty()) {
        out.add(t);
      }
    });
    return out;
  }

  @Override
  public String toString() {
    return "InMemoryBlobReplica[" + name + "]";
  }
}
