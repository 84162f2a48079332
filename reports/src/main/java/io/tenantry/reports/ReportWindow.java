package io.tenantry.reports;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The days a report covers ({@code activity-events.md} §5): the report date R (Report Refresh
 * Date, the last day included) and either a period {@code Dn} (the n days R−n+1 … R) or a single
 * day D (detail reports only, within the 28 days ending at R).
 *
 * @param asOf the report date R; licences, deletion and existence are judged on it
 * @param first the first day of the window
 * @param days the number of days in the window (≥ 1)
 * @param singleDay true for a {@code --date} window
 */
public record ReportWindow(LocalDate asOf, LocalDate first, int days, boolean singleDay) {

  /**
   * Validates the window.
   *
   * @throws NullPointerException if a date is null
   * @throws IllegalArgumentException if the window is empty or ends after R
   */
  public ReportWindow {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(first, "first");
    if (days < 1 || first.plusDays(days - 1L).isAfter(asOf)) {
      throw new IllegalArgumentException("a window of " + days + " days from " + first
          + " must be non-empty and end on or before " + asOf);
    }
  }

  /**
   * The window of a period ending on R.
   *
   * @param asOf the report date R
   * @param period the period
   * @return the window R−n+1 … R
   */
  public static ReportWindow period(LocalDate asOf, Period period) {
    return new ReportWindow(asOf, asOf.minusDays(period.days() - 1L), period.days(), false);
  }

  /**
   * The single-day window of {@code --date D}.
   *
   * @param asOf the report date R
   * @param day the day D
   * @return the window D … D
   * @throws ValidationException if D is not within the 28 days ending at R
   */
  public static ReportWindow day(LocalDate asOf, LocalDate day) {
    if (day.isAfter(asOf) || day.isBefore(asOf.minusDays(27))) {
      throw new ValidationException(Problem.of("date",
          "must lie within the 28 days ending at the report date " + asOf + " (" + asOf.minusDays(27)
              + " … " + asOf + ")", day));
    }
    return new ReportWindow(asOf, day, 1, true);
  }

  /**
   * Returns the last day of the window.
   *
   * @return the last day (R for a period)
   */
  public LocalDate last() {
    return first.plusDays(days - 1L);
  }

  /**
   * Tells whether a day lies inside the window.
   *
   * @param day the day
   * @return true when first ≤ day ≤ last
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last());
  }

  /**
   * Returns the value of the {@code Report Period} column: n, or 1 for a single day.
   *
   * @return the period label
   */
  public int reportPeriod() {
    return singleDay ? 1 : days;
  }
}
