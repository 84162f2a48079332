package io.tenantry.reports.score;

import java.util.List;
import java.util.Objects;

/**
 * A candidate for a champions program: a person whose usage is broad (counted in the numerator
 * of many scenarios) and regular (active on many days of the window).
 *
 * @param person the person
 * @param strengths the scenarios in whose numerator the person counts on R, in the spec's order
 *     (Meetings: attended a meeting with video or screen sharing)
 * @param activeDays the days of the 28-day window with an event that makes the person active
 */
public record Champion(TargetPerson person, List<Scenario> strengths, int activeDays) {

  /**
   * Validates the candidate and copies the strengths.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if active days lie outside 0–28
   */
  public Champion {
    Objects.requireNonNull(person, "person");
    strengths = List.copyOf(strengths);
    if (activeDays < 0 || activeDays > 28) {
      throw new IllegalArgumentException("active days must lie within 0-28, got " + activeDays);
    }
  }

  /**
   * Returns how broad the person's usage is.
   *
   * @return the number of scenarios the person counts in
   */
  public int breadth() {
    return strengths.size();
  }
}
