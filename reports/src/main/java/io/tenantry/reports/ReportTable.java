package io.tenantry.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A computed report: its function, columns and rows of typed values, ready for a writer.
 *
 * <p>Values by {@link ColumnType}: TEXT and PRODUCTS a {@link String}; DATE a {@link
 * java.time.LocalDate} or null; TRUE_FALSE and YES_NO a {@link Boolean}; COUNT and PERIOD a {@link
 * Long}; DURATION a {@link java.time.Duration}; NOT_MEASURED null. Immutable.
 *
 * @param function the report function
 * @param rows the rows, each as long as the function's column list, in output order
 */
public record ReportTable(ReportFunction function, List<List<Object>> rows) {

  /**
   * Validates and copies the rows (values may be null).
   *
   * @throws NullPointerException if the function or rows are null
   * @throws IllegalArgumentException if a row's length differs from the column count
   */
  public ReportTable {
    Objects.requireNonNull(function, "function");
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != function.columns().size()) {
        throw new IllegalArgumentException(function.graphName() + ": a row has " + row.size()
            + " values for " + function.columns().size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
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
}
