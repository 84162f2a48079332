package io.tenantry.core.validation;

import io.tenantry.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An accumulator of {@link Problem}s: validation code adds every problem it finds and throws once
 * at the end, so a user sees all of them together.
 *
 * <p>Not thread-safe; use one per validation pass.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * if (lifetime < 30) problems.add("policy.lifetimeDays", "must be at least 30", lifetime);
 * problems.throwIfAny();
 * }</pre>
 */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();

  /** Creates an empty accumulator. */
  public Problems() {}

  /**
   * Records a problem.
   *
   * @param problem the problem
   * @return this accumulator
   * @throws NullPointerException if {@code problem} is null
   */
  public Problems add(Problem problem) {
    found.add(Objects.requireNonNull(problem, "problem"));
    return this;
  }

  /**
   * Records a problem with a rejected value and no file location.
   *
   * @param path the field path
   * @param message what is wrong
   * @param value the rejected value, or null
   * @return this accumulator
   */
  public Problems add(String path, String message, Object value) {
    return add(Problem.of(path, message, value));
  }

  /**
   * Records a problem read from a file.
   *
   * @param location the file and line
   * @param path the field path
   * @param message what is wrong
   * @param value the rejected value, or null
   * @return this accumulator
   */
  public Problems add(SourceLocation location, String path, String message, Object value) {
    return add(Problem.of(path, message, value).at(location));
  }

  /**
   * Records every problem of a validation exception thrown by nested validation.
   *
   * @param e the exception whose problems to keep
   * @return this accumulator
   */
  public Problems addAll(ValidationException e) {
    found.addAll(e.problems());
    return this;
  }

  /**
   * Tells whether nothing was recorded.
   *
   * @return true when there is no problem
   */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * Returns the problems recorded so far.
   *
   * @return an immutable copy, in the order recorded
   */
  public List<Problem> list() {
    return List.copyOf(found);
  }

  /**
   * Throws when any problem was recorded.
   *
   * @throws ValidationException carrying every recorded problem, if there is at least one
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
