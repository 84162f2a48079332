package io.tenantry.reports.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One scenario's line of a Usage Score: its numerator N, denominator M, points, maturity level and,
 * when peers were given, the peer value and the difference.
 *
 * <p>With {@code denominator == 0} the scenario is not applicable: {@code points} and {@code
 * maturity} are null and the scenario is left out of the total. Meetings' numerator and denominator
 * are weighted meeting counts (seconds), every other scenario's are counts of people.
 *
 * @param scenario the scenario
 * @param numerator N, never above M
 * @param denominator M
 * @param points 100 × N ÷ M rounded half-up to one decimal, or null when M is 0
 * @param maturity the level read from {@code points}, or null when M is 0
 * @param peer the peer value from {@code peers.json}, or null when none was given
 * @param peerDelta {@code points − peer} rounded half-up to one decimal, or null when either is null
 */
public record ScenarioResult(Scenario scenario, long numerator, long denominator, BigDecimal points,
    MaturityLevel maturity, BigDecimal peer, BigDecimal peerDelta) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if {@code scenario} is null
   * @throws IllegalArgumentException if N is negative or above M, or if points/maturity are present
   *     exactly when M is 0
   */
  public ScenarioResult {
    Objects.requireNonNull(scenario, "scenario");
    if (numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(scenario.displayName() + ": numerator " + numerator
          + " must lie within 0.." + denominator);
    }
    if ((denominator == 0) != (points == null) || (points == null) != (maturity == null)) {
      throw new IllegalArgumentException(scenario.displayName()
          + ": points and maturity are null exactly when the denominator is 0 (denominator "
          + denominator + ", points " + points + ", maturity " + maturity + ")");
    }
    if (peerDelta != null && (peer == null || points == null)) {
      throw new IllegalArgumentException(scenario.displayName()
          + ": a peer delta needs both points and a peer value");
    }
  }

  /**
   * Tells whether the scenario applies (its denominator is above 0).
   *
   * @return true when the scenario has points
   */
  public boolean applicable() {
    return points != null;
  }
}
