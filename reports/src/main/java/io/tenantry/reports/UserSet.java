package io.tenantry.reports;

import io.tenantry.reports.input.App;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.Workload;

/**
 * A kind of distinct-user set the engine keeps per day (and, by union, per window): the users
 * active in a workload, the users who did an activity, the Teams users on a platform, the
 * Microsoft 365 Apps users of an app, a platform class or both.
 *
 * <p>Each set has a dense {@link #index()} below {@link #COUNT}; instances are values.
 *
 * @param index the dense index
 */
public record UserSet(int index) {
  private static final int ACTIVE = 0;
  private static final int OFFICE_365 = ACTIVE + Workload.values().length;
  private static final int DID = OFFICE_365 + 1;
  private static final int TEAMS_PLATFORM = DID + Measure.values().length;
  private static final int APP = TEAMS_PLATFORM + Platform.values().length;
  private static final int APP_PLATFORM = APP + App.values().length;
  private static final int APP_ON = APP_PLATFORM + AppPlatform.values().length;
  /** The number of distinct set kinds. */
  public static final int COUNT = APP_ON + App.values().length * AppPlatform.values().length;

  /**
   * Validates the index.
   *
   * @throws IllegalArgumentException if the index is outside 0 … COUNT−1
   */
  public UserSet {
    if (index < 0 || index >= COUNT) {
      throw new IllegalArgumentException("user set index out of range: " + index);
    }
  }

  /**
   * The users active in a workload (any activity of it but {@code EmailReceived}).
   *
   * @param workload the workload
   * @return the set kind
   */
  public static UserSet active(Workload workload) {
    return new UserSet(ACTIVE + workload.ordinal());
  }

  /**
   * The users active in any of the six Office 365 services.
   *
   * @return the set kind
   */
  public static UserSet activeOffice365() {
    return new UserSet(OFFICE_365);
  }

  /**
   * The users with at least one event feeding a measure (for seconds measures: positive seconds).
   *
   * @param measure the measure
   * @return the set kind
   */
  public static UserSet did(Measure measure) {
    return new UserSet(DID + measure.ordinal());
  }

  /**
   * The users with a Teams event carrying a platform.
   *
   * @param platform the platform
   * @return the set kind
   */
  public static UserSet teamsPlatform(Platform platform) {
    return new UserSet(TEAMS_PLATFORM + platform.ordinal());
  }

  /**
   * The users with an {@code AppUsed} event of an app.
   *
   * @param app the app
   * @return the set kind
   */
  public static UserSet app(App app) {
    return new UserSet(APP + app.ordinal());
  }

  /**
   * The users with an {@code AppUsed} event on a platform class.
   *
   * @param platform the class
   * @return the set kind
   */
  public static UserSet appPlatform(AppPlatform platform) {
    return new UserSet(APP_PLATFORM + platform.ordinal());
  }

  /**
   * The users with an {@code AppUsed} event of an app on a platform class.
   *
   * @param app the app
   * @param platform the class
   * @return the set kind
   */
  public static UserSet appOn(App app, AppPlatform platform) {
    return new UserSet(APP_ON + app.ordinal() * AppPlatform.values().length + platform.ordinal());
  }
}
