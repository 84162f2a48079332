package io.tenantry.reports.score;

import java.util.List;
import java.util.Objects;

/**
 * The champion candidates of one department, best first: by breadth, then active days, then
 * principal name. Departments of fewer than {@link GroupView#PRIVACY_FLOOR} people are never
 * listed.
 *
 * @param department the Department value
 * @param people how many people (members, not guests, existing as of R) hold the value
 * @param champions the best candidates, each counted in at least one scenario's numerator
 */
public record DepartmentChampions(String department, int people, List<Champion> champions) {

  /**
   * Validates the view and copies the candidates.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the department is below the privacy floor
   */
  public DepartmentChampions {
    Objects.requireNonNull(department, "department");
    champions = List.copyOf(champions);
    if (people < GroupView.PRIVACY_FLOOR) {
      throw new IllegalArgumentException("department '" + department + "' has " + people
          + " people, below the privacy floor of " + GroupView.PRIVACY_FLOOR);
    }
  }
}
