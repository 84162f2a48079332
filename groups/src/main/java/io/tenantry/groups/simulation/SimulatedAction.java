package io.tenantry.groups.simulation;

import io.tenantry.groups.LifecycleAction;
import java.util.Objects;

/**
 * An action of a simulation file, with the line it was read from.
 *
 * @param action the action
 * @param line the line it starts on
 */
public record SimulatedAction(LifecycleAction action, int line) {

  /**
   * Validates the value.
   *
   * @throws NullPointerException if {@code action} is null
   */
  public SimulatedAction {
    Objects.requireNonNull(action, "action");
  }
}
