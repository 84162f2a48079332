package io.tenantry.reports.score.internal;

import java.util.Locale;

/**
 * Classifies one activity event into the per-user facts the Usage Score needs ({@code
 * usage-score.md}, "Scenarios" and "Readings that matter"). Names are matched ignoring case and any
 * character that is not a letter or digit, so both {@code "EmailSent"} and {@code EMAIL_SENT}
 * work.
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

  /**
   * Returns the flags an event sets, as a bit mask of the constants above.
   *
   * @param workload the workload name
   * @param activity the activity name
   * @param platform the platform name, or null
   * @param hasGroup whether the event names a group
   * @return the bit mask (0 for {@code EmailReceived})
   * @throws IllegalArgumentException if the workload, activity or platform is unknown
   */
  public static int flags(String workload, String activity, String platform, boolean hasGroup) {
    String w = norm(workload);
    String a = norm(activity);
    if (w.equals("exchange") && a.equals("emailreceived")) {
      return 0;
    }
    int mask = bit(ACTIVE);
    switch (w) {
      case "exchange" -> {
        if (a.equals("emailsent")) {
          mask |= bit(EMAIL_SENT) | (hasGroup ? bit(GROUP_EMAIL) : 0);
        }
        mask |= platformBit(platform);
      }
      case "onedrive", "sharepoint" -> {
        switch (a) {
          case "filesharedinternally", "filesharedexternally" ->
              mask |= bit(SHARED_FILE) | fileBits(w, hasGroup);
          case "fileviewedoredited", "filesynced" -> mask |= fileBits(w, hasGroup);
          default -> { }
        }
      }
      case "teams" -> {
        switch (a) {
          case "teamchatmessage", "postmessage", "replymessage" ->
              mask |= bit(TEAMS_MESSAGE) | bit(CHANNEL_MESSAGE);
          case "privatechatmessage" -> mask |= bit(TEAMS_MESSAGE);
          default -> { }
        }
        mask |= platformBit(platform);
      }
      case "yammer" -> {
        if (a.equals("messageposted")) {
          mask |= bit(YAMMER_POST);
        }
      }
      case "m365apps", "microsoft365apps" -> mask |= platformBit(platform);
      case "skypeforbusiness" -> { }
      default -> throw new IllegalArgumentException("unknown workload '" + workload + "'");
    }
    return mask;
  }

  /**
   * Tells whether an event carries a file id that counts for Content collaboration (any OneDrive
   * or SharePoint event; one id space for both).
   *
   * @param workload the workload name
   * @return true for OneDrive and SharePoint
   */
  public static boolean countsFile(String workload) {
    String w = norm(workload);
    return w.equals("onedrive") || w.equals("sharepoint");
  }

  /**
   * Tells whether an event is a Teams {@code MeetingAttended}, the only event Meetings weighs.
   *
   * @param workload the workload name
   * @param activity the activity name
   * @return true for Teams meeting attendance
   */
  public static boolean isMeetingAttended(String workload, String activity) {
    return norm(workload).equals("teams") && norm(activity).equals("meetingattended");
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

  private static int fileBits(String workload, boolean hasGroup) {
    int mask = bit(FILE_ACTIVITY);
    if (workload.equals("sharepoint") && hasGroup) {
      mask |= bit(GROUP_SITE_FILE);
    }
    return mask;
  }

  private static int platformBit(String platform) {
    if (platform == null || platform.isBlank()) {
      return 0;
    }
    return switch (norm(platform)) {
      case "windows", "mac", "linux", "chromeos" -> bit(DESKTOP);
      case "web" -> bit(WEB);
      case "ios", "androidphone", "windowsphone" -> bit(MOBILE);
      default -> throw new IllegalArgumentException("unknown platform '" + platform + "'");
    };
  }

  static String norm(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
