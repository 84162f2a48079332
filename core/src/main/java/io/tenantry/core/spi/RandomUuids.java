package io.tenantry.core.spi;

import java.security.SecureRandom;

/** The {@link IdGenerator#random()} generator: version 4 UUIDs from a {@link SecureRandom}. */
final class RandomUuids implements IdGenerator {
  static final RandomUuids INSTANCE = new RandomUuids();
  private final SecureRandom random = new SecureRandom();

  private RandomUuids() {}

  @Override
  public String newId() {
    // one draw of 16 bytes rather than two of 8: each draw of the JDK's default source takes a lock
    byte[] b = new byte[16];
    random.nextBytes(b);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xFF);
      lo = (lo << 8) | (b[i + 8] & 0xFF);
    }
    return format(hi, lo);
  }

  /** Formats two longs as a version 4, variant 2 UUID string. */
  static String format(long hi, long lo) {
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }
}
