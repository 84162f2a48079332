package io.tenantry.reports.input;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted line of {@code events.jsonl} ({@code activity-events.md} §3): {@code count}
 * identical actions of one user on one UTC day.
 *
 * <p>The user is held as its index in the {@link UserDirectory} the event was resolved against
 * (its dictionary code). Optional fields are null when absent; seconds are 0 when absent.
 *
 * @param user the index of the user in its directory
 * @param day the event's UTC calendar day
 * @param workload the workload
 * @param activity the activity (valid for the workload)
 * @param count how many identical actions the line stands for, at least 1
 * @param platform the platform, or null
 * @param meetingType the meeting type as given, or null (see {@link #meetingTypeOrDefault()})
 * @param audioSeconds audio seconds per action, at least 0
 * @param videoSeconds video seconds per action, at least 0
 * @param screenShareSeconds screen-share seconds per action, at least 0
 * @param app the Microsoft 365 app, or null
 * @param group the Group Id, or null
 * @param file the file id, or null
 * @param site the site id, or null
 * @param line the 1-based line in {@code events.jsonl}, or 0 when built in code
 */
public record ActivityEvent(
    int user,
    LocalDate day,
    Workload workload,
    Activity activity,
    long count,
    Platform platform,
    MeetingType meetingType,
    long audioSeconds,
    long videoSeconds,
    long screenShareSeconds,
    App app,
    String group,
    String file,
    String site,
    int line) {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if the day, workload or activity is null
   * @throws IllegalArgumentException if the activity does not belong to the workload, the count is
   *     below 1, seconds are negative, or the user index or line is negative
   */
  public ActivityEvent {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(activity, "activity");
    if (!activity.belongsTo(workload)) {
      throw new IllegalArgumentException("activity " + activity.wireName()
          + " does not belong to workload " + workload.wireName());
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    if (audioSeconds < 0 || videoSeconds < 0 || screenShareSeconds < 0) {
      throw new IllegalArgumentException("seconds must be >= 0");
    }
    if (user < 0 || line < 0) {
      throw new IllegalArgumentException("user index and line must be >= 0");
    }
  }

  /**
   * Creates a minimal event: no platform, meeting type, seconds, app, group, file or site.
   *
   * @param user the user's index
   * @param day the day
   * @param workload the workload
   * @param activity the activity
   * @param count the count
   * @return the event
   */
  public static ActivityEvent of(int user, LocalDate day, Workload workload, Activity activity,
      long count) {
    return new ActivityEvent(user, day, workload, activity, count, null, null, 0, 0, 0, null, null,
        null, null, 0);
  }

  /**
   * Returns the meeting type, {@link MeetingType#UNCLASSIFIED} when none was given.
   *
   * @return the type
   */
  public MeetingType meetingTypeOrDefault() {
    return meetingType == null ? MeetingType.UNCLASSIFIED : meetingType;
  }

  /**
   * Tells whether this event makes its user active in its workload (every activity but {@code
   * EmailReceived}).
   *
   * @return true when it counts toward activity
   */
  public boolean makesActive() {
    return activity.makesActive();
  }
}
