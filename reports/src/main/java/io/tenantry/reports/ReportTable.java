package io.tenantry.reports;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A computed report: its function, columns and rows of typed values, ready for a writer.
 *
 * <p>Values by {@link ColumnType}: TEXT and PRODUCTS a {@link String}; DATE a {@link
 * java.time.LocalDate} or null; TRUE_FALSE and YES_NO a {@link Boolean}; COUNT and PERIOD a {@link
 * Long}; DURATION a {@link java.time.Duration}; NOT_MEASURED null. Immutable.
 *
 * <p>The rows are held column by column in primitive arrays and {@link #rows()} is a read-only view
 * over them that boxes a value when it is read; {@link #value} reads one cell, and {@link
 * #longValue}, {@link #booleanValue} and {@link #epochDayValue} (a date as its epoch day) read
 * one without boxing. Two tables are equal when their functions and rows are.
 */
public final class ReportTable {
  private final ReportFunction function;
  private final ColumnarRows store;
  private final int[] order;
  private final List<List<Object>> rows;

  /**
   * Validates and copies the rows (values may be null).
   *
   * @param function the report function
   * @param rows the rows, each as long as the function's column list, in output order
   * @throws NullPointerException if the function or rows are null
   * @throws IllegalArgumentException if a row's length differs from the column count
   */
  public ReportTable(ReportFunction function, List<List<Object>> rows) {
    this(function, copy(function, rows), null);
  }

  /**
   * A table over rendered rows, listed in {@code order} (store row indexes), or in store order
   * when {@code order} is null. The store must not change afterwards.
   */
  ReportTable(ReportFunction function, ColumnarRows store, int[] order) {
    this.function = Objects.requireNonNull(function, "function");
    this.store = store;
    this.order = order;
    this.rows = new Rows();
  }

  private static ColumnarRows copy(ReportFunction function, List<List<Object>> rows) {
    Objects.requireNonNull(function, "function");
    int width = function.columns().size();
    ColumnarRows store = new ColumnarRows(function.columns(), rows.size());
    for (List<Object> row : rows) {
      if (row.size() != width) {
        throw new IllegalArgumentException(function.graphName() + ": a row has " + row.size()
            + " values for " + width + " columns");
      }
      for (Object v : row) {
        store.add(v);
      }
    }
    return store;
  }

  /**
   * Returns the report function.
   *
   * @return the function
   */
  public ReportFunction function() {
    return function;
  }

  /**
   * Returns the rows in output order: a read-only view, each row as long as the column list.
   *
   * @return the rows
   */
  public List<List<Object>> rows() {
    return rows;
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int rowCount() {
    return store.size();
  }

  private int at(int row) {
    Objects.checkIndex(row, store.size());
    return order == null ? row : order[row];
  }

  /**
   * Returns one value, typed as {@link #rows()} gives it.
   *
   * @param row the row, 0 ≤ row &lt; {@link #rowCount()}
   * @param column the column's position
   * @return the value, or null for a blank
   * @throws IndexOutOfBoundsException for a bad row or column
   */
  public Object value(int row, int column) {
    return store.get(at(row), Objects.checkIndex(column, store.width()));
  }

  /**
   * Returns a COUNT or PERIOD value, or a DURATION in whole seconds, without boxing.
   *
   * @param row the row
   * @param column the column's position
   * @return the value
   * @throws IndexOutOfBoundsException for a bad row or column
   * @throws IllegalStateException if the cell is blank or not a number
   */
  public long longValue(int row, int column) {
    return store.getLong(at(row), Objects.checkIndex(column, store.width()));
  }

  /**
   * Returns a DATE value as its epoch day ({@link java.time.LocalDate#toEpochDay}), without
   * making a {@link java.time.LocalDate}.
   *
   * @param row the row
   * @param column the column's position
   * @return the epoch day
   * @throws IndexOutOfBoundsException for a bad row or column
   * @throws IllegalStateException if the cell is blank or not a date
   */
  public long epochDayValue(int row, int column) {
    return store.getDay(at(row), Objects.checkIndex(column, store.width()));
  }

  /**
   * Returns a TRUE_FALSE or YES_NO value without boxing.
   *
   * @param row the row
   * @param column the column's position
   * @return the value
   * @throws IndexOutOfBoundsException for a bad row or column
   * @throws IllegalStateException if the cell is blank or not a boolean
   */
  public boolean booleanValue(int row, int column) {
    return store.getBool(at(row), Objects.checkIndex(column, store.width()));
  }

  /**
   * Returns the columns.
   *
   * @return the function's columns
   */
  public List<Column> columns() {
    return function.columns();
  }

  /**
   * Returns the position of a column by its exact header.
   *
   * @param header the header
   * @return the position
   * @throws IllegalArgumentException if the report has no such column
   */
  public int indexOf(String header) {
    for (int i = 0; i < columns().size(); i++) {
      if (columns().get(i).header().equals(header)) {
        return i;
      }
    }
    throw new IllegalArgumentException(function.graphName() + " has no column " + header);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportTable t && function == t.function && rows.equals(t.rows);
  }

  @Override
  public int hashCode() {
    return 31 * function.hashCode() + rows.hashCode();
  }

  @Override
  public String toString() {
    return "ReportTable[function=" + function + ", rows=" + rows + "]";
  }

  /** The rows in output order. */
  private final class Rows extends AbstractList<List<Object>> implements RandomAccess {
    @Override
    public List<Object> get(int index) {
      return new Row(at(index));
    }

    @Override
    public int size() {
      return store.size();
    }
  }

  /** One row's values, boxed as read. */
  private final class Row extends AbstractList<Object> implements RandomAccess {
    private final int row;

    Row(int row) {
      this.row = row;
    }

    @Override
    public Object get(int index) {
      return store.get(row, Objects.checkIndex(index, store.width()));
    }

    @Override
    public int size() {
      return store.width();
    }
  }
}
