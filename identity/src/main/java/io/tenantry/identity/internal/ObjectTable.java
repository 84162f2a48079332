package io.tenantry.identity.internal;

import java.util.Arrays;

/**
 * The check-time form of one tenant's objects: each object's id, kind, flags and effective role
 * assignments packed into one record of a flat {@code int[]}, found through an open-addressing
 * table whose slots carry the record's offset and a tag of the id's hash. Slots and records share
 * the one array: {@code [0]} is the slot mask, {@code [1]} the group stride, then the groups: each
 * holds 16 consecutive slots followed by an area for the records those slots point to (a quarter
 * more than an average group's records); the records that do not fit their group's area follow the
 * last group. So a record mostly lies a few hundred bytes from its slot: on the same memory page,
 * which over many large tenants spares a check one address translation (a TLB miss) of two.
 *
 * <p>Why: a warm check over a large directory is bound by cache misses, not by instructions. Looking
 * a principal up touches one slot line (a slot whose tag differs is skipped without leaving it)
 * and then the record, which holds the id's characters to compare with, so the string objects of
 * the directory are never dereferenced; the record then answers everything the check asks about the
 * principal (its kind, flags and the role, scope kind and scope reference of each assignment)
 * without visiting another array.
 *
 * <p>Record layout, from its offset {@code r}: {@code [r]} the object index; {@code [r+1]} the
 * kind (bits 0-7), the flags (bits 8-15) and whether the id is stored as UTF-16 (bit 16);
 * {@code [r+2]} the id's length in chars; {@code [r+3]} the number of effective assignments;
 * then the id's chars (four Latin-1 chars or two UTF-16 chars an int, low bits first); then one
 * entry of {@link #ENTRY} ints per effective assignment: the assignment index, the role index
 * shifted left by 2 with the scope kind in the low bits, and the scope reference.
 *
 * <p>The table's shape follows from its array (the slot mask and stride at its start, the offset and tag
 * widths from its length), so a caller that holds the array itself finds and reads records through
 * the static methods without reaching this object; and a check reads one array header, not two:
 * over many tenants each is a cache line fewer.
 *
 * <p>Built once and then read-only; thread-safe for reads after safe publication (it is held in a
 * final field of {@link CompiledDirectory}).
 */
final class ObjectTable {
  /** Ints per effective-assignment entry. */
  static final int ENTRY = 3;
  private static final int HEADER = 4;
  /** Ints before the first group: the slot mask and the group stride. */
  private static final int TABLE = 2;
  /** Slots per group (one cache line of them), and its log2. */
  private static final int GROUP = 16;
  private static final int GROUP_SHIFT = 4;
  private static final int UTF16 = 1 << 16;

  /** The slot mask, the slots, then the records. */
  private final int[] records;

  /**
   * Packs the records and turns the index's slots into record slots (same positions, after the mask).
   *
   * <p>The build reads the id strings in object order only (the order the directory allocated
   * them in, so mostly sequentially in memory): once to size the records, once to write them.
   * Only the placement walks the slots. Each pass is a small method of its own, so the JIT compiles
   * its loop on its own in a few milliseconds.
   *
   * @param index the interning of the ids, whose slot table, hashes and slots per id are taken over
   * @param ids the ids by object index
   * @param kind the kinds by object index
   * @param flags the flags by object index
   * @param entryAt the first effective entry of each object, with a final end offset
   * @param entryAssignment the assignment of each effective entry
   * @param entryRoleScope the role index shifted left by 2 with the scope kind, per entry
   * @param entryRef the scope reference per entry
   * @throws IllegalArgumentException if the records would not fit one array
   */
  ObjectTable(IdIndex index, String[] ids, byte[] kind, byte[] flags, int[] entryAt, int[] entryAssignment,
      int[] entryRoleScope, int[] entryRef) {
    int n = ids.length;
    int[] slots = index.slots();
    int groups = Math.max(1, slots.length / GROUP);
    int[] recordSize = new int[n];
    long total = sizes(ids, entryAt, recordSize);
    // Each group's area holds a quarter more than an average group's records; the records of an
    // unlucky group that do not fit go to the overflow area at the end.
    long budget = (total + total / 4 + groups - 1) / groups;
    long overflowAt = TABLE + (long) groups * (GROUP + budget);
    if (overflowAt + total >= Integer.MAX_VALUE - 2) {
      throw new IllegalArgumentException("a tenant's directory is too large to compile: "
          + (overflowAt + total) + " ints");
    }
    int stride = GROUP + (int) budget;
    // recordSize becomes each record's offset; the table's length is returned
    int length = place(slots, stride, (int) budget, (int) overflowAt, recordSize);
    records = new int[length];
    records[0] = slots.length - 1;
    records[1] = stride;
    write(records, recordSize, index, ids, kind, flags, entryAt, entryAssignment, entryRoleScope,
        entryRef);
  }

