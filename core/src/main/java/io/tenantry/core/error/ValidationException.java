package io.tenantry.core.error;

import io.tenantry.core.validation.Problem;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when input is invalid. It carries <em>every</em> problem found, each with its field path,
 * the rejected value and, for file input, the file and line, so a user can fix everything in one
 * pass instead of one error at a time.
 */
public class ValidationException extends TenantryException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  /**
   * Creates the exception from one or more problems.
   *
   * @param problems the problems found, in the order they were found; at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   * @throws NullPointerException if {@code problems} or an element is null
   */
  public ValidationException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates the exception for a single problem.
   *
   * @param problem the problem found
   */
  public ValidationException(Problem problem) {
    this(List.of(Objects.requireNonNull(problem, "problem")));
  }

  /**
   * Returns every problem found.
   *
   * @return an immutable list with at least one element
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size() + " problems:\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }
}
