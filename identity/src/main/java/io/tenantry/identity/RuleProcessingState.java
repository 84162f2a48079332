package io.tenantry.identity;

import java.util.Locale;

/**
 * Whether a dynamic administrative unit's membership rule is being processed: Graph's
 * {@code membershipRuleProcessingState} ({@code directory-semantics.md} §1.2). While the rule is
 * {@link #PAUSED}, it is kept but not evaluated: the AU's members are those it had when processing
 * was paused, and they stay as they are whatever the users' attributes become. An assigned AU has
 * no rule to process and is always {@link #ON}.
 */
public enum RuleProcessingState {
  /** The rule decides the members, evaluated against the directory as it is ({@code "On"}). */
  ON("On"),
  /** The rule is kept but not evaluated; the members at the pause stay ({@code "Paused"}). */
  PAUSED("Paused");

  private final String graphValue;

  RuleProcessingState(String graphValue) {
    this.graphValue = graphValue;
  }

  /**
   * Returns the value as Graph spells it.
   *
   * @return {@code "On"} or {@code "Paused"}
   */
  public String graphValue() {
    return graphValue;
  }

  /**
   * Reads Graph's value, ignoring case.
   *
   * @param value {@code On} or {@code Paused}, in any case
   * @return the state
   * @throws IllegalArgumentException if the value is neither, naming it
   * @throws NullPointerException if {@code value} is null
   */
  public static RuleProcessingState parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (RuleProcessingState s : values()) {
      if (s.graphValue.toLowerCase(Locale.ROOT).equals(v)) {
        return s;
      }
    }
    throw new IllegalArgumentException("membership rule processing state must be On or Paused, got '"
        + value + "'");
  }
}
