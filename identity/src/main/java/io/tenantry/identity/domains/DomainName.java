package io.tenantry.identity.domains;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS domain name, stored lower-case: two or more labels of letters, digits and inner hyphens,
 * each at most 63 characters, 253 characters in all. Wildcards are refused.
 *
 * @param value the lower-case name, e.g. {@code contoso.com}
 */
public record DomainName(String value) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  /**
   * Normalises to lower case and validates.
   *
   * @throws ValidationException naming the field {@code domain} and the value, if it is not a
   *     valid domain name
   */
  public DomainName {
    if (value == null) {
      throw new ValidationException(Problem.of("domain", "must not be null", null));
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.endsWith(".")) {
      v = v.substring(0, v.length() - 1);
    }
    String[] labels = v.split("\\.", -1);
    boolean ok = v.length() <= 253 && labels.length >= 2;
    for (String l : labels) {
      ok &= LABEL.matcher(l).matches();
    }
    if (!ok) {
      throw new ValidationException(Problem.of("domain", "must be a domain name such as contoso.com"
          + " (letters, digits and hyphens, at least two labels, no wildcards)", value));
    }
    value = v;
  }

  /**
   * Parses a domain name.
   *
   * @param text the name
   * @return the domain name
   * @throws ValidationException if the text is not a domain name
   */
  public static DomainName of(String text) {
    return new DomainName(text);
  }

  /**
   * Tells whether this name is a strict subdomain of another ({@code a.contoso.com} of
   * {@code contoso.com}).
   *
   * @param parent the candidate parent
   * @return true when this name ends with {@code "." + parent}
   */
  public boolean isSubdomainOf(DomainName parent) {
    return value.endsWith("." + parent.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
