package io.tenantry.reports.internal;

import java.util.Arrays;
import org.roaringbitmap.ArrayContainer;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.BitmapContainer;
import org.roaringbitmap.Container;
import org.roaringbitmap.RoaringBitmap;

/** Conversions of plain bitsets ({@code long} words, bit {@code i} of word {@code i / 64}). */
public final class Bitsets {
  /** Words of a RoaringBitmap container's block of 2^16 values. */
  private static final int WORDS_PER_BLOCK = 1024;
  /** The most values RoaringBitmap keeps in an array container. */
  private static final int ARRAY_MAX = 4096;
  /** A bitmap container's size in bytes. */
  private static final int BITMAP_BYTES = 8192;

  private Bitsets() {}

  /**
   * The run-optimised RoaringBitmap of a bitset's words: per block of 2^16 values, the
   * container {@link BitSetUtil#bitmapOf} makes (an array of up to 4,096 values, else a bitmap)
   * turned into runs exactly when {@link RoaringBitmap#runOptimize} would (when the runs take
   * fewer bytes, at 2 plus 4 a run, than the array at 2 a value or the bitmap's 8,192). The
   * cardinality and the runs are counted in the words, so the library's count over each
   * container is only made for a container that does turn into runs.
   *
   * @param words the bitset (not modified, not kept)
   * @return a new bitmap of its set bits, equal container by container to {@code
   *     BitSetUtil.bitmapOf(words)} after {@code runOptimize()}
   */
  public static RoaringBitmap bitmapOf(long[] words) {
    RoaringBitmap out = new RoaringBitmap();
    for (int from = 0; from < words.length; from += WORDS_PER_BLOCK) {
      int to = Math.min(from + WORDS_PER_BLOCK, words.length);
      int cardinality = 0;
      int runs = 0;
      long previous = 0;
      for (int i = from; i < to; i++) {
        long w = words[i];
        cardinality += Long.bitCount(w);
        runs += Long.bitCount(w & ~(w << 1 | previous >>> 63));
        previous = w;
      }
      if (cardinality == 0) {
        continue;
      }
      Container c;
      if (cardinality <= ARRAY_MAX) {
        c = new ArrayContainer(values(words, from, to, cardinality));
      } else {
        c = new BitmapContainer(Arrays.copyOfRange(words, from, from + WORDS_PER_BLOCK),
            cardinality);
      }
      if (2 + 4 * runs < (cardinality <= ARRAY_MAX ? 2 * cardinality : BITMAP_BYTES)) {
        c = c.runOptimize();
      }
      out.append((char) (from / WORDS_PER_BLOCK), c);
    }
    return out;
  }

  /**
   * The set bits of {@code words[from, to)} as sorted 16-bit values relative to {@code from}:
   * four at a time while the array has room for the ones written past a word's last bit (they
   * are overwritten by the next word's), one at a time near the end.
   */
  private static char[] values(long[] words, int from, int to, int cardinality) {
    char[] out = new char[cardinality];
    int k = 0;
    for (int i = from; i < to; i++) {
      long w = words[i];
      if (w == 0) {
        continue;
      }
      int base = (i - from) << 6;
      int end = k + Long.bitCount(w);
      if (end + 3 < cardinality) {
        while (k < end) {
          out[k] = (char) (base + Long.numberOfTrailingZeros(w));
          w &= w - 1;
          out[k + 1] = (char) (base + Long.numberOfTrailingZeros(w));
          w &= w - 1;
          out[k + 2] = (char) (base + Long.numberOfTrailingZeros(w));
          w &= w - 1;
          out[k + 3] = (char) (base + Long.numberOfTrailingZeros(w));
          w &= w - 1;
          k += 4;
        }
        k = end;
      } else {
        while (w != 0) {
          out[k++] = (char) (base + Long.numberOfTrailingZeros(w));
          w &= w - 1;
        }
      }
    }
    return out;
  }
}
