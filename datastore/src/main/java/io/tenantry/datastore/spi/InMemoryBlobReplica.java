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
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link BlobReplica} held in memory: thread-safe and non-blocking, for tests, simulations and
 * hosts that keep a hot copy in RAM. Blobs are stored as private copies, so a caller changing its
 * array after {@code put} or after {@code get} never changes the stored blob.
 */
public final class InMemoryBlobReplica implements BlobReplica {
  private final String name;
  private final ConcurrentHashMap<TenantId, ConcurrentSkipListMap<BlobName, byte[]>> blobs =
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
    blobs.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>()).put(blob, content.clone());
  }

  @Override
  public Optional<byte[]> get(TenantId tenant, BlobName blob) {
    Objects.requireNonNull(blob, "blob");
    Map<BlobName, byte[]> m = blobs.get(Objects.requireNonNull(tenant, "tenant"));
    byte[] b = m == null ? null : m.get(blob);
    return b == null ? Optional.empty() : Optional.of(b.clone());
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
    ConcurrentSkipListMap<BlobName, byte[]> m = blobs.get(Objects.requireNonNull(tenant, "tenant"));
    List<BlobName> out = new ArrayList<>();
    if (m != null) {
      for (BlobName n : m.keySet()) {
        if (n.kind() == kind) {
          out.add(n);
        }
      }
    }
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
