package io.tenantry.testkit.reports;

import io.tenantry.reports.AppPlatform;
import io.tenantry.reports.GroupKind;
import io.tenantry.reports.Measure;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.UserSet;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.App;
import io.tenantry.reports.input.DirectoryGroup;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.MeetingType;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A naive reference implementation of the report engine's aggregation ({@code
 * activity-events.md} §4–5), written as plain predicates and scans over the event list, to check
 * {@link io.tenantry.reports.ActivityAggregator} against. Slow by design: every query rescans all
 * events. Immutable; thread-safe.
 */
public final class NaiveReportOracle {
  private final UserDirectory users;
  private final GroupDirectory groups;
  private final ReportWindow window;
  private final List<ActivityEvent> events;
  private final Map<Integer, Predicate<ActivityEvent>> sets = new HashMap<>();

  /**
   * Creates the oracle.
   *
   * @param users the tenant's users
   * @param groups the tenant's groups
   * @param window the window
   * @param events every event, resolved against {@code users}
   */
  public NaiveReportOracle(UserDirectory users, GroupDirectory groups, ReportWindow window,
      List<ActivityEvent> events) {
    this.users = users;
    this.groups = groups;
    this.window = window;
    this.events = List.copyOf(events);
    for (Workload w : Workload.values()) {
      sets.put(UserSet.active(w).index(), e -> e.workload() == w
          && e.activity() != Activity.EMAIL_RECEIVED);
    }
    sets.put(UserSet.activeOffice365().index(), e -> e.workload() != Workload.M365_APPS
        && e.activity() != Activity.EMAIL_RECEIVED);
    for (Measure m : Measure.values()) {
      sets.put(UserSet.did(m).index(), e -> amount(e, m) > 0);
    }
    for (Platform p : Platform.values()) {
      sets.put(UserSet.teamsPlatform(p).index(), e -> e.workload() == Workload.TEAMS
          && e.platform() == p);
    }
    for (App a : App.values()) {
      sets.put(UserSet.app(a).index(), e -> e.workload() == Workload.M365_APPS && e.app() == a);
      for (AppPlatform c : AppPlatform.values()) {
        sets.put(UserSet.appOn(a, c).index(), e -> e.workload() == Workload.M365_APPS
            && e.app() == a && platformClass(e.platform()) == c);
      }
    }
    for (AppPlatform c : AppPlatform.values()) {
      sets.put(UserSet.appPlatform(c).index(), e -> e.workload() == Workload.M365_APPS
          && platformClass(e.platform()) == c);
    }
  }

  private static AppPlatform platformClass(Platform p) {
    if (p == null) {
      return null;
    }
    switch (p) {
      case WINDOWS:
        return AppPlatform.WINDOWS;
      case MAC:
        return AppPlatform.MAC;
      case WEB:
        return AppPlatform.WEB;
      case IOS:
      case ANDROID_PHONE:
      case WINDOWS_PHONE:
        return AppPlatform.MOBILE;
      default:
        return null;
    }
  }

