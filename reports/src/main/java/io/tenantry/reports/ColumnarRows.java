package io.tenantry.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a report held column by column in primitive arrays: counts and periods as {@code
 * long}s, durations as whole seconds, dates as epoch days, booleans as bytes, text as references.
 * A value is boxed (a {@link Long}, {@link LocalDate}, {@link Duration} or {@link Boolean}) only
 * when a reader asks for it as an object, so rendering a detail report allocates per row only the
 * strings the directory already holds.
 *
 * <p>Rows are appended value by value in column order ({@link #addLong}, {@link #addSeconds}, or
 * {@link #add(Object)} for any value), or given whole columns at once ({@link #ofColumns}). A
 * value the column's primitive form cannot hold exactly (a null count, an {@link Integer}, a
 * duration with nanoseconds, a date beyond the {@code int} epoch-day range) turns that column into
 * references, so {@link #get} always returns a value equal to the one added, of the same class.
 * Not thread-safe while appending; read-only (and then safe to share) once handed to a {@link
 * ReportTable}.
 */
final class ColumnarRows {
  /** The epoch day that stands for a blank date. */
  static final int NO_DAY = PartialAggregate.NONE;
  private static final byte FALSE = 0;
  private static final byte TRUE = 1;
  private static final byte NULL = 2;

  private enum Kind { LONG, SECONDS, DAY, BOOL, OBJECT, NULL }

  private final int width;
  private final Kind[] kinds;
  /** Whether every row so far holds the column's {@link #constBits} or {@link #constObject}. */
  private final boolean[] constant;
  private final long[] constBits;
  private final Object[] constObject;
  private final long[][] longs;
  private final int[][] days;
  private final byte[][] bools;
  private final Object[][] objects;
  private int capacity;
  private int size;
  private int column;

  /**
   * Creates an empty store. A column gets its array only once its rows hold two different
   * values: a column that is the same in every row (the report date, the period, a count nobody
   * has) costs one value.
   *
   * @param columns the report's columns
   * @param expectedRows the initial capacity
   */
  ColumnarRows(List<Column> columns, int expectedRows) {
    width = columns.size();
    kinds = new Kind[width];
    constant = new boolean[width];
    constBits = new long[width];
    constObject = new Object[width];
    longs = new long[width][];
    days = new int[width][];
    bools = new byte[width][];
    objects = new Object[width][];
    capacity = Math.max(expectedRows, 4);
    for (int c = 0; c < width; c++) {
      kinds[c] = switch (columns.get(c).type()) {
        case COUNT, PERIOD -> Kind.LONG;
        case DURATION -> Kind.SECONDS;
        case DATE -> Kind.DAY;
        case TRUE_FALSE, YES_NO -> Kind.BOOL;
        case TEXT, PRODUCTS -> Kind.OBJECT;
        case NOT_MEASURED -> Kind.NULL;
      };
      constant[c] = true;
    }
  }

  /**
   * Returns the number of complete rows.
   *
   * @return the row count
   */
  int size() {
    return size;
  }

  /**
   * Returns the number of values in a row.
   *
   * @return the column count
   */
  int width() {
    return width;
  }

  /** Grows every column's array when a new row starts and the arrays are full. */
  private void ensureRoom() {
    if (column == 0 && size == capacity) {
      capacity = Math.max(4, capacity * 2);
      for (int c = 0; c < width; c++) {
        if (longs[c] != null) {
          longs[c] = Arrays.copyOf(longs[c], capacity);
        }
        if (days[c] != null) {
          days[c] = Arrays.copyOf(days[c], capacity);
        }
        if (bools[c] != null) {
          bools[c] = Arrays.copyOf(bools[c], capacity);
        }
        if (objects[c] != null) {
          objects[c] = Arrays.copyOf(objects[c], capacity);
        }
      }
    }
  }

  private void next() {
    if (++column == width) {
      column = 0;
      size++;
    }
  }

  /**
   * Stores a primitive value (a long, an epoch day or a boolean byte) in the current column,
   * keeping the column constant while it can.
   */
  private void put(long bits) {
    ensureRoom();
    int c = column;
    if (constant[c]) {
      if (size == 0) {
        constBits[c] = bits;
        next();
        return;
      }
      if (constBits[c] == bits) {
        next();
        return;
      }
      materialize(c);
    }
    switch (kinds[c]) {
      case LONG, SECONDS -> longs[c][size] = bits;
      case DAY -> days[c][size] = (int) bits;
      case BOOL -> bools[c][size] = (byte) bits;
      default -> throw new IllegalStateException("column " + c + " holds references");
    }
    next();
  }

  /** Gives a constant column its array, every row so far holding the constant. */
  private void materialize(int c) {
    int filled = c < column ? size + 1 : size;
    switch (kinds[c]) {
      case LONG, SECONDS -> {
        longs[c] = new long[capacity];
        Arrays.fill(longs[c], 0, filled, constBits[c]);
      }
      case DAY -> {
        days[c] = new int[capacity];
        Arrays.fill(days[c], 0, filled, (int) constBits[c]);
      }
      case BOOL -> {
        bools[c] = new byte[capacity];
        Arrays.fill(bools[c], 0, filled, (byte) constBits[c]);
      }
      case OBJECT, NULL -> {
        objects[c] = new Object[capacity];
        Arrays.fill(objects[c], 0, filled, constObject[c]);
        kinds[c] = Kind.OBJECT;
      }
    }
    constant[c] = false;
  }

  /**
   * Appends a count or period.
   *
   * @param v the value
   */
  void addLong(long v) {
    if (kinds[column] == Kind.LONG) {
      put(v);
    } else {
      add(v);
    }
  }

  /**
   * Appends a duration of whole seconds.
   *
   * @param seconds the duration
   */
  void addSeconds(long seconds) {
    if (kinds[column] == Kind.SECONDS) {
      put(seconds);
    } else {
      add(Duration.ofSeconds(seconds));
    }
  }



  /**
   * Appends any value of the column (null where the column allows a blank).
   *
   * @param v the value
   */
  void add(Object v) {
    int c = column;
    if (fits(c, v)) {
      put(bits(c, v));
      return;
    }
    ensureRoom();
    if (kinds[c] == Kind.OBJECT || kinds[c] == Kind.NULL) {
      if (constant[c]) {
        if (size == 0) {
          constObject[c] = v;
          next();
          return;
        }
        if (constObject[c] == v || (v instanceof String text && text.equals(constObject[c]))) {
          next();
          return;
        }
      }
    }
    toObjects(c);
    objects[c][size] = v;
    next();
  }

  /** Whether a primitive column can hold a value exactly ({@link #bits} gives its form). */
  private boolean fits(int c, Object v) {
    return switch (kinds[c]) {
      case LONG -> v != null && v.getClass() == Long.class;
      case SECONDS -> v instanceof Duration d && d.getNano() == 0;
      case DAY -> v == null || (v.getClass() == LocalDate.class
          && ((LocalDate) v).toEpochDay() > NO_DAY
          && ((LocalDate) v).toEpochDay() <= Integer.MAX_VALUE);
      case BOOL -> v == null || v instanceof Boolean;
      case NULL, OBJECT -> false;
    };
  }

  /** The primitive form of a value that {@link #fits} a column. */
  private long bits(int c, Object v) {
    return switch (kinds[c]) {
      case LONG -> (Long) v;
      case SECONDS -> ((Duration) v).getSeconds();
      case DAY -> v == null ? NO_DAY : ((LocalDate) v).toEpochDay();
      case BOOL -> v == null ? NULL : (Boolean) v ? TRUE : FALSE;
      case NULL, OBJECT -> throw new IllegalStateException("column " + c + " holds references");
    };
  }

  /**
   * A store of {@code rows} rows given column by column: for each column either its array (a
   * {@code long[]} for counts, periods and durations in seconds, an {@code int[]} of epoch days
   * with {@link #NO_DAY} for blanks, a {@code byte[]} from {@link #bool}, or an {@code Object[]} of
   * the values themselves, for text or any column), which the store keeps without copying, or the
   * one value every row holds. The arrays
   * must not change afterwards.
   *
   * @param columns the report's columns
   * @param rows the row count (every array at least this long)
   * @param values one entry per column
   * @return the store
   */
  static ColumnarRows ofColumns(List<Column> columns, int rows, Object... values) {
    ColumnarRows t = new ColumnarRows(columns, rows);
    for (int c = 0; c < t.width; c++) {
      Object v = values[c];
      boolean array = switch (t.kinds[c]) {
        case LONG, SECONDS -> v instanceof long[];
        case DAY -> v instanceof int[];
        case BOOL -> v instanceof byte[];
        case OBJECT, NULL -> false;
      };
      if (v instanceof Object[] boxed) {
        t.constant[c] = false;
        t.kinds[c] = Kind.OBJECT;
        t.objects[c] = boxed;
      } else if (array) {
        t.constant[c] = false;
        switch (t.kinds[c]) {
          case LONG, SECONDS -> t.longs[c] = (long[]) v;
          case DAY -> t.days[c] = (int[]) v;
          default -> t.bools[c] = (byte[]) v;
        }
      } else if (t.fits(c, v)) {
        t.constBits[c] = t.bits(c, v);
      } else {
        t.kinds[c] = Kind.OBJECT;
        t.constObject[c] = v;
      }
    }
    t.size = rows;
    t.capacity = rows;
    return t;
  }

  /**
   * Returns a boolean's form in a {@code byte[]} column of {@link #ofColumns}.
   *
   * @param v the value
   * @return its byte
   */
  static byte bool(boolean v) {
    return v ? TRUE : FALSE;
  }


  /** Turns a column into references, boxing the values it holds. */
  private void toObjects(int c) {
    if (kinds[c] == Kind.OBJECT && !constant[c]) {
      return;
    }
    int filled = c < column ? size + 1 : size;
    Object[] boxed = new Object[capacity];
    for (int r = 0; r < filled; r++) {
      boxed[r] = get(r, c);
    }
    kinds[c] = Kind.OBJECT;
    constant[c] = false;
    longs[c] = null;
    days[c] = null;
    bools[c] = null;
    objects[c] = boxed;
  }

  /**
   * Returns a value as an object (boxed as the report's value types are).
   *
   * @param row the row
   * @param c the column
   * @return the value, or null for a blank
   */
  Object get(int row, int c) {
    if (constant[c]) {
      return switch (kinds[c]) {
        case LONG -> constBits[c];
        case SECONDS -> Duration.ofSeconds(constBits[c]);
        case DAY -> constBits[c] == NO_DAY ? null : LocalDate.ofEpochDay(constBits[c]);
        case BOOL -> constBits[c] == NULL ? null : constBits[c] == TRUE;
        case OBJECT, NULL -> constObject[c];
      };
    }
    return switch (kinds[c]) {
      case LONG -> longs[c][row];
      case SECONDS -> Duration.ofSeconds(longs[c][row]);
      case DAY -> days[c][row] == NO_DAY ? null : LocalDate.ofEpochDay(days[c][row]);
      case BOOL -> bools[c][row] == NULL ? null : bools[c][row] == TRUE;
      case OBJECT -> objects[c][row];
      case NULL -> null;
    };
  }

  /**
   * Returns a count, period or duration (in seconds) without boxing.
   *
   * @param row the row
   * @param c the column
   * @return the value
   * @throws IllegalStateException if the value is blank or not a number
   */
  long getLong(int row, int c) {
    switch (kinds[c]) {
      case LONG, SECONDS -> {
        return constant[c] ? constBits[c] : longs[c][row];
      }
      case OBJECT -> {
        Object v = get(row, c);
        if (v instanceof Number n) {
          return n.longValue();
        }
        if (v instanceof Duration d) {
          return d.getSeconds();
        }
      }
      default -> { }
    }
    throw new IllegalStateException("no number in row " + row + ", column " + c);
  }

  /**
   * Returns a date as its epoch day without making a {@link LocalDate}.
   *
   * @param row the row
   * @param c the column
   * @return the epoch day
   * @throws IllegalStateException if the value is blank or not a date
   */
  long getDay(int row, int c) {
    if (kinds[c] == Kind.DAY) {
      long day = constant[c] ? constBits[c] : days[c][row];
      if (day != NO_DAY) {
        return day;
      }
    } else if (get(row, c) instanceof LocalDate d) {
      return d.toEpochDay();
    }
    throw new IllegalStateException("no date in row " + row + ", column " + c);
  }

  /**
   * Returns a boolean without boxing.
   *
   * @param row the row
   * @param c the column
   * @return the value
   * @throws IllegalStateException if the value is blank or not a boolean
   */
  boolean getBool(int row, int c) {
    if (kinds[c] == Kind.BOOL) {
      byte v = constant[c] ? (byte) constBits[c] : bools[c][row];
      if (v != NULL) {
        return v == TRUE;
      }
    }
    if (get(row, c) instanceof Boolean b) {
      return b;
    }
    throw new IllegalStateException("no boolean in row " + row + ", column " + c);
  }

  /**
   * Replaces a value of a complete row.
   *
   * @param row the row
   * @param c the column
   * @param v the new value
   */
  void set(int row, int c, Object v) {
    toObjects(c);
    objects[c][row] = v;
  }
}