  /**
   * Sizes every record, in object order.
   *
   * @return the sum of the sizes
   */
  private static long sizes(String[] ids, int[] entryAt, int[] recordSize) {
    long total = 0;
    for (int o = 0; o < ids.length; o++) {
      int size = HEADER + charInts(ids[o]) + ENTRY * (entryAt[o + 1] - entryAt[o]);
      recordSize[o] = size;
      total += size;
    }
    return total;
  }

  /**
   * Chooses each record's offset, in slot order: in its slot's group area while the area has room,
   * otherwise next in the overflow area after the last group.
   *
   * @param recordSize each object's record size on entry; its record's offset on return (for an
   *     id a later duplicate shadows, which is never looked up, a negative number)
   * @return the table's length
   */
  private static int place(int[] slots, int stride, int budget, int overflowAt, int[] recordSize) {
    int fill = 0;
    int overflow = overflowAt;
    for (int s = 0; s < slots.length; s++) {
      if ((s & (GROUP - 1)) == 0) {
        fill = 0;
      }
      int v = slots[s];
      if (v != 0) {
        int o = v - 1;
        int size = recordSize[o];
        int inGroup = TABLE + (s >>> GROUP_SHIFT) * stride + GROUP + fill;
        boolean fits = fill + size <= budget;
        recordSize[o] = -(fits ? inGroup : overflow) - 2;
        fill += fits ? size : 0;
        overflow += fits ? 0 : size;
      }
    }
    for (int o = 0; o < recordSize.length; o++) {
      recordSize[o] = -recordSize[o] - 2;
    }
    return overflow;
  }

  /**
   * Writes every record and its slot, in object order.
   *
   * <p>A slot holds the record's offset + 1 in its low bits and the high bits of the id's spread
   * hash above them (the table's position uses the low bits), so most probes that end on another
   * id are rejected without reading its record.
   */
  private static void write(int[] records, int[] recordAt, IdIndex index, String[] ids, byte[] kind,
      byte[] flags, int[] entryAt, int[] entryAssignment, int[] entryRoleScope, int[] entryRef) {
    int offsetBits = offsetBits(records.length);
    int stride = records[1];
    int[] hashes = index.hashes();
    int[] slotOf = index.slotOf();
    for (int o = 0; o < ids.length; o++) {
      int r = recordAt[o];
      if (r >= 0) {
        records[slot(slotOf[o], stride)] = tag(hashes[o], offsetBits) | (r + 1);
        writeRecord(records, r, o, kind[o], flags[o], ids[o], entryAt[o], entryAt[o + 1],
            entryAssignment, entryRoleScope, entryRef);
      }
    }
  }

  private static void writeRecord(int[] records, int r, int o, byte kind, byte flags, String id,
      int entryFrom, int entryTo, int[] entryAssignment, int[] entryRoleScope, int[] entryRef) {
    boolean latin1 = isLatin1(id);
    int length = id.length();
    records[r] = o;
    records[r + 1] = (kind & 0xFF) | (flags & 0xFF) << 8 | (latin1 ? 0 : UTF16);
    records[r + 2] = length;
    records[r + 3] = entryTo - entryFrom;
    int w = r + HEADER;
    if (latin1) {
      for (int i = 0; i < length; i++) {
        records[w + (i >>> 2)] |= id.charAt(i) << ((i & 3) << 3);
      }
    } else {
      for (int i = 0; i < length; i++) {
        records[w + (i >>> 1)] |= id.charAt(i) << ((i & 1) << 4);
      }
    }
    w += latin1 ? (length + 3) >>> 2 : (length + 1) >>> 1;
    for (int k = entryFrom; k < entryTo; k++) {
      records[w++] = entryAssignment[k];
      records[w++] = entryRoleScope[k];
      records[w++] = entryRef[k];
    }
  }

  /** The position in the array of slot {@code s} of a table whose groups are {@code stride} ints apart. */
  private static int slot(int s, int stride) {
    return TABLE + (s >>> GROUP_SHIFT) * stride + (s & (GROUP - 1));
  }

  /** The bits of a slot that hold a record's offset + 1, for records of a length. */
  private static int offsetBits(int recordsLength) {
    return 32 - Integer.numberOfLeadingZeros(recordsLength + 1);
  }

  /** The tag of a spread hash: its high bits, above the offset's bits (none when they fill the slot). */
  private static int tag(int hash, int offsetBits) {
    int tagBits = 31 - offsetBits;
    return tagBits <= 0 ? 0 : (hash >>> (32 - tagBits)) << offsetBits;
  }

