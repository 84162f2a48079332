package io.tenantry.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Authorizer's answer: allow or deny, why, and the role assignment that decided (DESIGN
 * principle 2). A deny has no deciding assignment. {@code steps} holds the whole reasoning when the
 * decision came from {@link Authorizer#explain}, and is empty from {@link Authorizer#authorize}.
 *
 * @param allowed whether the action is allowed
 * @param reason one line saying why, fit for an error message
 * @param decidedBy the assignment that allowed the action, or null (a deny, or an allow that no
 *     role decided such as guest invitation under {@code allowInvitesFrom: everyone})
 * @param steps the reasoning, one line per step, or empty
 */
public record Decision(boolean allowed, String reason, RoleAssignment decidedBy, List<String> steps) {

  /**
   * Validates the decision.
   *
   * @throws NullPointerException if {@code reason} or {@code steps} is null
   * @throws IllegalArgumentException if a deny names a deciding assignment
   */
  public Decision {
    Objects.requireNonNull(reason, "reason");
    steps = List.copyOf(steps);
    if (!allowed && decidedBy != null) {
      throw new IllegalArgumentException("a deny has no deciding assignment");
    }
  }

  /**
   * An allow decided by an assignment.
   *
   * @param by the assignment, or null when no role decided
   * @param reason why
   * @return the decision
   */
  public static Decision allow(RoleAssignment by, String reason) {
    return new Decision(true, reason, by, List.of());
  }

  /**
   * A deny.
   *
   * @param reason why
   * @return the decision
   */
  public static Decision deny(String reason) {
    return new Decision(false, reason, null, List.of());
  }

  /**
   * Returns the deciding assignment.
   *
   * @return the assignment, or empty
   */
  public Optional<RoleAssignment> decidingAssignment() {
    return Optional.ofNullable(decidedBy);
  }

  /**
   * Returns a copy carrying the reasoning.
   *
   * @param reasoning the steps
   * @return the decision with {@code steps} set
   */
  public Decision withSteps(List<String> reasoning) {
    return new Decision(allowed, reason, decidedBy, reasoning);
  }

  /**
   * Renders the decision as {@code allow (reason)} or {@code deny (reason)}.
   *
   * @return one line
   */
  @Override
  public String toString() {
    return (allowed ? "allow" : "deny") + " (" + reason + ")";
  }
}
