package io.tenantry.groups;

import java.util.Objects;

/**
 * Whether a user may create a group, and why: a decision as a value (§3.7).
 *
 * @param allowed true when the user may create the group
 * @param reason what decided, e.g. {@code "member of the allowed group 'creators' (nested)"}
 */
public record CreationDecision(boolean allowed, String reason) {

  /**
   * Validates the decision.
   *
   * @throws NullPointerException if {@code reason} is null
   */
  public CreationDecision {
    Objects.requireNonNull(reason, "reason");
  }

  static CreationDecision allow(String reason) {
    return new CreationDecision(true, reason);
  }

  static CreationDecision deny(String reason) {
    return new CreationDecision(false, reason);
  }
}
