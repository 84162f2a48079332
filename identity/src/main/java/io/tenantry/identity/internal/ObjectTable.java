package io.tenantry.identity.internal;

/**
 * The check-time form of one tenant's objects: each object's id, kind, flags and effective role
 * assignments packed into one record of a flat {@code int[]}, held in an open-addressing table of
 * fixed-size cells (linear probing). The array holds {@code [0]} the number of home cells (an id's
 * hash picks its home among them) and {@code [1]} the ints per cell, then the cells (the home cells
 * and as many after them as the records that run past the last home need, then one always empty),
 * then the records too large for a cell. A cell is empty (its first int 0), holds a record, or holds
 * a stub: a head and the offset of its record after the cells. A lookup probes from the home cell
 * forward to the first empty cell, never wrapping around.
 *
 * <p>Why: a warm check over a large directory is bound by cache misses, not by instructions. A
 * lookup's first cell follows from the id's hash alone, and the record is in the cell, so every
 * line a lookup reads (the cell, the line it may run into, the next cells of a probe) has an
 * address known before any of them arrives, so their misses overlap. (Those of consecutive checks
 * overlap little: spread over a 1-million-assignment directory, a check still costs about one
 * memory latency.) An earlier layout (a slot table pointing to records elsewhere) made each lookup wait
 * for two misses, one after the other. The head of each record carries a tag of the id's hash, so a
 * probe passes over most other ids without comparing characters; the record holds the id's
 * characters to compare with, so the directory's string objects are never dereferenced; and it
 * answers everything the check asks about the principal (its kind, flags and the role, scope kind
 * and scope reference of each assignment) without visiting another array.
 *
 * <p>The cell size is chosen per tenant from its records' sizes: the size that makes the table
 * smallest, counting the records that do not fit (which cost a second miss) a quarter more. The
 * cells are {@link #LOAD} full (1 / {@link #LOAD} cells per record), so a lookup of a held id
 * reads under two cells on average.
 *
 * <p>Record layout, from its offset {@code r}: {@code [r]} the head: kind (bits 0-7), flags (bits
 * 8-15), whether the id is stored as UTF-16 (bit 16), whether it is a stub (bit 17), whether the
 * record is wide (bit 18), a bit always set (bit 19) and the tag, the hash's low 12 bits (bits
 * 20-31); {@code [r+1]} the object index; {@code [r+2]} the id's length in chars (bits 0-15) and
 * the number of effective assignments (bits 16-31), or, in a wide record (either over 65,535, so
 * never in a cell), the length alone and {@code [r+3]} the number; then the id's chars (four Latin-1 chars or two UTF-16 chars an int, low bits first); then one entry of
 * {@link #ENTRY} ints per effective assignment: the assignment index, the role index shifted left
 * by 2 with the scope kind in the low bits, and the scope reference. A stub is the head (with the
 * stub bit and the tag) and the offset of the record.
 *
 * <p>The table's shape follows from its array (the cell count and size at its start), so a caller
 * that holds the array itself finds and reads records through the static methods without reaching
 * this object; and a check reads one array header, not two: over many tenants each is a cache line
 * fewer.
 *
 * <p>Built once and then read-only; thread-safe for reads after safe publication (it is held in a
 * final field of {@link CompiledDirectory}).
 */
final class ObjectTable {
  /** Ints per effective-assignment entry. */
  static final int ENTRY = 3;
  /** Ints before a record's characters: the head, the object index, the length and count. */
  private static final int HEADER = 3;
  /** Ints before a wide record's characters: the length and the count take an int each. */
  private static final int WIDE_HEADER = 4;
  /** The largest id length and entry count a record packs into one int (16 bits each). */
  private static final int PACKED_MAX = 0xFFFF;
  /** Ints before the first cell: the home-cell count and the ints per cell. */
  private static final int TABLE = 2;
  /** The share of cells that hold a record or a stub. */
  private static final double LOAD = 0.6;
  /** The smallest cell: a record's header and one int of characters. */
  private static final int MIN_CELL = HEADER + 1;
  /** The largest cell considered: two cache lines. */
  private static final int MAX_CELL = 32;
  private static final int UTF16 = 1 << 16;
  private static final int STUB = 1 << 17;
  private static final int WIDE = 1 << 18;
  private static final int PRESENT = 1 << 19;
  private static final int TAG_SHIFT = 20;

