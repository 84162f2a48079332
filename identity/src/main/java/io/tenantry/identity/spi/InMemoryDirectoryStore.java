package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.identity.Directory;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A thread-safe {@link DirectoryStore} held in memory: each {@link #put} replaces the tenant's
 * directory and bumps its version by one (the first version is 1). For tests, demos and hosts that
 * keep the directory in memory.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {
  private final ConcurrentMap<TenantId, Versioned> directories = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryDirectoryStore() {}

  /**
   * Stores (or replaces) a tenant's directory, under the directory's own tenant.
   *
   * @param directory the directory
   * @return the new version
   * @throws NullPointerException if {@code directory} is null
   */
  public long put(Directory directory) {
    Objects.requireNonNull(directory, "directory");
    return directories.compute(directory.tenant(), (t, old) ->
        new Versioned(directory, old == null ? 1 : old.version() + 1)).version();
  }

  /**
   * Removes a tenant's directory.
   *
   * @param tenant the tenant
   * @return true when there was one
   */
  public boolean remove(TenantId tenant) {
    return directories.remove(Objects.requireNonNull(tenant, "tenant")) != null;
  }

  @Override
  public OptionalLong version(TenantId tenant) {
    Versioned v = directories.get(Objects.requireNonNull(tenant, "tenant"));
    return v == null ? OptionalLong.empty() : OptionalLong.of(v.version());
  }

  @Override
  public Optional<Versioned> load(TenantId tenant) {
    return Optional.ofNullable(directories.get(Objects.requireNonNull(tenant, "tenant")));
  }
}