  private static int charInts(String id) {
    return isLatin1(id) ? (id.length() + 3) >>> 2 : (id.length() + 1) >>> 1;
  }

  /** @return the table's array, slots and records (read-only) */
  int[] records() {
    return records;
  }

  private static boolean isLatin1(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds the record of an id.
   *
   * @param id the id, or null
   * @return the record's offset, or -1 when the id is null or unknown
   */
  int find(String id) {
    return find(records, id);
  }

  /**
   * Finds the record of an id in a table given by its array.
   *
   * @param records the table's {@link #records()}
   * @param id the id, or null
   * @return the record's offset, or -1 when the id is null or unknown
   */
  static int find(int[] records, String id) {
    return id == null ? -1 : find(records, records[0], records[1], id);
  }

  /**
   * Finds the record of an id in a table given by its array, its slot mask and its group stride
   * (the array's elements 0 and 1, kept by the caller): the slot's load then waits for no earlier
   * load from the array.
   *
   * @param records the table's {@link #records()}
   * @param mask {@code records[0]}
   * @param stride {@code records[1]}
   * @param id the id, or null
   * @return the record's offset, or -1 when the id is null or unknown
   */
  static int find(int[] records, int mask, int stride, String id) {
    if (id == null) {
      return -1;
    }
    int offsetBits = offsetBits(records.length);
    int offsetMask = -1 >>> (32 - offsetBits);
    int h = IdIndex.spread(id.hashCode());
    int tag = tag(h, offsetBits);
    int s = h & mask;
    int v;
    while ((v = records[slot(s, stride)]) != 0) {
      if ((v & ~offsetMask) == tag) {
        int r = (v & offsetMask) - 1;
        if (matches(records, r, id)) {
          return r;
        }
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  private static boolean matches(int[] records, int r, String id) {
    int length = records[r + 2];
    if (id.length() != length) {
      return false;
    }
    int w = r + HEADER;
    if ((records[r + 1] & UTF16) == 0) {
      for (int i = 0; i < length; i++) {
        if (id.charAt(i) != ((records[w + (i >>> 2)] >>> ((i & 3) << 3)) & 0xFF)) {
          return false;
        }
      }
    } else {
      for (int i = 0; i < length; i++) {
        if (id.charAt(i) != ((records[w + (i >>> 1)] >>> ((i & 1) << 4)) & 0xFFFF)) {
          return false;
        }
      }
    }
    return true;
  }

  /** @return the object index of the record at {@code r} */
  int object(int r) {
    return object(records, r);
  }

  /** @return the kind of the record's object */
  int kind(int r) {
    return kind(records, r);
  }

  /** @return the flags of the record's object */
  int flags(int r) {
    return flags(records, r);
  }

  /** @return the offset of the record's first entry */
  int entries(int r) {
    return entries(records, r);
  }

  /** @return the offset just past the record's last entry */
  int entriesEnd(int r) {
    return entriesEnd(records, r);
  }

  /** @return the assignment index of the entry at {@code e} */
  int assignment(int e) {
    return assignment(records, e);
  }

  /** @return the role index of the entry at {@code e} */
  int role(int e) {
    return role(records, e);
  }

  /** @return the scope kind of the entry at {@code e} */
  int scope(int e) {
    return scope(records, e);
  }

  /** {@link #object(int)} in a table's {@link #records()}. */
  static int object(int[] records, int r) {
    return records[r];
  }

  /** {@link #kind(int)} in a table's {@link #records()}. */
  static int kind(int[] records, int r) {
    return records[r + 1] & 0xFF;
  }

  /** {@link #flags(int)} in a table's {@link #records()}. */
  static int flags(int[] records, int r) {
    return (records[r + 1] >>> 8) & 0xFF;
  }

  /** {@link #entries(int)} in a table's {@link #records()}. */
  static int entries(int[] records, int r) {
    int length = records[r + 2];
    return r + HEADER + ((records[r + 1] & UTF16) == 0 ? (length + 3) >>> 2 : (length + 1) >>> 1);
  }

  /** {@link #entriesEnd(int)} in a table's {@link #records()}. */
  static int entriesEnd(int[] records, int r) {
    return entries(records, r) + ENTRY * records[r + 3];
  }

  /** {@link #assignment(int)} in a table's {@link #records()}. */
  static int assignment(int[] records, int e) {
    return records[e];
  }

  /** {@link #role(int)} in a table's {@link #records()}. */
  static int role(int[] records, int e) {
    return records[e + 1] >>> 2;
  }

  /** {@link #scope(int)} in a table's {@link #records()}. */
  static int scope(int[] records, int e) {
    return records[e + 1] & 3;
  }

  /** @return the scope reference of the entry at {@code e} (AU index or object index) */
  int ref(int e) {
    return records[e + 2];
  }
}