  /** The home-cell count, the cell size, the cells, then the records larger than a cell. */
  private final int[] records;

  /**
   * Packs the records of the ids the index holds (an id that a later duplicate shadows gets none).
   *
   * <p>The build reads the id strings in object order only (the order the directory allocated
   * them in, so mostly sequentially in memory): once to size the records, once to write them.
   * Each pass is a small method of its own, so the JIT compiles its loop on its own in a few
   * milliseconds.
   *
   * @param index the interning of the ids, whose hashes and slots tell which ids are looked up
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
    int[] recordSize = new int[ids.length];
    long[] bySize = sizes(index, ids, entryAt, recordSize);
    long live = 0;
    for (long count : bySize) {
      live += count;
    }
    long cells = Math.max(1, (long) Math.ceil(live / LOAD));
    int cellInts = cellSize(bySize, cells);
    if (cells >= Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("a tenant's directory is too large to compile: " + live
          + " objects");
    }
    long large = 0;
    for (int o = 0; o < ids.length; o++) {
      large += recordSize[o] > cellInts ? recordSize[o] : 0;
    }
    // cellOf: each record's cell (-1 for none); the cells used, spare ones after the last included
    int[] cellOf = new int[ids.length];
    long used = place(index.hashes(), recordSize, (int) cells, cellOf);
    long length = TABLE + used * cellInts + large;
    if (length >= Integer.MAX_VALUE - 2) {
      throw new IllegalArgumentException("a tenant's directory is too large to compile: " + length
          + " ints");
    }
    records = new int[(int) length];
    records[0] = (int) cells;
    records[1] = cellInts;
    write(records, recordSize, cellOf, (int) (TABLE + used * cellInts), index.hashes(), ids, kind, flags,
        entryAt, entryAssignment, entryRoleScope, entryRef);
  }

  /**
   * Sizes every record, in object order; a record whose id a later duplicate shadows gets size -1.
   *
   * @return how many records have each size up to {@link #MAX_CELL}, then how many are larger
   */
  private static long[] sizes(IdIndex index, String[] ids, int[] entryAt, int[] recordSize) {
    int[] slots = index.slots();
    int[] slotOf = index.slotOf();
    long[] bySize = new long[MAX_CELL + 2];
    for (int o = 0; o < ids.length; o++) {
      if (slots[slotOf[o]] != o + 1) {
        recordSize[o] = -1;
        continue;
      }
      int count = entryAt[o + 1] - entryAt[o];
      long size = (wide(ids[o].length(), count) ? WIDE_HEADER : HEADER) + charInts(ids[o])
          + (long) ENTRY * count;
      recordSize[o] = (int) Math.min(size, Integer.MAX_VALUE);
      bySize[(int) Math.min(size, MAX_CELL + 1)]++;
    }
    return bySize;
  }

  /**
   * The cell size that makes the table smallest: the cells' ints plus the ints of the records that
   * do not fit, those counted a quarter more (each costs its lookups a second miss). A record
   * larger than {@link #MAX_CELL} never fits; it counts the same for every size.
   */
  private static int cellSize(long[] bySize, long cells) {
    int best = MIN_CELL;
    double bestCost = Double.MAX_VALUE;
    for (int size = MIN_CELL; size <= MAX_CELL; size++) {
      double outside = 0;
      for (int s = size + 1; s <= MAX_CELL; s++) {
        outside += (double) bySize[s] * s;
      }
      double cost = (double) cells * size + 1.25 * outside;
      if (cost < bestCost) {
        bestCost = cost;
        best = size;
      }
    }
    return best;
  }

