package io.tenantry.datastore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pool of random bytes hands every byte of its source out once, in order, and keeps none. */
class KeyRandomTest {

  /** A source that counts: byte i of its output is i modulo 256, so reuse or loss would show. */
  private static final class Counting extends SecureRandom {
    private long produced;

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) produced++;
      }
    }
  }

  @Test
  void next_drawsAcrossRefills_returnTheSourceStreamInOrderOnce() {
    Counting source = new Counting();
    KeyRandom random = new KeyRandom(source);
    long expected = 0;
    // 68 and 44 bytes are what a version's first and later chunks take; the pool refills midway
    for (int draw = 0; draw < 200; draw++) {
      byte[] b = random.next(draw % 2 == 0 ? 68 : 44);
      for (byte x : b) {
        assertThat(x).isEqualTo((byte) expected++);
      }
    }
    assertThat(source.produced).isGreaterThanOrEqualTo(expected)
        .isLessThan(expected + KeyRandom.POOL);
  }

  @Test
  void next_requestLargerThanThePool_isFilledCompletely() {
    KeyRandom random = new KeyRandom(new Counting());
    byte[] b = random.next(3 * KeyRandom.POOL + 5);
    for (int i = 0; i < b.length; i++) {
      assertThat(b[i]).isEqualTo((byte) i);
    }
  }

  @Test
  void next_defaultSource_neverRepeatsAKey() {
    KeyRandom random = new KeyRandom();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      assertThat(keys.add(HexFormat.of().formatHex(random.next(DataKeys.KEY)))).isTrue();
    }
  }
}
