package io.tenantry.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

class BitsetsPropertyTest {

  /** The library's conversion: what {@link Bitsets#bitmapOf} must equal container by container. */
  private static byte[] libraryBytes(long[] words) {
    RoaringBitmap r = BitSetUtil.bitmapOf(words);
    r.runOptimize();
    return bytes(r);
  }

  /** The portable serialisation names every container's kind (array, bitmap, runs). */
  private static byte[] bytes(RoaringBitmap r) {
    ByteBuffer b = ByteBuffer.allocate(r.serializedSizeInBytes());
    r.serialize(b);
    return b.array();
  }

  /**
   * Random bitsets: per block, a density from empty to full, some made of runs of a random
   * length, over lengths that end inside and on a block's edge.
   */
  private static long[] words(long seed, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] words = new long[length];
    for (int from = 0; from < length; from += 1024) {
      int to = Math.min(from + 1024, length);
      int kind = random.nextInt(5);
      double density = random.nextDouble();
      int runLength = 1 + random.nextInt(200);
      boolean on = random.nextBoolean();
      int left = runLength;
      for (int bit = from * 64; bit < to * 64; bit++) {
        boolean set = switch (kind) {
          case 0 -> false;
          case 1 -> random.nextDouble() < density * 0.1;
          case 2 -> random.nextDouble() < density;
          case 3 -> {
            if (--left == 0) {
              on = !on;
              left = 1 + random.nextInt(runLength);
            }
            yield on;
          }
          default -> random.nextDouble() < 0.06;
        };
        if (set) {
          words[bit >>> 6] |= 1L << bit;
        }
      }
    }
    return words;
  }

  @Property(tries = 200)
  void bitmapOf_anyBitset_equalsLibraryConversionAfterRunOptimize(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2600) int length) {
    long[] words = words(seed, length);
    long[] copy = words.clone();

    RoaringBitmap ours = Bitsets.bitmapOf(words);

    assertThat(bytes(ours)).isEqualTo(libraryBytes(words));
    assertThat(ours.validate()).isTrue();
    assertThat(words).isEqualTo(copy);
  }

  @Test
  void bitmapOf_containersAtTheKindLimits_equalsLibraryConversion() {
    // 4,096 values stay an array, 4,097 make a bitmap; full and alternating blocks; one run
    int[][] patterns = {{4096, 1}, {4097, 1}, {65536, 1}, {32768, 2}, {2048, 2}, {3, 1}};
    for (int[] p : patterns) {
      long[] words = new long[1024 + 17];
      for (int k = 0; k < p[0]; k++) {
        int bit = k * p[1];
        words[bit >>> 6] |= 1L << bit;
      }
      assertThat(bytes(Bitsets.bitmapOf(words))).as("%d values every %d", p[0], p[1])
          .isEqualTo(libraryBytes(words));
    }
  }
}
