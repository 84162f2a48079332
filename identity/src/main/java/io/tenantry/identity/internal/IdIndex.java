package io.tenantry.identity.internal;

import java.util.Objects;

/**
 * A dense interning of one tenant's object ids: an open-addressing table (linear probing, load at
 * most one half) from an id to its index in an id array. No boxing and no per-entry object, so it
 * costs 8 to 16 bytes a key plus the (shared) id strings.
 *
 * <p>Built once and then read-only; thread-safe for reads after safe publication (it is held in a
 * final field of {@link CompiledDirectory}).
 */
final class IdIndex {
  private final String[] ids;
  private final int[] hashes;
  private final int[] slotOf;
  private final int[] slots;
  private final int mask;
  /** How far a spread hash shifts right to give its home slot: its top bits pick it. */
  private final int shift;

  /**
   * Indexes ids; for a repeated id the later index wins.
   *
   * @param ids the ids by index; not copied, and not modified afterwards
   * @throws NullPointerException if an id is null
   */
  IdIndex(String[] ids) {
    this.ids = ids;
    int capacity = Integer.highestOneBit(Math.max(8, ids.length) * 2 - 1) << 1;
    this.slots = new int[capacity];
    this.hashes = new int[ids.length];
    this.slotOf = new int[ids.length];
    this.mask = capacity - 1;
    this.shift = Integer.numberOfLeadingZeros(capacity) + 1;
    for (int i = 0; i < ids.length; i++) {
      hashes[i] = spread(Objects.requireNonNull(ids[i], "id").hashCode());
    }
    for (int i = 0; i < ids.length; i++) {
      put(i);
    }
  }

  /**
   * Inserts id {@code index}. A probe compares the spread hashes first, so it reads another id's
   * string (a cache miss in a large tenant) only when the hashes are equal.
   */
  private void put(int index) {
    int h = hashes[index];
    int s = h >>> shift;
    int v;
    while ((v = slots[s]) != 0) {
      if (hashes[v - 1] == h && ids[v - 1].equals(ids[index])) {
        break;
      }
      s = (s + 1) & mask;
    }
    slots[s] = index + 1;
    slotOf[index] = s;
  }

  /**
   * Looks an id up.
   *
   * @param id the id, or null
   * @return its index, or -1 when it is null or unknown
   */
  int get(String id) {
    if (id == null) {
      return -1;
    }
    int h = spread(id.hashCode());
    int s = h >>> shift;
    int v;
    while ((v = slots[s]) != 0) {
      String candidate = ids[v - 1];
      if (hashes[v - 1] == h && (candidate == id || candidate.equals(id))) {
        return v - 1;
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  /**
   * The slot table: at each position 0 (empty) or an id's index + 1. With {@link #slotOf} it tells
   * {@link ObjectTable} which ids a later duplicate shadows.
   *
   * @return the table itself, not a copy
   */
  int[] slots() {
    return slots;
  }

  /**
   * The spread hash of every id, by index, as {@link #spread} gives it; {@link ObjectTable} places
   * and tags its records with these without reading the id strings again.
   *
   * @return the array itself, not a copy
   */
  int[] hashes() {
    return hashes;
  }

  /**
   * The slot of every id, by index (for an id a later duplicate shadows, that duplicate's slot).
   *
   * @return the array itself, not a copy
   */
  int[] slotOf() {
    return slotOf;
  }

  /**
   * Spreads a {@link String#hashCode}: its high half folded into its low half, then multiplied by
   * 2<sup>32</sup>/φ (Fibonacci hashing). Tables take an id's home from the result's high bits, so
   * ids whose hash codes are close, as those of names numbered in sequence ({@code user1},
   * {@code user2}, …) are, land evenly spread, about one per home, where a hash that scatters them
   * at random leaves clusters that a lookup must probe past (a lookup that probes a varying number
   * of cells mispredicts a branch that waits on memory, so over a large directory consecutive
   * checks stop overlapping). Ids with unrelated hash codes, such as GUIDs, spread as they would
   * under any good hash. A bijection, so distinct hash codes keep distinct spread hashes.
   *
   * @param h a hash code
   * @return the spread hash
   */
  static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B9;
  }
}
