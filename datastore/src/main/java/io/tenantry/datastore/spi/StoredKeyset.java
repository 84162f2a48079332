package io.tenantry.datastore.spi;

import java.util.Objects;

/**
 * A tenant's keyset as a {@link KeysetStore} holds it: the keyset encrypted under the master key
 * (the store never sees key material in the clear) and a version token for compare-and-set.
 *
 * <p>The version is opaque: it changes whenever the stored keyset changes, and is handed back to
 * {@link KeysetStore#replace} to replace exactly this keyset. Immutable; the bytes are copied in
 * and out. No {@code equals}: key material, even encrypted, is not compared by value.
 */
public final class StoredKeyset {
  private final byte[] encrypted;
  private final long version;

  /**
   * Creates a stored keyset.
   *
   * @param encrypted the encrypted keyset (copied)
   * @param version its version token
   * @throws NullPointerException if {@code encrypted} is null
   */
  public StoredKeyset(byte[] encrypted, long version) {
    this.encrypted = Objects.requireNonNull(encrypted, "encrypted").clone();
    this.version = version;
  }

  /**
   * Returns the encrypted keyset.
   *
   * @return a fresh copy of the bytes
   */
  public byte[] encrypted() {
    return encrypted.clone();
  }

  /**
   * Returns the version token.
   *
   * @return the token {@link KeysetStore#replace} expects
   */
  public long version() {
    return version;
  }

  /**
   * Returns a text that shows the size and version only.
   *
   * @return e.g. {@code StoredKeyset[148 bytes, version 2]}
   */
  @Override
  public String toString() {
    return "StoredKeyset[" + encrypted.length + " bytes, version " + version + "]";
  }
}
