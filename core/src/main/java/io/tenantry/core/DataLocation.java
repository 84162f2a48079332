package io.tenantry.core;

import java.util.Objects;

/**
 * A Multi-Geo data location (a "geo"): where a tenant's data for a user, group or object is kept,
 * named by its code such as {@code NAM} or {@code EUR}.
 *
 * <p>Instances come from a {@link GeoRegistry}, which knows the valid codes; the list of geos grows
 * over time, so it is data, not an enum. Two locations are equal when their codes are equal.
 */
public final class DataLocation implements Comparable<DataLocation> {
  private final String code;
  private final String name;

  DataLocation(String code, String name) {
    this.code = Objects.requireNonNull(code, "code");
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Returns the geo code.
   *
   * @return the upper-case code, e.g. {@code "EUR"}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the geo's display name.
   *
   * @return e.g. {@code "Europe / Middle East / Africa"}
   */
  public String name() {
    return name;
  }

  /**
   * Orders locations by code.
   *
   * @param other the location to compare with
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(DataLocation other) {
    return code.compareTo(other.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataLocation other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /**
   * Returns the code.
   *
   * @return the geo code
   */
  @Override
  public String toString() {
    return code;
  }
}
