package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.Directory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The port through which the Authorizer reads a tenant's directory: the host's source of truth
 * for users, groups, AUs, roles and assignments.
 *
 * <p>Contract:
 * <ul>
 *   <li><b>One tenant per call.</b> Every method takes the tenant and returns only that tenant's
 *       data; an implementation never mixes tenants.</li>
 *   <li><b>Versions.</b> Each tenant's directory has a version that strictly increases whenever the
 *       directory changes; {@link #load} returns the directory together with the version it belongs
 *       to; no version is {@link #NO_DIRECTORY}. The Authorizer caches compiled snapshots per
 *       (tenant, version), so a change that does not bump the version is never seen, and a version
 *       is never reused for another directory of the tenant (not after a removal either).</li>
 *   <li><b>Thread safety.</b> Implementations are safe for concurrent use.</li>
 *   <li><b>Blocking.</b> Calls may block on I/O; the Authorizer reads the version on every
 *       check through {@link #versionProbe}, which should be cheap.</li>
 *   <li><b>Idempotency.</b> Reads have no side effects.</li>
 *   <li><b>Immutable restricted flag.</b> A store's write path refuses a directory that flips the
 *       restricted-management flag of an AU it already holds (see
 *       {@link #requireRestrictedFlagsKept}).</li>
 *   <li><b>Exceptions.</b> Infrastructure failures surface as
 *       {@link io.tenantry.core.error.PortFailureException}; the Authorizer then denies (fail
 *       closed).</li>
 * </ul>
 */
public interface DirectoryStore {

  /** What {@link VersionProbe#current()} returns while a tenant has no directory; never a version. */
  long NO_DIRECTORY = Long.MIN_VALUE;

  /** The {@link ConflictException#kind()} of a write that would flip an AU's restricted flag. */
  String RESTRICTED_FLAG_CHANGED = "RESTRICTED_FLAG_CHANGED";

  /**
   * Refuses a new directory that flips the restricted-management flag of an administrative unit
   * the stored directory also has: the flag "must be set at creation; immutable afterwards"
   * ({@code directory-semantics.md} §1.7, 9.14). Every store's write path calls this (with what it
   * holds) before replacing a directory; AUs that are new or removed are not concerned.
   *
   * @param previous the stored directory's restricted flag of each AU, by AU id
   * @param next the directory about to be stored
   * @throws ConflictException of kind {@link #RESTRICTED_FLAG_CHANGED} naming the first such AU
   *     (in {@code next}'s order) and its old and new value; nothing may then be written
   * @throws NullPointerException if an argument is null
   */
  static void requireRestrictedFlagsKept(Map<String, Boolean> previous, Directory next) {
    Objects.requireNonNull(previous, "previous");
    for (AdministrativeUnit au : next.adminUnits()) {
      Boolean was = previous.get(au.id().value());
      if (was != null && was != au.restricted()) {
        throw new ConflictException(RESTRICTED_FLAG_CHANGED, "administrative unit '" + au.id().value()
            + "' of tenant " + next.tenant() + " was stored with restricted=" + was + " and cannot become restricted="
            + au.restricted() + ": restricted management is set when an AU is created and is immutable"
            + " afterwards (§1.7); create a new AU instead");
      }
    }
  }

  /**
   * The restricted-management flag of each AU of a directory, by AU id, for
   * {@link #requireRestrictedFlagsKept}.
   *
   * @param directory the directory
   * @return the flags
   */
  static Map<String, Boolean> restrictedFlags(Directory directory) {
    Map<String, Boolean> flags = new HashMap<>();
    for (AdministrativeUnit au : directory.adminUnits()) {
      flags.put(au.id().value(), au.restricted());
    }
    return flags;
  }

  /**
   * Returns the current version of a tenant's directory.
   *
   * @param tenant the tenant
   * @return the version, or empty when the tenant has no directory
   * @throws io.tenantry.core.error.PortFailureException if the store cannot answer
   */
  OptionalLong version(TenantId tenant);

  /**
   * Loads a tenant's directory with its version.
   *
   * @param tenant the tenant
   * @return the directory and its version, or empty when the tenant has none
   * @throws io.tenantry.core.error.PortFailureException if the store cannot answer
   */
  Optional<Versioned> load(TenantId tenant);

  /**
   * Returns a probe that reads one tenant's current version again and again, for a caller that
   * asks on every check (the Authorizer asks it before using a cached snapshot). The probe is
   * exact, not a cache: {@link VersionProbe#current()} answers what {@link #version} would answer
   * at that moment. The default delegates to {@link #version}; a store that can answer from memory
   * (a volatile field it updates on every write) overrides it so a check costs no lookup.
   *
   * @param tenant the tenant
   * @return the probe, valid for the store's lifetime, also before the tenant's first directory
   * @throws NullPointerException if {@code tenant} is null
   */
  default VersionProbe versionProbe(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return () -> {
      OptionalLong v = version(tenant);
      return v.isPresent() ? v.getAsLong() : NO_DIRECTORY;
    };
  }

  /**
   * One tenant's current directory version, read on demand (see {@link #versionProbe}).
   * Thread-safe.
   */
  @FunctionalInterface
  interface VersionProbe {
    /**
     * Reads the tenant's current version.
     *
     * @return the version, or {@link #NO_DIRECTORY} when the tenant has no directory
     * @throws io.tenantry.core.error.PortFailureException if the store cannot answer
     */
    long current();
  }

  /**
   * A directory together with the version it had when read.
   *
   * @param directory the directory
   * @param version its version
   */
  record Versioned(Directory directory, long version) {
    /**
     * Validates the pair.
     *
     * @throws NullPointerException if {@code directory} is null
     */
    public Versioned {
      Objects.requireNonNull(directory, "directory");
    }
  }
}
