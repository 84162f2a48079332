package io.tenantry.core;

/**
 * The id of an administrative unit inside one tenant.
 *
 * <p>A value compared by value (case-sensitive, exactly as given). Valid values are non-blank, at
 * most 1,024 characters, without leading or trailing white space and without control characters.
 *
 * @param value the id as the directory holds it
 */
public record AdminUnitId(String value) implements Comparable<AdminUnitId> {

  /**
   * Validates the id.
   *
   * @throws io.tenantry.core.error.ValidationException naming the field {@code adminUnitId} and the bad
   *     value, if the value is null, blank, too long or holds control characters
   */
  public AdminUnitId {
    IdRules.opaque("adminUnitId", value);
  }

  /**
   * Creates an id.
   *
   * @param value the id
   * @return the validated id
   * @throws io.tenantry.core.error.ValidationException if the value is not a valid id
   */
  public static AdminUnitId of(String value) {
    return new AdminUnitId(value);
  }

  /**
   * Orders ids by their value, ordinal (by UTF-16 code unit).
   *
   * @param other the id to compare with
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(AdminUnitId other) {
    return value.compareTo(other.value);
  }

  /**
   * Returns the raw value.
   *
   * @return the id as given
   */
  @Override
  public String toString() {
    return value;
  }
}
