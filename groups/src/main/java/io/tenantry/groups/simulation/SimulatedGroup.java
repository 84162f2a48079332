package io.tenantry.groups.simulation;

import io.tenantry.groups.Group;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A group of a simulation file with the days it had renewal-counting activity.
 *
 * @param group the group
 * @param activity the days with activity, as listed
 * @param line the line the group starts on
 */
public record SimulatedGroup(Group group, List<LocalDate> activity, int line) {

  /**
   * Validates the value and copies the days.
   *
   * @throws NullPointerException if a component or a day is null
   */
  public SimulatedGroup {
    Objects.requireNonNull(group, "group");
    activity = List.copyOf(activity);
  }
}
