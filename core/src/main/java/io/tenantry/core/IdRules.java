package io.tenantry.core;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;

/** The validation rules shared by the typed ids; package-private. */
final class IdRules {
  private IdRules() {}

  /** Maximum length of an opaque directory id (user, group, AU, role). */
  static final int MAX_ID_LENGTH = 1024;

  static String opaque(String kind, String value) {
    if (value == null) {
      throw invalid(kind, "must not be null", null);
    }
    if (value.isBlank()) {
      throw invalid(kind, "must not be blank", value);
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw invalid(kind, "must be at most " + MAX_ID_LENGTH + " characters, got " + value.length(),
          value.substring(0, 40) + "…");
    }
    if (!value.strip().equals(value)) {
      throw invalid(kind, "must not start or end with white space", value);
    }
    int bad = firstControl(value);
    if (bad >= 0) {
      throw invalid(kind, "must not contain control characters (found U+"
          + String.format("%04X", (int) value.charAt(bad)) + " at index " + bad + ")", value);
    }
    return value;
  }

  static int firstControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static ValidationException invalid(String kind, String message, String value) {
    return new ValidationException(Problem.of(kind, message, value));
  }
}
