package io.tenantry.datastore.spi;

/** The life of a tenant's key-encryption keys in a {@link KeyEncryptionService}. */
public enum KeyState {
  /** The tenant has no keys yet; the first wrap creates them. */
  ABSENT,
  /** The tenant has keys; one of them is primary and wraps new data keys. */
  ACTIVE,
  /** The tenant's keys were destroyed: nothing it stored can be unwrapped again. Final. */
  SHREDDED
}