  /**
   * The amount an event adds to a measure (0 when it does not feed it).
   *
   * @param e the event
   * @param m the measure
   * @return count, seconds × count, or 0
   */
  public static long amount(ActivityEvent e, Measure m) {
    Activity a = e.activity();
    Workload w = e.workload();
    long n = e.count();
    MeetingType t = e.meetingTypeOrDefault();
    boolean durations = a == Activity.CALL || a == Activity.MEETING_ATTENDED;
    boolean hit = switch (m) {
      case EMAIL_SENT -> a == Activity.EMAIL_SENT;
      case EMAIL_RECEIVED -> a == Activity.EMAIL_RECEIVED;
      case EMAIL_READ -> a == Activity.EMAIL_READ;
      case MEETING_CREATED -> a == Activity.MEETING_CREATED;
      case MEETING_INTERACTED -> a == Activity.MEETING_INTERACTED;
      case ONEDRIVE_VIEWED_OR_EDITED -> w == Workload.ONE_DRIVE
          && a == Activity.FILE_VIEWED_OR_EDITED;
      case ONEDRIVE_SYNCED -> w == Workload.ONE_DRIVE && a == Activity.FILE_SYNCED;
      case ONEDRIVE_SHARED_INTERNALLY -> w == Workload.ONE_DRIVE
          && a == Activity.FILE_SHARED_INTERNALLY;
      case ONEDRIVE_SHARED_EXTERNALLY -> w == Workload.ONE_DRIVE
          && a == Activity.FILE_SHARED_EXTERNALLY;
      case SHAREPOINT_VIEWED_OR_EDITED -> w == Workload.SHARE_POINT
          && a == Activity.FILE_VIEWED_OR_EDITED;
      case SHAREPOINT_SYNCED -> w == Workload.SHARE_POINT && a == Activity.FILE_SYNCED;
      case SHAREPOINT_SHARED_INTERNALLY -> w == Workload.SHARE_POINT
          && a == Activity.FILE_SHARED_INTERNALLY;
      case SHAREPOINT_SHARED_EXTERNALLY -> w == Workload.SHARE_POINT
          && a == Activity.FILE_SHARED_EXTERNALLY;
      case SHAREPOINT_PAGE_VIEWED -> a == Activity.PAGE_VIEWED;
      case TEAM_CHAT_MESSAGES -> a == Activity.TEAM_CHAT_MESSAGE;
      case POST_MESSAGES -> a == Activity.POST_MESSAGE;
      case REPLY_MESSAGES -> a == Activity.REPLY_MESSAGE;
      case URGENT_MESSAGES -> a == Activity.URGENT_MESSAGE;
      case PRIVATE_CHAT_MESSAGES -> a == Activity.PRIVATE_CHAT_MESSAGE;
      case CALLS -> a == Activity.CALL;
      case MEETINGS_ATTENDED -> a == Activity.MEETING_ATTENDED;
      case MEETINGS_ORGANIZED -> a == Activity.MEETING_ORGANIZED;
      case AD_HOC_ORGANIZED -> a == Activity.MEETING_ORGANIZED && t == MeetingType.AD_HOC;
      case AD_HOC_ATTENDED -> a == Activity.MEETING_ATTENDED && t == MeetingType.AD_HOC;
      case SCHEDULED_ONE_TIME_ORGANIZED -> a == Activity.MEETING_ORGANIZED
          && t == MeetingType.SCHEDULED_ONE_TIME;
      case SCHEDULED_ONE_TIME_ATTENDED -> a == Activity.MEETING_ATTENDED
          && t == MeetingType.SCHEDULED_ONE_TIME;
      case SCHEDULED_RECURRING_ORGANIZED -> a == Activity.MEETING_ORGANIZED
          && t == MeetingType.SCHEDULED_RECURRING;
      case SCHEDULED_RECURRING_ATTENDED -> a == Activity.MEETING_ATTENDED
          && t == MeetingType.SCHEDULED_RECURRING;
      case AUDIO_SECONDS, VIDEO_SECONDS, SCREEN_SHARE_SECONDS -> false;
      case OTHER_ACTIONS -> a == Activity.OTHER_ACTION;
      case YAMMER_POSTED -> a == Activity.MESSAGE_POSTED;
      case YAMMER_READ -> a == Activity.MESSAGE_READ;
      case YAMMER_LIKED -> a == Activity.MESSAGE_LIKED;
      case SKYPE_PEER_TO_PEER -> a == Activity.PEER_TO_PEER_SESSION;
      case SKYPE_CONFERENCE_ORGANIZED -> a == Activity.CONFERENCE_ORGANIZED;
      case SKYPE_CONFERENCE_PARTICIPATED -> a == Activity.CONFERENCE_PARTICIPATED;
      case APPS_USED -> a == Activity.APP_USED;
    };
    if (m == Measure.AUDIO_SECONDS) {
      return durations ? e.audioSeconds() * n : 0;
    }
    if (m == Measure.VIDEO_SECONDS) {
      return durations ? e.videoSeconds() * n : 0;
    }
    if (m == Measure.SCREEN_SHARE_SECONDS) {
      return durations ? e.screenShareSeconds() * n : 0;
    }
    return hit ? n : 0;
  }

  private boolean counts(ActivityEvent e) {
    return users.user(e.user()).existsAsOf(window.asOf()) && !e.day().isAfter(window.asOf());
  }

  private boolean inWindow(ActivityEvent e) {
    return counts(e) && window.contains(e.day());
  }

  /**
   * Σ of a measure over the events of one day.
   *
   * @param day the day
   * @param m the measure
   * @return the sum
   */
  public long dailySum(LocalDate day, Measure m) {
    long s = 0;
    for (ActivityEvent e : events) {
      if (inWindow(e) && e.day().equals(day)) {
        s += amount(e, m);
      }
    }
    return s;
  }

  /**
   * Distinct users in a set on one day.
   *
   * @param day the day
   * @param set the set kind
   * @return the count
   */
  public int dailyUserCount(LocalDate day, UserSet set) {
    Set<Integer> found = new HashSet<>();
    for (ActivityEvent e : events) {
      if (inWindow(e) && e.day().equals(day) && sets.get(set.index()).test(e)) {
        found.add(e.user());
      }
    }
    return found.size();
  }

  /**
   * Distinct users in a set over the window.
   *
   * @param set the set kind
   * @return the count
   */
  public int periodUserCount(UserSet set) {
    Set<Integer> found = new HashSet<>();
    for (ActivityEvent e : events) {
      if (inWindow(e) && sets.get(set.index()).test(e)) {
        found.add(e.user());
      }
    }
    return found.size();
  }

