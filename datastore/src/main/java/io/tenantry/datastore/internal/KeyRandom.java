package io.tenantry.datastore.internal;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The random bytes of an engine's data keys and nonces: the JDK's NIST SP 800-90A DRBG ({@code
 * Hash_DRBG} over SHA-256 at 256-bit strength, seeded by the JDK from the operating system's
 * entropy), drawn into a pool of {@value #POOL} bytes and handed out once each.
 *
 * <p>Why a pool. Every version needs a fresh chunk key and three nonces (68 bytes). The JDK's
 * default source on Linux ({@code NativePRNG}, which Tink's {@code Random} wraps) costs about 7 ns
 * a byte however much is asked, half a microsecond per version; the DRBG costs about 2.7 ns a
 * byte when asked for kilobytes at a time, and far more per byte for small requests. Drawing
 * 4 KiB at a time keeps a put's share near 0.2 microseconds.
 *
 * <p>What it changes for secrecy. Bytes waiting in the pool are future key material held in the
 * heap, next to the DRBG's own state, which determines them just as well: anyone who can read
 * the heap can read both, and the unwrapped intermediate keys the engine caches besides. Bytes are
 * erased from the pool as they are handed out, and each is handed out once. Thread-safe: one lock,
 * held for a copy (and, once every few dozen versions, a refill).
 */
final class KeyRandom {
  /** Bytes drawn from the DRBG at a time. */
  static final int POOL = 4096;

  private final SecureRandom source;
  private final byte[] pool = new byte[POOL];
  /** Bytes of the pool not yet handed out, at its end. */
  private int left;

  /** Creates a pool over a new DRBG instance (the JDK's default source if it has no DRBG). */
  KeyRandom() {
    this(drbg());
  }

  /**
   * Creates a pool over a source.
   *
   * @param source the random source (a test may pass its own)
   */
  KeyRandom(SecureRandom source) {
    this.source = source;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG", DrbgParameters.instantiation(256,
          DrbgParameters.Capability.RESEED_ONLY, null));
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /**
   * Returns {@code length} fresh random bytes, never handed out before.
   *
   * @param length how many
   * @return a new array of that many random bytes
   */
  byte[] next(int length) {
    byte[] out = new byte[length];
    int at = 0;
    synchronized (this) {
      while (at < length) {
        if (left == 0) {
          source.nextBytes(pool);
          left = POOL;
        }
        int take = Math.min(length - at, left);
        int from = POOL - left;
        System.arraycopy(pool, from, out, at, take);
        Arrays.fill(pool, from, from + take, (byte) 0);
        left -= take;
        at += take;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "KeyRandom[redacted]";
  }
}
