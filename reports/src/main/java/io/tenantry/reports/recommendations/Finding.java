package io.tenantry.reports.recommendations;

import java.util.List;
import java.util.Objects;

/**
 * What a rule found wrong: which rule, how serious, the objects affected and the one action that
 * fixes it.
 *
 * @param ruleId the id of the rule that fired
 * @param severity how serious
 * @param title what is wrong, in one line
 * @param action the one action that fixes it
 * @param affected the objects affected (principal names, group names, scenario names), sorted
 */
public record Finding(String ruleId, Severity severity, String title, String action,
    List<String> affected) {

  /** How serious a finding is. */
  public enum Severity {
    /** Fix now: a security exposure. */
    HIGH,
    /** Fix soon: hygiene or an adoption gap. */
    MEDIUM,
    /** Worth a look. */
    LOW
  }

  /**
   * Validates the finding and copies the affected objects.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the rule id, title or action is blank
   */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(action, "action");
    affected = List.copyOf(affected);
    if (ruleId.isBlank() || title.isBlank() || action.isBlank()) {
      throw new IllegalArgumentException("a finding needs a rule id, a title and an action");
    }
  }
}
