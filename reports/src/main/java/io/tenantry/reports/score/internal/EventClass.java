package io.tenantry.reports.score.internal;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.Workload;

/**
 * Classifies one activity event into the per-user facts the Usage Score needs ({@code
 * usage-score.md}, "Scenarios" and "Readings that matter"): a bit mask of flags, looked up per
 * activity and completed by the group and platform.
 */
public final class EventClass {
  /** Sent e-mail ({@code EmailSent}). */
  public static final int EMAIL_SENT = 0;
  /** Sent a Teams message (the four message activities; {@code UrgentMessage} counts nowhere). */
  public static final int TEAMS_MESSAGE = 1;
  /** Posted in Yammer ({@code MessagePosted}). */
  public static final int YAMMER_POST = 2;
  /** Shared a file in OneDrive or SharePoint. */
  public static final int SHARED_FILE = 3;
  /** Sent a channel message ({@code TeamChatMessage}, {@code PostMessage}, {@code ReplyMessage}). */
  public static final int CHANNEL_MESSAGE = 4;
  /** Sent e-mail to a group ({@code EmailSent} with {@code group}). */
  public static final int GROUP_EMAIL = 5;
  /** SharePoint file activity (the four file activities) with {@code group}. */
  public static final int GROUP_SITE_FILE = 6;
  /** OneDrive or SharePoint file activity (the four file activities, not {@code PageViewed}). */
  public static final int FILE_ACTIVITY = 7;
  /** Any event that makes a user active ({@code EmailReceived} excepted). */
  public static final int ACTIVE = 8;
  /** Teams, Exchange or Microsoft 365 Apps used on a desktop platform. */
  public static final int DESKTOP = 9;
  /** … on the web. */
  public static final int WEB = 10;
  /** … on a mobile platform. */
  public static final int MOBILE = 11;
  /** The number of flags. */
  public static final int FLAGS = 12;

  private EventClass() {}

  private static final int[] BY_ACTIVITY = new int[Activity.values().length];

  static {
    for (Activity a : Activity.values()) {
      BY_ACTIVITY[a.ordinal()] = switch (a) {
        case EMAIL_RECEIVED -> 0;
        case EMAIL_SENT -> bit(ACTIVE) | bit(EMAIL_SENT);
        case FILE_SHARED_INTERNALLY, FILE_SHARED_EXTERNALLY ->
            bit(ACTIVE) | bit(SHARED_FILE) | bit(FILE_ACTIVITY);
        case FILE_VIEWED_OR_EDITED, FILE_SYNCED -> bit(ACTIVE) | bit(FILE_ACTIVITY);
        case TEAM_CHAT_MESSAGE, POST_MESSAGE, REPLY_MESSAGE ->
            bit(ACTIVE) | bit(TEAMS_MESSAGE) | bit(CHANNEL_MESSAGE);
        case PRIVATE_CHAT_MESSAGE -> bit(ACTIVE) | bit(TEAMS_MESSAGE);
        case MESSAGE_POSTED -> bit(ACTIVE) | bit(YAMMER_POST);
        default -> bit(ACTIVE);
      };
    }
  }

  /**
   * Returns the flags an event sets, as a bit mask of the constants above.
   *
   * @param workload the workload
   * @param activity the activity (of that workload)
   * @param platform the platform, or null
   * @param hasGroup whether the event names a group
   * @return the bit mask (0 for {@code EmailReceived})
   */
  public static int flags(Workload workload, Activity activity, Platform platform,
      boolean hasGroup) {
    int mask = BY_ACTIVITY[activity.ordinal()];
    if (mask == 0) {
      return 0;
    }
    if (hasGroup) {
      if (activity == Activity.EMAIL_SENT) {
        mask |= bit(GROUP_EMAIL);
      } else if (workload == Workload.SHARE_POINT && (mask & bit(FILE_ACTIVITY)) != 0) {
        mask |= bit(GROUP_SITE_FILE);
      }
    }
    if (platform != null && (workload == Workload.TEAMS || workload == Workload.EXCHANGE
        || workload == Workload.M365_APPS)) {
      mask |= platform.isDesktop() ? bit(DESKTOP) : platform.isMobile() ? bit(MOBILE) : bit(WEB);
    }
    return mask;
  }

  /**
   * Tells whether an event's file id counts for Content collaboration (any OneDrive or SharePoint
   * event; one id space for both).
   *
   * @param workload the workload
   * @return true for OneDrive and SharePoint
   */
  public static boolean countsFile(Workload workload) {
    return workload == Workload.ONE_DRIVE || workload == Workload.SHARE_POINT;
  }

  /**
   * Tells whether an event is a Teams {@code MeetingAttended}, the only event Meetings weighs.
   *
   * @param activity the activity
   * @return true for meeting attendance
   */
  public static boolean isMeetingAttended(Activity activity) {
    return activity == Activity.MEETING_ATTENDED;
  }

  /**
   * Returns the weight of a meeting attendance: {@code max(audio, video, screen share, 60) × count}.
   *
   * @param audioSeconds audio seconds (0 when absent)
   * @param videoSeconds video seconds
   * @param screenShareSeconds screen-sharing seconds
   * @param count how many identical attendances the event stands for
   * @return the weight
   */
  public static long meetingWeight(long audioSeconds, long videoSeconds, long screenShareSeconds,
      long count) {
    long seconds = Math.max(Math.max(audioSeconds, videoSeconds), Math.max(screenShareSeconds, 60));
    return Math.multiplyExact(seconds, count);
  }

  /**
   * Returns the bit of a flag.
   *
   * @param flag one of the flag constants
   * @return {@code 1 << flag}
   */
  public static int bit(int flag) {
    return 1 << flag;
  }
}
