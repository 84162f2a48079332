package io.tenantry.reports.servicedesk;

import io.tenantry.reports.input.Workload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One week of one workload's service-desk figures for one {@link Segment} of callers.
 *
 * @param weekStart the first day of the week
 * @param weekEnd the last day (weeks end on the as-of day and every seventh day before it)
 * @param workload the workload
 * @param segment which callers
 * @param tickets tickets opened in the week
 * @param activeUsers distinct users active in the workload that week (of the segment), or null
 *     when no events were given
 * @param ticketsPerActiveUser {@code tickets ÷ activeUsers}, half-up to 4 decimals; null when
 *     there are no active users or no events
 * @param resolved how many of the week's tickets are resolved
 * @param medianHoursToResolve the median time to resolve the week's resolved tickets, in hours,
 *     half-up to 2 decimals (mean of the two middle values for an even count); null when none
 * @param p90HoursToResolve the 90th percentile (nearest rank), in hours; null when none resolved
 * @param escalationRates for tiers 2, 3, … the share of the week's tickets that reached at least
 *     that tier, half-up to 4 decimals; values null when there are no tickets
 */
public record WeeklyTrend(LocalDate weekStart, LocalDate weekEnd, Workload workload,
    Segment segment, int tickets, Integer activeUsers, BigDecimal ticketsPerActiveUser,
    int resolved, BigDecimal medianHoursToResolve, BigDecimal p90HoursToResolve,
    List<BigDecimal> escalationRates) {

  /**
   * Validates the row and copies the rates (which may hold nulls).
   *
   * @throws NullPointerException if a date, the workload, the segment or the rates are null
   * @throws IllegalArgumentException if a count is negative or more resolved than tickets
   */
  public WeeklyTrend {
    Objects.requireNonNull(weekStart, "weekStart");
    Objects.requireNonNull(weekEnd, "weekEnd");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(segment, "segment");
    if (tickets < 0 || resolved < 0 || resolved > tickets) {
      throw new IllegalArgumentException("bad counts: " + tickets + " tickets, " + resolved
          + " resolved");
    }
    escalationRates = Collections.unmodifiableList(new java.util.ArrayList<>(escalationRates));
  }

  /**
   * Returns the escalation rate to a tier.
   *
   * @param tier 2 or more
   * @return the rate, or null when there are no tickets
   * @throws IndexOutOfBoundsException if the tier is not reported
   */
  public BigDecimal escalationRate(int tier) {
    return escalationRates.get(tier - 2);
  }
}
