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
 * <p>Rows are appended value by value in column order (the typed {@code add…} methods, or {@link
 * #add(Object)} for any value). A value the column's primitive form cannot hold exactly (a null
 * count, an {@link Integer}, a duration with nanoseconds, a date beyond the {@code int} epoch-day
 * range) turns that column into references, so {@link #get} always returns a value equal to the one
 * added, of the same class. Not thread-safe while appending; read-only (and then safe to share)
 * once handed to a {@link ReportTable}.
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
  private final long[][] longs;
  private final int[][] days;
  private final byte[][] bools;
  private final Object[][] objects;
  private int capacity;
  private int size;
  private int column;

  /**
   * Creates an empty store.
   *
   * @param columns the report's columns
   * @param expectedRows the initial capacity
   */
  ColumnarRows(List<Column> columns, int expectedRows) {
    width = columns.size();
    kinds = new Kind[width];
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
      allocate(c);
    }
  }

  private void allocate(int c) {
    switch (kinds[c]) {
      case LONG, SECONDS -> longs[c] = new long[capacity];
      case DAY -> days[c] = new int[capacity];
      case BOOL -> bools[c] = new byte[capacity];
      case OBJECT -> objects[c] = new Object[capacity];
      case NULL -> { }
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

  /** Makes room for the value at ({@link #size}, {@link #column}). */
  private void ensureRoom() {
    if (column == 0 && size == capacity) {
      capacity = capacity * 2;
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
   * Appends a count or period.
   *
   * @param v the value
   */
  void addLong(long v) {
    if (kinds[column] != Kind.LONG) {
      add(v);
      return;
    }
    ensureRoom();
    longs[column][size] = v;
    next();
  }

  /**
   * Appends a duration of whole seconds.
   *
   * @param seconds the duration
   */
  void addSeconds(long seconds) {
    if (kinds[column] != Kind.SECONDS) {
      add(Duration.ofSeconds(seconds));
      return;
    }
    ensureRoom();
    longs[column][size] = seconds;
    next();
  }

  /**
   * Appends a date.
   *
   * @param epochDay the day, or {@link #NO_DAY} for a blank date
   */
  void addDay(int epochDay) {
    if (kinds[column] != Kind.DAY) {
      add(epochDay == NO_DAY ? null : LocalDate.ofEpochDay(epochDay));
      return;
    }
    ensureRoom();
    days[column][size] = epochDay;
    next();
  }

  /**
   * Appends a boolean.
   *
   * @param v the value
   */
  void addBool(boolean v) {
    if (kinds[column] != Kind.BOOL) {
      add(v);
      return;
    }
    ensureRoom();
    bools[column][size] = v ? TRUE : FALSE;
    next();
  }

  /**
   * Appends any value of the column (null where the column allows a blank).
   *
   * @param v the value
   */
  void add(Object v) {
    ensureRoom();
    int c = column;
    switch (kinds[c]) {
      case LONG -> {
        if (v != null && v.getClass() == Long.class) {
          longs[c][size] = (Long) v;
          next();
          return;
        }
      }
      case SECONDS -> {
        if (v instanceof Duration d && d.getNano() == 0) {
          longs[c][size] = d.getSeconds();
          next();
          return;
        }
      }
      case DAY -> {
        if (v == null) {
          days[c][size] = NO_DAY;
          next();
          return;
        }
        if (v.getClass() == LocalDate.class) {
          long e = ((LocalDate) v).toEpochDay();
          if (e > NO_DAY && e <= Integer.MAX_VALUE) {
            days[c][size] = (int) e;
            next();
            return;
          }
        }
      }
      case BOOL -> {
        if (v == null || v instanceof Boolean) {
          bools[c][size] = v == null ? NULL : (Boolean) v ? TRUE : FALSE;
          next();
          return;
        }
      }
      case NULL -> {
        if (v == null) {
          next();
          return;
        }
      }
      case OBJECT -> { }
    }
    toObjects(c);
    objects[c][size] = v;
    next();
  }

  /** Turns a column into references, boxing the values it holds. */
  private void toObjects(int c) {
    if (kinds[c] == Kind.OBJECT) {
      return;
    }
    Object[] boxed = new Object[capacity];
    int filled = c < column ? size + 1 : size;
    for (int r = 0; r < filled; r++) {
      boxed[r] = get(r, c);
    }
    kinds[c] = Kind.OBJECT;
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
        return longs[c][row];
      }
      case OBJECT -> {
        Object v = objects[c][row];
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
   * Returns a boolean without boxing.
   *
   * @param row the row
   * @param c the column
   * @return the value
   * @throws IllegalStateException if the value is blank or not a boolean
   */
  boolean getBool(int row, int c) {
    if (kinds[c] == Kind.BOOL && bools[c][row] != NULL) {
      return bools[c][row] == TRUE;
    }
    if (kinds[c] == Kind.OBJECT && objects[c][row] instanceof Boolean b) {
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
