package io.tenantry.core.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with an input: which field, what is wrong, the rejected value and where it was
 * read.
 *
 * @param path the field path, dot-separated with indexes in brackets, e.g.
 *     {@code "policy.lifetimeDays"} or {@code "assignments[2].role"}; never blank
 * @param message what is wrong, phrased for the user who has to fix it
 * @param value the rejected value as text, or null when there was no value (a missing field)
 * @param location where the value was read, or null for values that did not come from a file
 */
public record Problem(String path, String message, String value, SourceLocation location) {

  /**
   * Validates the problem.
   *
   * @throws NullPointerException if {@code path} or {@code message} is null
   * @throws IllegalArgumentException if {@code path} or {@code message} is blank
   */
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (path.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("a problem needs a field path and a message");
    }
  }

  /**
   * Creates a problem with a rejected value and no file location.
   *
   * @param path the field path
   * @param message what is wrong
   * @param value the rejected value, or null
   * @return the problem
   */
  public static Problem of(String path, String message, Object value) {
    return new Problem(path, message, value == null ? null : String.valueOf(value), null);
  }

  /**
   * Returns the rejected value, if there was one.
   *
   * @return the value, or empty for a missing field
   */
  public Optional<String> rejectedValue() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns where the value was read, if it came from a file.
   *
   * @return the location, or empty
   */
  public Optional<SourceLocation> sourceLocation() {
    return Optional.ofNullable(location);
  }

  /**
   * Returns a copy of this problem located in a file.
   *
   * @param where the file and line
   * @return a new problem with the same path, message and value
   */
  public Problem at(SourceLocation where) {
    return new Problem(path, message, value, Objects.requireNonNull(where, "where"));
  }

  /**
   * Renders the problem as {@code path: message (value 'x') (file:line)}.
   *
   * @return a line fit for an error report
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(path).append(": ").append(message);
    if (value != null) {
      sb.append(" (value '").append(value).append("')");
    }
    if (location != null) {
      sb.append(" (").append(location).append(')');
    }
    return sb.toString();
  }
}
