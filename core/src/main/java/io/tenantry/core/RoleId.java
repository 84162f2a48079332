package io.tenantry.core;

/**
 * The id of a role definition: a built-in role's template id or a custom role's id.
 *
 * <p>A value compared by value (case-sensitive, exactly as given). Valid values are non-blank, at
 * most 1,024 characters, without leading or trailing white space and without control characters.
 *
 * @param value the id as the directory holds it
 */
public record RoleId(String value) implements Comparable<RoleId> {

  /**
   * Validates the id.
   *
   * @throws io.tenantry.core.error.ValidationException naming the field {@code roleId} and the bad
   *     value, if the value is null, blank, too long or holds control characters
   */
  public RoleId {
    IdRules.opaque("roleId", value);
  }

  /**
   * Creates an id.
   *
   * @param value the id
   * @return the validated id
   * @throws io.tenantry.core.error.ValidationException if the value is not a valid id
   */
  public static RoleId of(String value) {
    return new RoleId(value);
  }

  /**
   * Orders ids by their value, ordinal (by UTF-16 code unit).
   *
   * @param other the id to compare with
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(RoleId other) {
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