  /** The home cell of a spread hash among a number of cells: its high bits, scaled. */
  private static int home(int hash, int cells) {
    return (int) (((hash & 0xFFFFFFFFL) * cells) >>> 32);
  }

  /**
   * Chooses each record's cell: the records in the order of their home cells (a counting sort over
   * ints, so no id string is read), each in the first free cell from its home on. That is linear
   * probing's placement, found in one sequential sweep: a record's cell is its home, or the cell
   * after the previous record's when that one reaches past its home, and every cell between a
   * record's home and its cell is taken. Records that run past the last home cell go on into spare
   * cells after it instead of wrapping around, so a lookup never wraps either.
   *
   * @param cellOf receives each object's cell, or -1 for an object without a record
   * @return the cells the table needs: past the last one taken, one spare cell always empty
   */
  private static long place(int[] hashes, int[] recordSize, int cells, int[] cellOf) {
    // cellOf first holds each record's home cell, then its cell
    int[] start = new int[cells + 1];
    int live = 0;
    for (int o = 0; o < cellOf.length; o++) {
      cellOf[o] = recordSize[o] >= 0 ? home(hashes[o], cells) : -1;
      if (cellOf[o] >= 0) {
        start[cellOf[o] + 1]++;
        live++;
      }
    }
    for (int c = 0; c < cells; c++) {
      start[c + 1] += start[c];
    }
    int[] order = new int[live];
    for (int o = 0; o < cellOf.length; o++) {
      if (cellOf[o] >= 0) {
        order[start[cellOf[o]]++] = o;
      }
    }
    int next = 0;
    for (int o : order) {
      int c = Math.max(cellOf[o], next);
      cellOf[o] = c;
      next = c + 1;
    }
    return Math.max(cells, next) + 1L;
  }

  /**
   * Writes every record in object order: into its cell, or after the cells with a stub in its cell
   * when it is larger than a cell.
   */
  private static void write(int[] records, int[] recordSize, int[] cellOf, int largeAt, int[] hashes,
      String[] ids, byte[] kind, byte[] flags, int[] entryAt, int[] entryAssignment, int[] entryRoleScope,
      int[] entryRef) {
    int cellInts = records[1];
    int large = largeAt;
    for (int o = 0; o < ids.length; o++) {
      int size = recordSize[o];
      if (size < 0) {
        continue;
      }
      int h = hashes[o];
      int r = TABLE + cellOf[o] * cellInts;
      int tagged = h << TAG_SHIFT | PRESENT;
      if (size > cellInts) {
        records[r] = tagged | STUB;
        records[r + 1] = large;
        r = large;
        large += size;
      }
      writeRecord(records, r, tagged, o, kind[o], flags[o], ids[o], entryAt[o], entryAt[o + 1],
          entryAssignment, entryRoleScope, entryRef);
    }
  }

