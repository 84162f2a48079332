package io.tenantry.core;

import java.util.regex.Pattern;

/**
 * The id of a tenant: the boundary no Tenantry API, port or cache ever crosses.
 *
 * <p>1 to 64 characters, each an ASCII letter, a digit, {@code -} or {@code .}, not {@code .} or
 * {@code ..} alone. The restriction keeps a tenant id safe as a file-system path segment and a
 * storage-key prefix. Compared by value, case-sensitively.
 *
 * @param value the tenant id
 */
public record TenantId(String value) implements Comparable<TenantId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

  /**
   * Validates the tenant id.
   *
   * @throws io.tenantry.core.error.ValidationException naming the field {@code tenantId} and the
   *     bad value, if the value is null or breaks the rule above
   */
  public TenantId {
    if (value == null) {
      throw IdRules.invalid("tenantId", "must not be null", null);
    }
    if (!VALID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      throw IdRules.invalid("tenantId",
          "must be 1-64 characters of letters, digits, '-' and '.' (and not '.' or '..')", value);
    }
  }

  /**
   * Creates a tenant id.
   *
   * @param value the id
   * @return the validated id
   * @throws io.tenantry.core.error.ValidationException if the value is not a valid tenant id
   */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  /**
   * Orders tenant ids by value, ordinal.
   *
   * @param other the id to compare with
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(TenantId other) {
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
