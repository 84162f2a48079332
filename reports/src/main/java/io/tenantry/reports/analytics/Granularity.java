package io.tenantry.reports.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The period of a usage-analytics row: a day, an ISO week (Monday to Sunday) or a month. */
public enum Granularity {
  /** One calendar day. */
  DAILY,
  /** One ISO week, Monday to Sunday. */
  WEEKLY,
  /** One calendar month. */
  MONTHLY;

  /**
   * Returns the first day of the period holding a day.
   *
   * @param day the day
   * @return the period's first day
   */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAILY -> day;
      case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTHLY -> day.withDayOfMonth(1);
    };
  }

  /**
   * Returns the last day of the period starting on a day.
   *
   * @param start a period's first day
   * @return the period's last day
   */
  public LocalDate end(LocalDate start) {
    return switch (this) {
      case DAILY -> start;
      case WEEKLY -> start.plusDays(6);
      case MONTHLY -> start.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  /**
   * Returns how many whole periods lie between the periods of two days.
   *
   * @param from the earlier day
   * @param to the later day
   * @return the period distance (negative when {@code to} is earlier)
   */
  public long between(LocalDate from, LocalDate to) {
    LocalDate a = start(from);
    LocalDate b = start(to);
    return switch (this) {
      case DAILY -> ChronoUnit.DAYS.between(a, b);
      case WEEKLY -> ChronoUnit.WEEKS.between(a, b);
      case MONTHLY -> ChronoUnit.MONTHS.between(a, b);
    };
  }

  /**
   * Returns the first day of the period {@code n} periods after the one starting on {@code start}.
   *
   * @param start a period's first day
   * @param n how many periods to move
   * @return that period's first day
   */
  public LocalDate plus(LocalDate start, long n) {
    return switch (this) {
      case DAILY -> start.plusDays(n);
      case WEEKLY -> start.plusWeeks(n);
      case MONTHLY -> start.plusMonths(n);
    };
  }
}