  /**
   * A user's window sum of a measure.
   *
   * @param user the user's index
   * @param m the measure
   * @return the sum
   */
  public long userSum(int user, Measure m) {
    long s = 0;
    for (ActivityEvent e : events) {
      if (e.user() == user && inWindow(e)) {
        s += amount(e, m);
      }
    }
    return s;
  }

  /**
   * A user's latest day ≤ R with an activity of a workload that makes a user active.
   *
   * @param user the user's index
   * @param w the workload
   * @return the day, or null
   */
  public LocalDate lastActivity(int user, Workload w) {
    LocalDate best = null;
    for (ActivityEvent e : events) {
      if (e.user() == user && counts(e) && e.workload() == w
          && e.activity() != Activity.EMAIL_RECEIVED && (best == null || e.day().isAfter(best))) {
        best = e.day();
      }
    }
    return best;
  }

  private boolean qualifies(ActivityEvent e, int g, GroupKind kind) {
    if (e.group() == null || groups.indexOf(e.group()).orElse(-1) != g || !counts(e)) {
      return false;
    }
    DirectoryGroup group = groups.group(g);
    if (!group.existsAsOf(window.asOf()) || !kind.includes(group)) {
      return false;
    }
    if (kind == GroupKind.YAMMER) {
      return e.workload() == Workload.YAMMER;
    }
    return e.activity() == Activity.EMAIL_RECEIVED || e.activity() == Activity.EMAIL_SENT
        || e.workload() == Workload.SHARE_POINT || e.workload() == Workload.YAMMER;
  }

  private boolean qualifiesAny(ActivityEvent e, int g) {
    return qualifies(e, g, GroupKind.YAMMER) || qualifies(e, g, GroupKind.MICROSOFT_365);
  }

  private static long groupAmount(ActivityEvent e, Measure m) {
    if (m == Measure.EMAIL_RECEIVED) {
      return e.activity() == Activity.EMAIL_SENT || e.activity() == Activity.EMAIL_RECEIVED
          ? e.count() : 0;
    }
    return amount(e, m);
  }

  /**
   * A group's window sum of the mail its mailbox received (EmailSent or EmailReceived with the
   * group, asked as {@link Measure#EMAIL_RECEIVED}) or a Yammer message measure.
   *
   * @param g the group's index
   * @param m the measure
   * @return the sum
   */
  public long groupSum(int g, Measure m) {
    long s = 0;
    for (ActivityEvent e : events) {
      if (qualifiesAny(e, g) && window.contains(e.day())) {
        s += groupAmount(e, m);
      }
    }
    return s;
  }

  /**
   * A group's last qualifying day for a report kind.
   *
   * @param g the group's index
   * @param kind the kind
   * @return the day, or null
   */
  public LocalDate groupLastActivity(int g, GroupKind kind) {
    LocalDate best = null;
    for (ActivityEvent e : events) {
      if (qualifies(e, g, kind) && (best == null || e.day().isAfter(best))) {
        best = e.day();
      }
    }
    return best;
  }

  /**
   * Distinct file ids of SharePoint file activity with the group in the window.
   *
   * @param g the group's index
   * @return the count
   */
  public int groupActiveFileCount(int g) {
    Set<String> files = new HashSet<>();
    for (ActivityEvent e : events) {
      if (qualifies(e, g, GroupKind.MICROSOFT_365) && window.contains(e.day())
          && e.workload() == Workload.SHARE_POINT && e.activity() != Activity.PAGE_VIEWED
          && e.file() != null) {
        files.add(e.file());
      }
    }
    return files.size();
  }

  /**
   * Σ of a group measure over a kind's groups on a day.
   *
   * @param kind the kind
   * @param day the day
   * @param m the measure
   * @return the sum
   */
  public long groupDailySum(GroupKind kind, LocalDate day, Measure m) {
    long s = 0;
    for (int g = 0; g < groups.size(); g++) {
      for (ActivityEvent e : events) {
        if (qualifies(e, g, kind) && e.day().equals(day)) {
          s += groupAmount(e, m);
        }
      }
    }
    return s;
  }

  /**
   * Groups of a kind with qualifying activity on a day.
   *
   * @param kind the kind
   * @param day the day
   * @return the count
   */
  public int groupDailyActiveCount(GroupKind kind, LocalDate day) {
    int n = 0;
    for (int g = 0; g < groups.size(); g++) {
      for (ActivityEvent e : events) {
        if (qualifies(e, g, kind) && e.day().equals(day)) {
          n++;
          break;
        }
      }
    }
    return n;
  }
}
