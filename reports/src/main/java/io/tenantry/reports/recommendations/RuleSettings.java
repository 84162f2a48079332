package io.tenantry.reports.recommendations;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The data that drives the built-in rules: their thresholds. {@link #defaults()} gives the values
 * the issue names; a host overrides any of them.
 *
 * @param maxGlobalAdministrators more Global Administrators than this is a finding (default 4)
 * @param inactiveDays a group or guest without activity for this many days is inactive (90)
 * @param maxInactiveGroupShare with group expiration off, a larger share of inactive groups is a
 *     finding (0.1, a tenth)
 * @param minMfaShare a smaller share of active users with MFA is a finding (0.9)
 * @param minScenarioLevel a Usage Score scenario below this maturity level is a finding (300)
 */
public record RuleSettings(int maxGlobalAdministrators, int inactiveDays,
    BigDecimal maxInactiveGroupShare, BigDecimal minMfaShare, int minScenarioLevel) {

  /**
   * Validates the settings.
   *
   * @throws NullPointerException if a share is null
   * @throws IllegalArgumentException if a value is out of range
   */
  public RuleSettings {
    Objects.requireNonNull(maxInactiveGroupShare, "maxInactiveGroupShare");
    Objects.requireNonNull(minMfaShare, "minMfaShare");
    if (maxGlobalAdministrators < 1 || inactiveDays < 1) {
      throw new IllegalArgumentException("maxGlobalAdministrators and inactiveDays must be at "
          + "least 1, got " + maxGlobalAdministrators + " and " + inactiveDays);
    }
    if (maxInactiveGroupShare.signum() < 0 || maxInactiveGroupShare.compareTo(BigDecimal.ONE) > 0
        || minMfaShare.signum() < 0 || minMfaShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("shares must lie within 0-1, got "
          + maxInactiveGroupShare + " and " + minMfaShare);
    }
    if (minScenarioLevel % 100 != 0 || minScenarioLevel < 100 || minScenarioLevel > 500) {
      throw new IllegalArgumentException("minScenarioLevel must be 100, 200, 300, 400 or 500, got "
          + minScenarioLevel);
    }
  }

  /**
   * Returns the default thresholds: 4 admins, 90 days, a tenth, 90 % MFA, level 300.
   *
   * @return the defaults
   */
  public static RuleSettings defaults() {
    return new RuleSettings(4, 90, new BigDecimal("0.1"), new BigDecimal("0.9"), 300);
  }
}
