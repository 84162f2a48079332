package io.tenantry.datastore.internal;

import io.tenantry.datastore.IntegrityException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one object version: key 0 seals the chunk map, key {@code i + 1} encrypts chunk
 * {@code i}. Each chunk key is a fresh, random AES-256 key used for exactly one message, with a
 * fresh random 96-bit nonce and a 128-bit tag (AES-GCM of the JDK's provider, through reusable
 * {@link Cipher}s per thread).
 *
 * <p>Two formats. In the current one (keys blob {@code TKY3}) key 0 is the tenant's intermediate
 * key ({@link IntermediateKey}): it seals the map and the chunk keys, so a version costs no call to
 * the key service and no key schedule beyond its chunks'. In the previous one ({@code TKY2}, still
 * read) key 0 was a fresh map key and all the keys were wrapped together by the key service.
 *
 * <p>A sealed message is {@code nonce (12) | ciphertext | tag (16)}, optionally after a clear
 * header of {@code head} bytes that the caller fills. Key material stays in this type, which has no
 * {@code equals} and whose {@code toString} shows nothing; randomness comes from the engine's
 * {@link KeyRandom}, one draw per version for the first chunk and the map.
 */
final class DataKeys {
  /** Bytes per key. */
  static final int KEY = 32;
  /** Bytes of nonce. */
  static final int NONCE = 12;
  /** Bytes of tag. */
  static final int TAG = 16;
  /**
   * One cipher per thread for chunks, another for key 0 (maps and wrapped keys). The JDK's AES
   * expands a key (its round keys: about a microsecond for AES-256, as much as sealing a 1 KiB
   * chunk) only when a cipher is initialised with a key other than its last one. Key 0 is the
   * tenant's intermediate key, the same for many versions, so on its own cipher it stays expanded
   * from one version to the next; and a read that follows a write of the same object in the same
   * thread finds the chunk key still expanded on the chunk cipher. Every message is still
   * initialised with its key and a fresh nonce, and authenticated.
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
   * Seals the chunk keys (all but key 0) under key 0, the intermediate key: the current format's
   * wrapped keys.
   *
   * @param nonce 12 fresh random bytes
   * @param associatedData the keys blob's associated data
   * @return {@code nonce | ciphertext | tag}
   */
  byte[] sealChunkKeys(byte[] nonce, byte[] associatedData) {
    return sealWith(raw, 0, nonce, 0, raw, KEY, raw.length - KEY, associatedData, 0);
  }

  /**
   * Opens chunk keys sealed by {@link #sealChunkKeys} under an intermediate key.
   *
   * @param intermediate the intermediate key (32 bytes, copied)
   * @param sealed {@code nonce | ciphertext | tag}
   * @param associatedData the keys blob's associated data
   * @param chunkKeys how many chunk keys the blob declares
   * @return the keys, the intermediate key at index 0
   * @throws IntegrityException if the sealed keys do not authenticate or are not {@code
   *     chunkKeys} keys
   */
  static DataKeys openChunkKeys(byte[] intermediate, byte[] sealed, byte[] associatedData,
      int chunkKeys) {
    DataKeys tik = new DataKeys(intermediate);
    byte[] keys = tik.open(0, sealed, 0, associatedData, "wrapped keys");
    if (keys.length != (long) chunkKeys * KEY) {
      Arrays.fill(keys, (byte) 0);
      throw new IntegrityException("the wrapped keys are " + keys.length + " bytes, not "
          + chunkKeys + " keys of " + KEY, null);
    }
    byte[] all = Arrays.copyOf(intermediate, KEY + keys.length);
    System.arraycopy(keys, 0, all, KEY, keys.length);
    Arrays.fill(keys, (byte) 0);
    return new DataKeys(all);
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
   * Collects the keys of a version being written: key 0 is the intermediate key given, every
   * {@link #sealChunk} draws a new key and a new nonce, encrypts one message with them and keeps
   * the key; {@link #sealMap} seals the map under key 0; {@link #done} hands back all the keys.
   */
  static final class Writer {
    private static final int FRESH = KEY + NONCE;
    private final KeyRandom random;
    private byte[] keys = new byte[2 * KEY];
    private int count = 1;
    private boolean mapSealed;
    /**
     * Random bytes drawn ahead: one draw serves the first chunk's key and nonce, the map's nonce
     * and the wrapped keys' nonce.
     */
    private byte[] pool;
    private int pooled = FRESH;
    /** The map's nonce, then the wrapped keys' nonce, from the first draw. */
    private final byte[] nonces;

    /**
     * Starts a version whose map and chunk keys go under an intermediate key.
     *
     * @param intermediate the tenant's intermediate key, 32 bytes (copied)
     * @param random where fresh keys and nonces come from
     */
    Writer(byte[] intermediate, KeyRandom random) {
      this.random = random;
      this.pool = random.next(FRESH + 2 * NONCE);
      this.nonces = Arrays.copyOfRange(pool, FRESH, FRESH + 2 * NONCE);
      System.arraycopy(intermediate, 0, keys, 0, KEY);
    }

    /**
     * Encrypts chunk {@code count - 1}'s plaintext under a fresh key.
     *
     * @return {@code nonce | ciphertext | tag}
     */
    byte[] sealChunk(byte[] plain, int offset, int length, byte[] associatedData) {
      if ((count + 1) * KEY > keys.length) {
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
      int at = fresh();
      System.arraycopy(pool, at, keys, count * KEY, KEY);
      byte[] out = sealWith(keys, count * KEY, pool, at + KEY, plain, offset, length,
          associatedData, 0);
      Arrays.fill(pool, at, at + FRESH, (byte) 0);
      count++;
      return out;
    }

    /** Seals the map under key 0, after a clear header of {@code head} bytes left to the caller. */
    byte[] sealMap(byte[] plain, byte[] associatedData, int head) {
      if (mapSealed) {
        throw new IllegalStateException("the map of a version is sealed once");
      }
      mapSealed = true;
      return sealWith(keys, 0, nonces, 0, plain, 0, plain.length, associatedData, head);
    }

    /** Returns a fresh nonce for the wrapped keys (from the version's one draw). */
    byte[] keysNonce() {
      return Arrays.copyOfRange(nonces, NONCE, 2 * NONCE);
    }

    /** Returns the keys: key 0, then one per chunk sealed; the map must be sealed first. */
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
      Arrays.fill(nonces, (byte) 0);
      return new DataKeys(exact);
    }

    /** Returns the offset in {@link #pool} of a fresh key followed by a fresh nonce. */
    private int fresh() {
      if (pooled == 0) {
        Arrays.fill(pool, (byte) 0);
        pool = random.next(FRESH);
        pooled = FRESH;
      }
      pooled -= FRESH;
      return pooled;
    }
  }

  /**
   * Seals one message with the key at {@code keyOffset} of {@code keys} and the nonce at {@code
   * nonceAt} of {@code nonces}: key 0 (a map, wrapped keys) on the map cipher, others on the chunk
   * cipher.
   */
  private static byte[] sealWith(byte[] keys, int keyOffset, byte[] nonces, int nonceAt,
      byte[] plain, int offset, int length, byte[] associatedData, int head) {
    byte[] out = new byte[head + NONCE + length + TAG];
    System.arraycopy(nonces, nonceAt, out, head, NONCE);
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
