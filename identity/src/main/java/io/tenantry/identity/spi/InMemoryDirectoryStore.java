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
 * directory and bumps its version by one (the first version is 1; after a {@link #remove} the
 * count goes on, so a version never names two directories). For tests, demos and hosts that keep
 * the directory in memory.
 *
 * <p>Each tenant has one cell holding its current directory in a volatile field; the cell is also
 * the tenant's {@link #versionProbe}, so the Authorizer's per-check version read is one field
 * read. A removed tenant keeps its (empty) cell: a few dozen bytes, so that its probes stay valid
 * and its versions keep increasing.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {
  private final ConcurrentMap<TenantId, Cell> directories = new ConcurrentHashMap<>();

  /**
   * One tenant's current directory and its version (kept apart so that the probe reads one field);
   * written only inside the map's compute for its tenant.
   */
  private static final class Cell implements VersionProbe {
    volatile Versioned directory;
    volatile long version = NO_DIRECTORY;
    long last;

    @Override
    public long current() {
      return version;
    }
  }

  /** Creates an empty store. */
  public InMemoryDirectoryStore() {}

  /**
   * Stores (or replaces) a tenant's directory, under the directory's own tenant.
   *
   * @param directory the directory
   * @return the new version
   * @throws NullPointerException if {@code directory} is null
   * @throws io.tenantry.core.error.ConflictException of kind {@link #RESTRICTED_FLAG_CHANGED} if the
   *     directory flips the restricted flag of an AU the stored one has; nothing is stored
   */
  public long put(Directory directory) {
    Objects.requireNonNull(directory, "directory");
    long[] version = new long[1];
    directories.compute(directory.tenant(), (t, old) -> {
      Cell c = old == null ? new Cell() : old;
      Versioned stored = c.directory;
      if (stored != null) {
        DirectoryStore.requireRestrictedFlagsKept(DirectoryStore.restrictedFlags(stored.directory()), directory);
      }
      version[0] = ++c.last;
      c.directory = new Versioned(directory, version[0]);
      c.version = version[0];
      return c;
    });
    return version[0];
  }

  /**
   * Removes a tenant's directory.
   *
   * @param tenant the tenant
   * @return true when there was one
   */
  public boolean remove(TenantId tenant) {
    boolean[] removed = new boolean[1];
    directories.computeIfPresent(Objects.requireNonNull(tenant, "tenant"), (t, c) -> {
      removed[0] = c.directory != null;
      c.directory = null;
      c.version = NO_DIRECTORY;
      return c;
    });
    return removed[0];
  }

  @Override
  public OptionalLong version(TenantId tenant) {
    Versioned v = current(tenant);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v.version());
  }

  @Override
  public Optional<Versioned> load(TenantId tenant) {
    return Optional.ofNullable(current(tenant));
  }

  /**
   * Returns the tenant's cell, which reads its current version with one volatile read.
   *
   * @param tenant the tenant
   * @return the probe
   * @throws NullPointerException if {@code tenant} is null
   */
  @Override
  public VersionProbe versionProbe(TenantId tenant) {
    return directories.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new Cell());
  }

  private Versioned current(TenantId tenant) {
    Cell c = directories.get(Objects.requireNonNull(tenant, "tenant"));
    return c == null ? null : c.directory;
  }
}
