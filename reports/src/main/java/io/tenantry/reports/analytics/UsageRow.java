package io.tenantry.reports.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the usage-analytics views ({@code graph-reports.md} §5): one product, one period,
 * and one value of the slicing dimension.
 *
 * @param granularity day, week or month
 * @param periodStart the period's first day
 * @param periodEnd the period's last day
 * @param contentDate the last day with data: the period's end, or the as-of day for the current
 *     period
 * @param product the product
 * @param dimensionValue the value of the slicing column ("" for blank, or for all users when
 *     there is no dimension)
 * @param enabledUsers users enabled for the product at any point in the period
 * @param activeUsers users with an activity of the product in the period
 * @param firstTimeUsers active users whose first activity of the product ever falls in the period
 * @param returningUsers active users who were active in the previous period too
 * @param cumulativeActiveUsers enabled users active at least once up to the period's end
 * @param activeUsersPercent {@code activeUsers ÷ enabledUsers} in percent, half-up to one decimal;
 *     null when nobody is enabled
 * @param returningUsersPercent {@code returningUsers ÷ activeUsers} in percent, one decimal; null
 *     when nobody is active
 */
public record UsageRow(Granularity granularity, LocalDate periodStart, LocalDate periodEnd,
    LocalDate contentDate, Product product, String dimensionValue, int enabledUsers,
    int activeUsers, int firstTimeUsers, int returningUsers, int cumulativeActiveUsers,
    BigDecimal activeUsersPercent, BigDecimal returningUsersPercent) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the counts contradict each other
   */
  public UsageRow {
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(periodEnd, "periodEnd");
    Objects.requireNonNull(contentDate, "contentDate");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(dimensionValue, "dimensionValue");
    if (firstTimeUsers > activeUsers || returningUsers > activeUsers
        || cumulativeActiveUsers > enabledUsers || firstTimeUsers < 0 || returningUsers < 0) {
      throw new IllegalArgumentException("inconsistent counts in " + product.label() + " "
          + periodStart + ": enabled " + enabledUsers + ", active " + activeUsers
          + ", first-time " + firstTimeUsers + ", returning " + returningUsers + ", cumulative "
          + cumulativeActiveUsers);
    }
  }
}
