package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;

/**
 * The port that holds each tenant's key-encryption keys (KEKs) and wraps and unwraps data keys
 * with them. The default is {@link TinkKeyEncryptionService} (a per-tenant Tink keyset in a local
 * key store, encrypted under a master key); a host wires its KMS or HSM here.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call names exactly one tenant and uses only that tenant's keys:
 *       a key wrapped for one tenant never unwraps for another.</li>
 *   <li><b>Associated data.</b> {@code wrap} binds the wrapped key to the associated data given;
 *       {@code unwrap} fails unless the same bytes are given again.</li>
 *   <li><b>Rotation.</b> {@link #rotate} makes a new primary key; keys wrapped before stay
 *       unwrappable until {@link #destroy}.</li>
 *   <li><b>Shredding.</b> {@link #destroy} is final and idempotent: afterwards {@link #state} is
 *       {@link KeyState#SHREDDED} and every wrap and unwrap of the tenant throws {@link
 *       io.tenantry.datastore.TenantShreddedException}.</li>
 *   <li><b>Cost.</b> Calls may be remote and slow; the store wraps with it only its tenants'
 *       intermediate keys (which seal the data keys locally) and caches them unwrapped, so it
 *       calls neither {@code wrap} nor {@code unwrap} per object on its hot path.</li>
 *   <li><b>Threads.</b> Implementations are thread-safe; calls may block.</li>
 *   <li><b>Failures.</b> A wrapped key that fails authentication throws {@link
 *       io.tenantry.datastore.IntegrityException}; an unreachable key service throws {@link
 *       io.tenantry.core.error.PortFailureException}. Callers fail closed.</li>
 * </ul>
 */
public interface KeyEncryptionService {

  /**
   * Wraps a data key under the tenant's primary key, creating the tenant's keys on first use.
   *
   * @param tenant the tenant
   * @param dataKey the raw data key (not kept)
   * @param associatedData bytes the wrapped key is bound to
   * @return the wrapped key
   * @throws io.tenantry.datastore.TenantShreddedException if the tenant's keys were destroyed
   * @throws io.tenantry.core.error.PortFailureException if the key service fails
   */
  byte[] wrap(TenantId tenant, byte[] dataKey, byte[] associatedData);

  /**
   * Unwraps a data key with whichever of the tenant's keys wrapped it.
   *
   * @param tenant the tenant
   * @param wrappedKey the wrapped key
   * @param associatedData the bytes given to {@link #wrap}
   * @return the raw data key; the caller erases it after use
   * @throws io.tenantry.datastore.IntegrityException if the wrapped key does not authenticate
   *     under any of the tenant's keys with this associated data, or the tenant has no keys
   * @throws io.tenantry.datastore.TenantShreddedException if the tenant's keys were destroyed
   * @throws io.tenantry.core.error.PortFailureException if the key service fails
   */
  byte[] unwrap(TenantId tenant, byte[] wrappedKey, byte[] associatedData);

  /**
   * Adds a new primary key for the tenant; older keys stay usable for unwrapping.
   *
   * @param tenant the tenant
   * @throws io.tenantry.core.error.NotFoundException if the tenant has no keys
   * @throws io.tenantry.datastore.TenantShreddedException if the tenant's keys were destroyed
   * @throws io.tenantry.core.error.PortFailureException if the key service fails
   */
  void rotate(TenantId tenant);

  /**
   * Destroys every key of the tenant, for good (crypto-shredding). Idempotent.
   *
   * @param tenant the tenant
   * @throws io.tenantry.core.error.PortFailureException if the key service fails
   */
  void destroy(TenantId tenant);

  /**
   * Tells the state of the tenant's keys.
   *
   * @param tenant the tenant
   * @return absent, active or shredded
   * @throws io.tenantry.core.error.PortFailureException if the key service fails
   */
  KeyState state(TenantId tenant);
}
