package io.tenantry.reports.internal;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * Reads and checks the header line of a CSV file: it must exist, hold every required column and
   * name no column twice.
   *
   * @param csv the reader, positioned at the start of the file
   * @param source the file name for error locations
   * @param required the required column names
   * @return the header's columns
   * @throws IOException if reading fails
   * @throws ValidationException listing every problem of the header (with line 1), or when the
   *     file is empty or its header ends inside a quoted field
   */
  public static HeaderMap read(CsvReader csv, String source, List<String> required)
      throws IOException {
    CsvReader.Row header;
    try {
      header = csv.next();
    } catch (CsvReader.MalformedCsvException e) {
      throw malformed(e, source);
    }
    if (header == null) {
      throw new ValidationException(new Problem("header", "the file is empty: a header line with "
          + String.join(" and ", required) + " is required", null, new SourceLocation(source, 1)));
    }
    HeaderMap h = new HeaderMap(header.fields());
    Problems problems = new Problems();
    SourceLocation at = new SourceLocation(source, header.line());
    for (String name : required) {
      if (!h.has(name)) {
        problems.add(at, "header", "the required column '" + name + "' is missing",
            String.join(",", header.fields()));
      }
    }
    for (String d : h.duplicates()) {
      problems.add(at, "header", "the column '" + d + "' appears more than once", d);
    }
    problems.throwIfAny();
    return h;
  }

  /**
   * Turns a broken quoted field into a located validation error.
   *
   * @param e the failure
   * @param source the file name
   * @return the exception to throw
   */
  public static ValidationException malformed(CsvReader.MalformedCsvException e, String source) {
    return new ValidationException(new Problem("row", e.getMessage(), null,
        new SourceLocation(source, e.line())));
  }

  /**
   * Returns the columns whose names are not among the defined ones (first occurrence only), in
   * file order, keyed by the header as written (BOM and surrounding white space removed).
   *
   * @param definedKeys the {@link CsvReader#headerKey keys} of the defined columns
   * @return header → position
   */
  public Map<String, Integer> extraColumns(Set<String> definedKeys) {
    Map<String, Integer> extra = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String key = CsvReader.headerKey(headers.get(i));
      if (!key.isEmpty() && !definedKeys.contains(key) && index(key) == i) {
        extra.put(headers.get(i).replace("\uFEFF", "").strip(), i);
      }
    }
    return extra;
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
