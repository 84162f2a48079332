package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.identity.Directory;
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
 *       to. The Authorizer caches compiled snapshots per (tenant, version), so a change that does
 *       not bump the version is never seen.</li>
 *   <li><b>Thread safety.</b> Implementations are safe for concurrent use.</li>
 *   <li><b>Blocking.</b> Calls may block on I/O; {@link #version} should be cheap, as the
 *       Authorizer calls it on every check.</li>
 *   <li><b>Idempotency.</b> Reads have no side effects.</li>
 *   <li><b>Exceptions.</b> Infrastructure failures surface as
 *       {@link io.tenantry.core.error.PortFailureException}; the Authorizer then denies (fail
 *       closed).</li>
 * </ul>
 */
public interface DirectoryStore {

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
