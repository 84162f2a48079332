package io.tenantry.core;

/**
 * The stable id of a user (a member or a guest) inside one tenant: a GUID in Microsoft tenants, any non-blank string here.
 *
 * <p>A value compared by value (case-sensitive, exactly as given). Valid values are non-blank, at
 * most 1,024 characters, without leading or trailing white space and without control characters.
 *
 * @param value the id as the directory holds it
 */
public record UserId(String value) implements Comparable<UserId> {

  /**
   * Validates the id.
   *
   * @throws io.tenantry.core.error.ValidationException naming the field {@code userId} and the bad
   *     value, if the value is null, blank, too long or holds control characters
   */
  public UserId {
    IdRules.opaque("userId", value);
  }

  /**
   * Creates an id.
   *
   * @param value the id
   * @return the validated id
   * @throws io.tenantry.core.error.ValidationException if the value is not a valid id
   */
  public static UserId of(String value) {
    return new UserId(value);
  }

  /**
   * Orders ids by their value, ordinal (by UTF-16 code unit).
   *
   * @param other the id to compare with
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(UserId other) {
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
