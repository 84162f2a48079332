package io.tenantry.core;

/**
 * The key of a stored object inside one tenant, e.g. {@code "reports/2026/q2.xlsx"}.
 *
 * <p>1 to 1,024 characters, no control characters; {@code /} is allowed and has no special
 * meaning. Compared by value, case-sensitively.
 *
 * @param value the key
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {
  /** The longest key accepted, in characters (Unicode code points, so an emoji counts once). */
  public static final int MAX_LENGTH = 1024;

  /**
   * Validates the key.
   *
   * @throws io.tenantry.core.error.ValidationException naming the field {@code key} and the bad
   *     value, if the value is null, empty, longer than 1,024 characters or holds a control character
   */
  public ObjectKey {
    if (value == null) {
      throw IdRules.invalid("key", "must not be null", null);
    }
    if (value.isEmpty() || (value.length() > MAX_LENGTH
        && value.codePointCount(0, value.length()) > MAX_LENGTH)) {
      throw IdRules.invalid("key", "must be 1-" + MAX_LENGTH + " characters, got "
          + value.codePointCount(0, value.length()),
          value.length() > 60 ? value.substring(0, 60) + "…" : value);
    }
    int bad = IdRules.firstControl(value);
    if (bad >= 0) {
      throw IdRules.invalid("key", "must not contain control characters (found one at index "
          + bad + ")", value);
    }
  }

  /**
   * Creates a key.
   *
   * @param value the key
   * @return the validated key
   * @throws io.tenantry.core.error.ValidationException if the value is not a valid key
   */
  public static ObjectKey of(String value) {
    return new ObjectKey(value);
  }

  /**
   * Orders keys by value, ordinal (by UTF-16 code unit).
   *
   * @param other the key to compare with
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(ObjectKey other) {
    return value.compareTo(other.value);
  }

  /**
   * Returns the raw value.
   *
   * @return the key as given
   */
  @Override
  public String toString() {
    return value;
  }
}
