package io.tenantry.reports;

import java.util.Objects;

/**
 * A column of a report: its CSV header (exact), its JSON property name (camelCase, as in the
 * Graph beta JSON), its type and how concealment treats it.
 *
 * @param header the CSV header
 * @param jsonName the JSON property name
 * @param type the value type
 * @param concealment what {@code --conceal} does to the column
 */
public record Column(String header, String jsonName, ColumnType type, Concealment concealment) {

  /** What concealed names do to a column ({@code activity-events.md} §8). */
  public enum Concealment {
    /** Left as is. */
    NONE,
    /** Replaced by a 32-character upper-case hexadecimal token. */
    TOKEN,
    /** Replaced by the all-zero GUID. */
    ZERO_GUID
  }

  /**
   * Validates the column.
   *
   * @throws NullPointerException if a component is null
   */
  public Column {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(jsonName, "jsonName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(concealment, "concealment");
  }
}
