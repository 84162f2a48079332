package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;
import java.util.Optional;

/**
 * Where {@link TinkKeyEncryptionService} keeps each tenant's keyset, already encrypted under the
 * {@link MasterKey} with the tenant id as associated data: the store holds opaque bytes and never
 * sees key material. Implementations: {@link InMemoryKeysetStore}, {@link FolderKeysetStore}, and
 * a database table ({@code io.tenantry.jdbc.datastore.JdbcKeysetStore}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call names one tenant and touches only its keyset.</li>
 *   <li><b>Compare-and-set.</b> {@link #create} succeeds only for a tenant without a keyset and
 *       {@link #replace} only when the stored version is the one expected, so two processes that
 *       create or rotate a tenant's keys at once never lose a key: the loser reads the winner's
 *       keyset and goes on from it.</li>
 *   <li><b>Shredding is final.</b> After {@link #shred} the keyset is gone for good (no copy kept,
 *       as far as the medium allows), {@link #isShredded} is true for ever, {@link #read}, {@link
 *       #create} and {@link #replace} throw {@link io.tenantry.datastore.TenantShreddedException}.
 *       {@code shred} is idempotent, and works for a tenant that never had keys.</li>
 *   <li><b>Threads and failures.</b> Thread-safe; calls may block. A failing medium throws {@link
 *       io.tenantry.core.error.PortFailureException} carrying the cause, and changes nothing.</li>
 * </ul>
 */
public interface KeysetStore {

  /**
   * Reads a tenant's keyset.
   *
   * @param tenant the tenant
   * @return the keyset, or empty when the tenant has none
   * @throws io.tenantry.datastore.TenantShreddedException if the tenant was shredded
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  Optional<StoredKeyset> read(TenantId tenant);

  /**
   * Stores a tenant's first keyset, unless it has one.
   *
   * @param tenant the tenant
   * @param encryptedKeyset the encrypted keyset
   * @return true when stored; false when the tenant already had a keyset (left unchanged)
   * @throws io.tenantry.datastore.TenantShreddedException if the tenant was shredded
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  boolean create(TenantId tenant, byte[] encryptedKeyset);

  /**
   * Replaces a tenant's keyset if it is still the version read.
   *
   * @param tenant the tenant
   * @param expectedVersion the {@link StoredKeyset#version()} that was read
   * @param encryptedKeyset the new encrypted keyset
   * @return true when replaced; false when the keyset changed meanwhile or is missing
   * @throws io.tenantry.datastore.TenantShreddedException if the tenant was shredded
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  boolean replace(TenantId tenant, long expectedVersion, byte[] encryptedKeyset);

  /**
   * Destroys a tenant's keyset for good and remembers that the tenant was shredded. Idempotent.
   *
   * @param tenant the tenant
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  void shred(TenantId tenant);

  /**
   * Tells whether a tenant was shredded.
   *
   * @param tenant the tenant
   * @return true after {@link #shred}
   * @throws io.tenantry.core.error.PortFailureException if the store fails
   */
  boolean isShredded(TenantId tenant);
}
