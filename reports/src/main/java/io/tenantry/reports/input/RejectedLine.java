package io.tenantry.reports.input;

import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.SourceLocation;
import java.util.Objects;

/**
 * A line of {@code events.jsonl} that was rejected, with its number and reason ({@code
 * activity-events.md} §3).
 *
 * @param source the file name
 * @param line the 1-based line number
 * @param field the field at fault ({@code line} when the whole line is)
 * @param reason why it was rejected
 * @param value the rejected value, or null
 */
public record RejectedLine(String source, int line, String field, String reason, String value) {

  /**
   * Validates the rejection.
   *
   * @throws NullPointerException if the source, field or reason is null
   */
  public RejectedLine {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the rejection as a located validation problem.
   *
   * @return the problem
   */
  public Problem toProblem() {
    return new Problem(field, reason, value, new SourceLocation(source, line));
  }

  /**
   * Renders {@code field: reason (value 'x') (file:line)}.
   *
   * @return the message
   */
  @Override
  public String toString() {
    return toProblem().toString();
  }
}
