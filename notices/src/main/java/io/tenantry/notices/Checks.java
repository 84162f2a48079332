package io.tenantry.notices;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validation helpers shared by the value types of this package; package-private. */
final class Checks {
  private Checks() {}

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  static ValidationException invalid(String field, String message, Object value) {
    return new ValidationException(Problem.of(field, message, value));
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw invalid(field, "is required", null);
    }
    return value;
  }

  static String id(String field, String value) {
    present(field, value);
    if (!ID.matcher(value).matches()) {
      throw invalid(field, "must be 1-64 characters of letters, digits, '.', '_' and '-'", value);
    }
    return value;
  }

  static String text(String field, String value) {
    present(field, value);
    if (value.isBlank()) {
      throw invalid(field, "must not be blank", value);
    }
    return value;
  }

  /** A one-line name (service, tag, role, UPN): non-blank, trimmed, no control characters. */
  static String name(String field, String value) {
    text(field, value);
    if (!value.strip().equals(value)) {
      throw invalid(field, "must not start or end with white space", value);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw invalid(field, "must not contain control characters", value);
      }
    }
    return value;
  }

  /** A user principal name: a one-line name with an '@', no white space, no '/' or '\\'. */
  static String upn(String field, String value) {
    name(field, value);
    if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '\\')
        || value.indexOf('@') <= 0
        || value.indexOf('@') == value.length() - 1) {
      throw invalid(field, "must be a user principal name like admin@contoso.com", value);
    }
    return value;
  }

  /** Copies names into an ordinal-sorted immutable set, validating each. */
  static Set<String> names(String field, Collection<String> values) {
    Objects.requireNonNull(values, field);
    TreeSet<String> sorted = new TreeSet<>();
    int i = 0;
    for (String v : values) {
      sorted.add(name(field + "[" + i++ + "]", v));
    }
    return java.util.Collections.unmodifiableSet(sorted);
  }
}
