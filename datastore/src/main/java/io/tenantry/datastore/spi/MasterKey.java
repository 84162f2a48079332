package io.tenantry.datastore.spi;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import com.google.crypto.tink.util.SecretBytes;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The master key that encrypts the local key store of {@link TinkKeyEncryptionService}: 32 bytes
 * used as an AES-256-GCM key through Tink.
 *
 * <p>Key material is guarded by construction: this type has no {@code toString} that shows it, no
 * {@code equals}, and never hands the raw bytes back. A real deployment keeps the master key in a
 * key service and wires a {@link KeyEncryptionService} over it instead.
 */
public final class MasterKey {
  /** The master key's length in bytes. */
  public static final int LENGTH = 32;
  private final Aead aead;

  private MasterKey(Aead aead) {
    this.aead = aead;
  }

  /**
   * Builds a master key from raw bytes; the array is erased afterwards.
   *
   * @param raw exactly 32 bytes
   * @return the key
   * @throws ValidationException if the length is not 32
   */
  public static MasterKey fromBytes(byte[] raw) {
    if (raw == null || raw.length != LENGTH) {
      throw new ValidationException(Problem.of("masterKey", "must be " + LENGTH
          + " bytes, got " + (raw == null ? "none" : raw.length + ""), null));
    }
    try {
      AesGcmKey key = AesGcmKey.builder()
          .setParameters(AesGcmParameters.builder().setKeySizeBytes(LENGTH).setIvSizeBytes(12)
              .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build())
          .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
          .build();
      return new MasterKey(AesGcmJce.create(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink refused an AES-256-GCM master key", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Builds a master key from its base64 form (as in {@code TENANTRY_MASTER_KEY}).
   *
   * @param base64 the key, standard base64 of 32 bytes; surrounding white space is ignored
   * @return the key
   * @throws ValidationException if the text is not base64 of 32 bytes (the message never shows it)
   */
  public static MasterKey fromBase64(String base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(Problem.of("masterKey", "is not valid base64", null));
    }
    return fromBytes(raw);
  }

  /**
   * Generates a new random master key with Tink's secure random source and returns its base64
   * form, for a store that has no key service (the caller persists it and warns).
   *
   * @return base64 of 32 fresh random bytes
   */
  public static String generateBase64() {
    byte[] raw = Random.randBytes(LENGTH);
    try {
      return Base64.getEncoder().encodeToString(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Returns the AEAD the key store uses; package-private so key material never leaves. */
  Aead aead() {
    return aead;
  }

  /**
   * Returns a fixed text that never shows key material.
   *
   * @return {@code MasterKey[redacted]}
   */
  @Override
  public String toString() {
    return "MasterKey[redacted]";
  }
}
