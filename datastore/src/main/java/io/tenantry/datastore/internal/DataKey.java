package io.tenantry.datastore.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import io.tenantry.datastore.IntegrityException;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * A data key: a fresh AES-256-GCM key (Tink, no output prefix: 12-byte random IV, 16-byte tag) for
 * one chunk or one chunk map. Key material stays inside Tink's {@link SecretBytes} and {@link Aead};
 * this type has no {@code equals}, and its {@code toString} shows nothing.
 */
final class DataKey {
  static final int LENGTH = 32;
  private static final AesGcmParameters PARAMETERS;

  static {
    try {
      PARAMETERS = AesGcmParameters.builder().setKeySizeBytes(LENGTH).setIvSizeBytes(12)
          .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SecretBytes secret;
  private final Aead aead;

  private DataKey(SecretBytes secret) {
    this.secret = secret;
    try {
      this.aead = AesGcmJce.create(AesGcmKey.builder().setParameters(PARAMETERS)
          .setKeyBytes(secret).build());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink refused an AES-256-GCM data key", e);
    }
  }

  /** Generates a fresh key from Tink's secure random source. */
  static DataKey generate() {
    return new DataKey(SecretBytes.randomBytes(LENGTH));
  }

  /** Builds a key from unwrapped raw bytes and erases the array. */
  static DataKey fromRaw(byte[] raw) {
    try {
      if (raw.length != LENGTH) {
        throw new IntegrityException("an unwrapped data key has " + raw.length + " bytes, not "
            + LENGTH, null);
      }
      return new DataKey(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Returns a copy of the raw key for wrapping; the caller erases it. */
  byte[] rawForWrapping() {
    return secret.toByteArray(InsecureSecretKeyAccess.get());
  }

  byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    try {
      return aead.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Decrypts, or throws {@link IntegrityException} when the ciphertext does not authenticate. */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData, String what) {
    try {
      return aead.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException(what + " fails authentication", e);
    }
  }

  @Override
  public String toString() {
    return "DataKey[redacted]";
  }
}
