package io.tenantry.reports.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One day of a Usage Score's history: the total percentage and each scenario's points as they
 * were on that day, each day computed over its own trailing 28-day window.
 *
 * @param date the day (the as-of day of that day's computation)
 * @param percent the total percentage, or null when no scenario applied that day
 * @param points every scenario's points in the spec's order; a value is null when the scenario
 *     did not apply that day
 */
public record HistoryEntry(LocalDate date, BigDecimal percent, Map<Scenario, BigDecimal> points) {

  /**
   * Validates the entry and copies the points into an immutable map ordered like {@link
   * Scenario#inOrder()} that holds every scenario.
   *
   * @throws NullPointerException if {@code date} or {@code points} is null
   */
  public HistoryEntry {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(points, "points");
    EnumMap<Scenario, BigDecimal> copy = new EnumMap<>(Scenario.class);
    for (Scenario s : Scenario.values()) {
      copy.put(s, points.get(s));
    }
    points = Collections.unmodifiableMap(copy);
  }
}
