package io.tenantry.notices;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates of a rollout's three stages: announcement, the start of first release (targeted
 * release) and the start of general availability. The dates never go backwards.
 *
 * @param announced the day the change is announced
 * @param firstReleaseStart the first day of first release
 * @param generalAvailabilityStart the first day of general availability
 */
public record Rollout(LocalDate announced, LocalDate firstReleaseStart,
    LocalDate generalAvailabilityStart) {

  /**
   * Validates the rollout.
   *
   * @throws io.tenantry.core.error.ValidationException if a date is missing, first release starts
   *     before the announcement, or general availability starts before first release
   */
  public Rollout {
    Checks.present("rollout.announced", announced);
    Checks.present("rollout.firstRelease", firstReleaseStart);
    Checks.present("rollout.generalAvailability", generalAvailabilityStart);
    if (firstReleaseStart.isBefore(announced)) {
      throw Checks.invalid("rollout.firstRelease",
          "must not be before the announcement (" + announced + ")", firstReleaseStart);
    }
    if (generalAvailabilityStart.isBefore(firstReleaseStart)) {
      throw Checks.invalid("rollout.generalAvailability",
          "must not be before first release starts (" + firstReleaseStart + ")",
          generalAvailabilityStart);
    }
  }

  /**
   * Returns the day a stage starts.
   *
   * @param stage the stage
   * @return its first day
   */
  public LocalDate start(RolloutStage stage) {
    return switch (stage) {
      case ANNOUNCED -> announced;
      case FIRST_RELEASE -> firstReleaseStart;
      case GENERAL_AVAILABILITY -> generalAvailabilityStart;
    };
  }

  /**
   * Returns the length of the first-release stage: the days from its start to the start of general
   * availability.
   *
   * @return the number of days, never negative
   */
  public long firstReleaseDays() {
    return ChronoUnit.DAYS.between(firstReleaseStart, generalAvailabilityStart);
  }
}
