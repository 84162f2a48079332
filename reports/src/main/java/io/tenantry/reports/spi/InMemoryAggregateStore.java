package io.tenantry.reports.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@link AggregateStore} in memory: per tenant, a sorted map of snapshots, changed by atomic
 * compare-and-set. Thread-safe and non-blocking; state lives as long as the instance.
 */
public final class InMemoryAggregateStore implements AggregateStore {
  private final Map<TenantId, ConcurrentSkipListMap<String, AggregateSnapshot>> snapshots =
      new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryAggregateStore() {}

  private ConcurrentSkipListMap<String, AggregateSnapshot> of(TenantId tenant) {
    return snapshots.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"),
        t -> new ConcurrentSkipListMap<>());
  }

  @Override
  public long put(TenantId tenant, String name, long expectedVersion, byte[] bytes) {
    AggregateSnapshot.checkName(name);
    Objects.requireNonNull(bytes, "bytes");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
    }
    AggregateSnapshot next = new AggregateSnapshot(name, expectedVersion + 1, bytes);
    ConcurrentSkipListMap<String, AggregateSnapshot> m = of(tenant);
    boolean stored = expectedVersion == 0 ? m.putIfAbsent(name, next) == null
        : replace(m, name, expectedVersion, next);
    if (!stored) {
      AggregateSnapshot current = m.get(name);
      throw new ConflictException(ConflictException.STALE_VERSION, "snapshot '" + name + "' of tenant '"
          + tenant + "' is at version " + (current == null ? 0 : current.version())
          + ", not " + expectedVersion);
    }
    return next.version();
  }

  private static boolean replace(ConcurrentSkipListMap<String, AggregateSnapshot> m, String name,
      long expectedVersion, AggregateSnapshot next) {
    AggregateSnapshot current = m.get(name);
    return current != null && current.version() == expectedVersion
        && m.replace(name, current, next);
  }

  @Override
  public Optional<AggregateSnapshot> get(TenantId tenant, String name) {
    AggregateSnapshot.checkName(name);
    Map<String, AggregateSnapshot> m = snapshots.get(Objects.requireNonNull(tenant, "tenant"));
    return Optional.ofNullable(m == null ? null : m.get(name));
  }

  @Override
  public List<String> list(TenantId tenant) {
    Map<String, AggregateSnapshot> m = snapshots.get(Objects.requireNonNull(tenant, "tenant"));
    return m == null ? List.of() : new ArrayList<>(m.keySet());
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    AggregateSnapshot.checkName(name);
    Map<String, AggregateSnapshot> m = snapshots.get(Objects.requireNonNull(tenant, "tenant"));
    return m != null && m.remove(name) != null;
  }

  @Override
  public String toString() {
    return "InMemoryAggregateStore";
  }
}
