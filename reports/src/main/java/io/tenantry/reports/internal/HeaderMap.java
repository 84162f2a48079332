package io.tenantry.reports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds CSV columns by header name: names are matched with {@link CsvReader#headerKey} (BOM
 * stripped, white space collapsed, case ignored); the first of two equal headers wins and the
 * repeats are listed by {@link #duplicates()}. Immutable.
 */
public final class HeaderMap {
  private final List<String> headers;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();

  /**
   * Indexes a header row.
   *
   * @param headers the header cells as written
   */
  public HeaderMap(List<String> headers) {
    this.headers = List.copyOf(headers);
    for (int i = 0; i < this.headers.size(); i++) {
      String key = CsvReader.headerKey(this.headers.get(i));
      if (key.isEmpty()) {
        continue;
      }
      if (index.putIfAbsent(key, i) != null) {
        duplicates.add(this.headers.get(i).strip());
      }
    }
  }

  /**
   * Returns the position of a column.
   *
   * @param name the header name, in any case and spacing
   * @return the 0-based position, or -1 when the file has no such column
   */
  public int index(String name) {
    Integer i = index.get(CsvReader.headerKey(name));
    return i == null ? -1 : i;
  }

  /**
   * Tells whether a column is present.
   *
   * @param name the header name
   * @return true when present
   */
  public boolean has(String name) {
    return index(name) >= 0;
  }

  /**
   * Returns a cell of a row, stripped of surrounding white space; "" when the column is absent or
   * the row is short.
   *
   * @param fields the row's fields
   * @param column the column position, or -1
   * @return the value
   */
  public static String cell(List<String> fields, int column) {
    if (column < 0 || column >= fields.size()) {
      return "";
    }
    return fields.get(column).strip();
  }

  /**
   * Returns the header cells as written.
   *
   * @return the headers
   */
  public List<String> headers() {
    return headers;
  }

  /**
   * Returns the header names that appear more than once (each repeat once).
   *
   * @return the repeated names
   */
  public List<String> duplicates() {
    return List.copyOf(duplicates);
  }
}