  private static void writeRecord(int[] records, int r, int tagged, int o, byte kind, byte flags,
      String id, int entryFrom, int entryTo, int[] entryAssignment, int[] entryRoleScope, int[] entryRef) {
    boolean latin1 = isLatin1(id);
    int length = id.length();
    records[r] = tagged | (kind & 0xFF) | (flags & 0xFF) << 8 | (latin1 ? 0 : UTF16);
    records[r + 1] = o;
    int count = entryTo - entryFrom;
    int w;
    if (wide(length, count)) {
      records[r] |= WIDE;
      records[r + 2] = length;
      records[r + 3] = count;
      w = r + WIDE_HEADER;
    } else {
      records[r + 2] = length | count << 16;
      w = r + HEADER;
    }
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

  /** Whether a record's length or count exceed what one int packs: it then takes an int each. */
  private static boolean wide(int length, int count) {
    return length > PACKED_MAX || count > PACKED_MAX;
  }

  private static int charInts(String id) {
    return isLatin1(id) ? (id.length() + 3) >>> 2 : (id.length() + 1) >>> 1;
  }

  /** @return the table's array: its shape, the cells and the large records (read-only) */
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
   * Finds the record of an id in a table given by its array, its cell count and its cell size (the
   * array's elements 0 and 1, kept by the caller): the first cell's load then waits for no earlier
   * load from the array.
   *
   * @param records the table's {@link #records()}
   * @param cells {@code records[0]}
   * @param cellInts {@code records[1]}
   * @param id the id, or null
   * @return the record's offset, or -1 when the id is null or unknown
   */
  static int find(int[] records, int cells, int cellInts, String id) {
    if (id == null) {
      return -1;
    }
    int h = IdIndex.spread(id.hashCode());
    int tag = h << TAG_SHIFT;
    int c = home(h, cells);
    while (true) {
      int r = TABLE + c * cellInts;
      int head = records[r];
      if (head == 0) {
        return -1;
      }
      if (((head ^ tag) >>> TAG_SHIFT) == 0) {
        int record = (head & STUB) == 0 ? r : records[r + 1];
        if (matches(records, record, id)) {
          return record;
        }
      }
      c++;
    }
  }

  /**
   * Whether the record at {@code r} holds the id. The id's chars are packed the record's way,
   * four Latin-1 or two UTF-16 chars an int, and compared an int at a time, the differences
   * collected into one value that is tested once: the instructions that wait for the record's
   * cache line are a load, an exclusive or and an or per int, so a check waiting on memory leaves
   * the core room to start the next one. A Latin-1 record never matches an id with a char over
   * 0xFF (such a char would spill into its neighbour's byte).
   */
  static boolean matches(int[] records, int r, String id) {
    int head = records[r];
    int n = id.length();
    boolean wide = (head & WIDE) != 0;
    if (n != (wide ? records[r + 2] : records[r + 2] & PACKED_MAX)) {
      return false;
    }
    int w = r + (wide ? WIDE_HEADER : HEADER);
    int diff = 0;
    int i = 0;
    if ((head & UTF16) == 0) {
      int high = 0;
      for (; i + 4 <= n; i += 4, w++) {
        char a = id.charAt(i);
        char b = id.charAt(i + 1);
        char c = id.charAt(i + 2);
        char d = id.charAt(i + 3);
        high |= a | b | c | d;
        diff |= records[w] ^ (a | b << 8 | c << 16 | d << 24);
      }
      if (i < n) {
        int last = 0;
        for (int shift = 0; i < n; i++, shift += 8) {
          char a = id.charAt(i);
          high |= a;
          last |= a << shift;
        }
        diff |= records[w] ^ last;
      }
      return (diff | high >>> 8) == 0;
    }
    for (; i + 2 <= n; i += 2, w++) {
      diff |= records[w] ^ (id.charAt(i) | id.charAt(i + 1) << 16);
    }
    if (i < n) {
      diff |= records[w] ^ id.charAt(i);
    }
    return diff == 0;
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
    return records[r + 1];
  }

  /** {@link #kind(int)} in a table's {@link #records()}. */
  static int kind(int[] records, int r) {
    return records[r] & 0xFF;
  }

  /** {@link #flags(int)} in a table's {@link #records()}. */
  static int flags(int[] records, int r) {
    return (records[r] >>> 8) & 0xFF;
  }

  /** {@link #entries(int)} in a table's {@link #records()}. */
  static int entries(int[] records, int r) {
    int head = records[r];
    int length;
    int at;
    if ((head & WIDE) == 0) {
      length = records[r + 2] & PACKED_MAX;
      at = r + HEADER;
    } else {
      length = records[r + 2];
      at = r + WIDE_HEADER;
    }
    return at + ((head & UTF16) == 0 ? (length + 3) >>> 2 : (length + 1) >>> 1);
  }

  /** {@link #entriesEnd(int)} in a table's {@link #records()}. */
  static int entriesEnd(int[] records, int r) {
    int count = (records[r] & WIDE) == 0 ? records[r + 2] >>> 16 : records[r + 3];
    return entries(records, r) + ENTRY * count;
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
