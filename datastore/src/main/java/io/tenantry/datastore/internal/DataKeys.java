package io.tenantry.datastore.internal;

import com.google.crypto.tink.subtle.Random;
import io.tenantry.datastore.IntegrityException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys of one object version: key 0 encrypts the chunk map, key {@code i + 1} encrypts
 * chunk {@code i}. Each is a fresh, random AES-256 key used for exactly one message, with a fresh
 * random 96-bit nonce and a 128-bit tag (AES-GCM of the JDK's provider, through one reusable
 * {@link Cipher} per thread). All the keys of a version are wrapped together, in one call to the
 * key service, so a put costs one wrap whatever the number of chunks, and a read one cache lookup.
 *
 * <p>A sealed message is {@code nonce (12) | ciphertext | tag (16)}, optionally after a clear
 * header of {@code head} bytes that the caller fills. Key material stays in this type, which has no
 * {@code equals} and whose {@code toString} shows nothing; randomness comes from Tink's
 * thread-local secure random source.
 */
final class DataKeys {
  /** Bytes per key. */
  static final int KEY = 32;
  /** Bytes of nonce. */
  static final int NONCE = 12;
  /** Bytes of tag. */
  static final int TAG = 16;
  /**
   * One cipher per thread for chunks, another for maps. The JDK's AES expands a key (its round
   * keys, several microseconds for AES-256, far more than sealing a small chunk) only when a
   * cipher is initialised with a key other than its last one; keeping maps off the chunk cipher
   * lets a read that follows a write of the same object in the same thread reuse the chunk's
   * expansion instead of redoing it. Every message is still initialised with its own key and
   * nonce, and authenticated.
   */
  private static final ThreadLocal<Cipher> CHUNK_CIPHER = ThreadLocal.withInitial(DataKeys::gcm);
  private static final ThreadLocal<Cipher> MAP_CIPHER = ThreadLocal.withInitial(DataKeys::gcm);

  private static Cipher gcm() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
    }
  }

  private static Cipher cipherFor(int index) {
    return (index == 0 ? MAP_CIPHER : CHUNK_CIPHER).get();
  }

  private final byte[] raw;

  private DataKeys(byte[] raw) {
    this.raw = raw;
  }

  /**
   * Adopts unwrapped key material: {@code keyCount} keys of 32 bytes.
   *
   * @throws IntegrityException if the material is not exactly {@code keyCount} keys
   */
  static DataKeys adopt(byte[] raw, int keyCount) {
    if (keyCount < 1 || raw.length != (long) keyCount * KEY) {
      Arrays.fill(raw, (byte) 0);
      throw new IntegrityException("the unwrapped data keys are " + raw.length + " bytes, not "
          + keyCount + " keys of " + KEY, null);
    }
    return new DataKeys(raw);
  }

  /** How many keys there are (the chunk count plus one). */
  int count() {
    return raw.length / KEY;
  }

  /**
   * Returns a copy of the raw keys for wrapping (a key service may erase what it is given); the
   * caller erases it.
   */
  byte[] rawForWrapping() {
    return raw.clone();
  }

  /**
   * Decrypts a sealed message with key {@code index}.
   *
   * @param index the key (0: the map, {@code i + 1}: chunk {@code i})
   * @param sealed the bytes holding the message
   * @param head where the message starts in {@code sealed}
   * @param associatedData the associated data it was sealed with
   * @param what what it is, for the message of the exception
   * @return the plaintext
   * @throws IntegrityException if it does not authenticate
   */
  byte[] open(int index, byte[] sealed, int head, byte[] associatedData, String what) {
    if (sealed.length - head < NONCE + TAG) {
      throw new IntegrityException(what + " is truncated", null);
    }
    Cipher c = cipherFor(index);
    try {
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, index * KEY, KEY, "AES"),
          new GCMParameterSpec(TAG * 8, sealed, head, NONCE));
      c.updateAAD(associatedData);
      return c.doFinal(sealed, head + NONCE, sealed.length - head - NONCE);
    } catch (AEADBadTagException e) {
      throw new IntegrityException(what + " fails authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  @Override
  public String toString() {
    return "DataKeys[redacted]";
  }

  /**
   * Collects the fresh keys of a version being written: every {@link #seal} draws a new key and
   * a new nonce, encrypts one message with them and keeps the key; {@link #done} seals the map
   * under key 0 and hands back all the keys.
   */
  static final class Writer {
    private static final int FRESH = KEY + NONCE;
    private byte[] keys = new byte[2 * KEY];
    private int count = 1;
    private boolean mapSealed;
    /** Random bytes drawn ahead: one draw serves the first chunk and the map. */
    private byte[] pool = Random.randBytes(2 * FRESH);
    private int pooled = 2 * FRESH;

    /**
     * Encrypts chunk {@code count - 1}'s plaintext under a fresh key.
     *
     * @return {@code nonce | ciphertext | tag}
     */
    byte[] sealChunk(byte[] plain, int offset, int length, byte[] associatedData) {
      if ((count + 1) * KEY > keys.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
      byte[] out = seal(keys, count * KEY, fresh(), plain, offset, length, associatedData, 0);
      count++;
      return out;
    }

    /** Seals the map under key 0, after a clear header of {@code head} bytes left to the caller. */
    byte[] sealMap(byte[] plain, byte[] associatedData, int head) {
      if (mapSealed) {
        throw new IllegalStateException("the map of a version is sealed once");
      }
      mapSealed = true;
      return seal(keys, 0, fresh(), plain, 0, plain.length, associatedData, head);
    }

    /** Returns the keys drawn: the map's, then one per chunk sealed; the map comes last. */
    DataKeys done() {
      if (!mapSealed) {
        throw new IllegalStateException("the map is sealed before the keys are handed out");
      }
      byte[] exact = keys.length == count * KEY ? keys : Arrays.copyOf(keys, count * KEY);
      if (exact != keys) {
        Arrays.fill(keys, (byte) 0);
      }
      keys = null;
      Arrays.fill(pool, (byte) 0);
      return new DataKeys(exact);
    }

    /** Returns the offset in {@link #pool} of a fresh key followed by a fresh nonce. */
    private int fresh() {
      if (pooled == 0) {
        Arrays.fill(pool, (byte) 0);
        pool = Random.randBytes(FRESH);
        pooled = FRESH;
      }
      pooled -= FRESH;
      return pooled;
    }

    private byte[] seal(byte[] keys, int keyOffset, int freshAt, byte[] plain, int offset,
        int length, byte[] associatedData, int head) {
      System.arraycopy(pool, freshAt, keys, keyOffset, KEY);
      byte[] out = new byte[head + NONCE + length + TAG];
      System.arraycopy(pool, freshAt + KEY, out, head, NONCE);
      Arrays.fill(pool, freshAt, freshAt + FRESH, (byte) 0);
      Cipher c = cipherFor(keyOffset / KEY);
      try {
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys, keyOffset, KEY, "AES"),
            new GCMParameterSpec(TAG * 8, out, head, NONCE));
        c.updateAAD(associatedData);
        c.doFinal(plain, offset, length, out, head + NONCE);
        return out;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM encryption failed", e);
      }
    }
  }
}
