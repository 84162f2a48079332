package io.tenantry.reports;

import java.util.Optional;

/** A report period ({@code graph-reports.md} §1.1): the n days ending on the report date. */
public enum Period {
  /** 7 days. */
  D7(7),
  /** 30 days. */
  D30(30),
  /** 90 days. */
  D90(90),
  /** 180 days. */
  D180(180);

  private final int days;

  Period(int days) {
    this.days = days;
  }

  /**
   * Returns the number of days.
   *
   * @return 7, 30, 90 or 180
   */
  public int days() {
    return days;
  }

  /**
   * Finds a period by its name ({@code D7}, {@code D30}, {@code D90}, {@code D180}).
   *
   * @param name the name
   * @return the period, or empty
   */
  public static Optional<Period> parse(String name) {
    for (Period p : values()) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
