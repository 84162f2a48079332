package io.tenantry.groups;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A tenant's expiration policy together with the day it was switched on (from which it is in
 * force and from which the 35-day rule counts).
 *
 * @param policy the policy
 * @param enabledOn the day it is in force from
 */
public record ExpirationSetting(ExpirationPolicy policy, LocalDate enabledOn) {

  /**
   * Validates the value.
   *
   * @throws NullPointerException if a component is null
   */
  public ExpirationSetting {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(enabledOn, "enabledOn");
  }

  /**
   * Returns the engine for this setting.
   *
   * @return a lifecycle engine
   */
  public LifecycleEngine engine() {
    return LifecycleEngine.of(policy, enabledOn);
  }
}
