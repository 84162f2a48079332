package io.tenantry.testkit.reports.score;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A naive reference implementation (oracle) of the Usage Score's numerators and denominators for
 * one day, written line by line from {@code usage-score.md} with sets and loops and no shared code
 * with the engine: slow, obvious, and meant to be compared with {@code UsageScoreEngine} on
 * random data.
 */
public final class NaiveUsageScore {
  private static final Set<Activity> TEAMS_MESSAGES = EnumSet.of(Activity.TEAM_CHAT_MESSAGE,
      Activity.POST_MESSAGE, Activity.REPLY_MESSAGE, Activity.PRIVATE_CHAT_MESSAGE);
  private static final Set<Activity> CHANNEL_MESSAGES = EnumSet.of(Activity.TEAM_CHAT_MESSAGE,
      Activity.POST_MESSAGE, Activity.REPLY_MESSAGE);
  private static final Set<Activity> FILE_ACTIVITIES = EnumSet.of(Activity.FILE_VIEWED_OR_EDITED,
      Activity.FILE_SYNCED, Activity.FILE_SHARED_INTERNALLY, Activity.FILE_SHARED_EXTERNALLY);

  private NaiveUsageScore() {}

  /**
   * Computes N and M of the six scenarios, in the spec's order, as of day {@code r}.
   *
   * @param directory the tenant's users
   * @param events the tenant's events
   * @param r the as-of day
   * @return {@code [scenario][0]} = N, {@code [scenario][1]} = M
   */
  public static long[][] counts(UserDirectory directory, List<ActivityEvent> events,
      LocalDate r) {
    LocalDate windowStart = r.minusDays(27);
    List<ActivityEvent> window = new ArrayList<>();
    for (ActivityEvent e : events) {
      DirectoryUser u = directory.user(e.user());
      boolean exists = u.createdDate() == null || !u.createdDate().isAfter(r);
      if (exists && !e.day().isBefore(windowStart) && !e.day().isAfter(r)) {
        window.add(e);
      }
    }
    // who acted on which file (OneDrive or SharePoint, any activity), guests included
    Map<String, Set<Integer>> fileUsers = new HashMap<>();
    for (ActivityEvent e : window) {
      if (e.file() != null && (e.workload() == Workload.ONE_DRIVE
          || e.workload() == Workload.SHARE_POINT)) {
        fileUsers.computeIfAbsent(e.file(), f -> new HashSet<>()).add(e.user());
      }
    }
    long[][] out = new long[6][2];
    for (int i = 0; i < directory.size(); i++) {
      DirectoryUser u = directory.user(i);
      if (u.isGuest() || (u.createdDate() != null && u.createdDate().isAfter(r))) {
        continue;
      }
      List<ActivityEvent> mine = new ArrayList<>();
      for (ActivityEvent e : window) {
        if (e.user() == i) {
          mine.add(e);
        }
      }
      boolean exo = enabled(u, Workload.EXCHANGE, r);
      boolean teams = enabled(u, Workload.TEAMS, r);
      boolean yammer = enabled(u, Workload.YAMMER, r);
      boolean od = enabled(u, Workload.ONE_DRIVE, r);
      boolean sp = enabled(u, Workload.SHARE_POINT, r);
      boolean sfb = enabled(u, Workload.SKYPE_FOR_BUSINESS, r);
      boolean apps = enabled(u, Workload.M365_APPS, r);

      boolean sentMail = mine.stream().anyMatch(e -> e.activity() == Activity.EMAIL_SENT);
      boolean sentTeams = mine.stream().anyMatch(e -> TEAMS_MESSAGES.contains(e.activity()));
      boolean postedYammer = mine.stream()
          .anyMatch(e -> e.activity() == Activity.MESSAGE_POSTED);
      int enabledComm = (exo ? 1 : 0) + (teams ? 1 : 0) + (yammer ? 1 : 0);
      if (enabledComm >= 2) {
        out[0][1]++;
        if ((sentMail ? 1 : 0) + (sentTeams ? 1 : 0) + (postedYammer ? 1 : 0) >= 2) {
          out[0][0]++;
        }
      }

      if (od || sp) {
        out[1][1]++;
        boolean shared = mine.stream().anyMatch(e ->
            e.activity() == Activity.FILE_SHARED_INTERNALLY
                || e.activity() == Activity.FILE_SHARED_EXTERNALLY);
        boolean together = false;
        for (ActivityEvent e : mine) {
          if (e.file() != null && (e.workload() == Workload.ONE_DRIVE
              || e.workload() == Workload.SHARE_POINT) && fileUsers.get(e.file()).size() >= 2) {
            together = true;
          }
        }
        if (shared || together) {
          out[1][0]++;
        }
      }

      boolean fileActivity = mine.stream().anyMatch(e -> FILE_ACTIVITIES.contains(e.activity()));
      if ((sentMail || sentTeams || fileActivity) && (exo || teams || sp)) {
        out[2][1]++;
        boolean channel = mine.stream().anyMatch(e -> CHANNEL_MESSAGES.contains(e.activity()));
        boolean groupMail = mine.stream()
            .anyMatch(e -> e.activity() == Activity.EMAIL_SENT && e.group() != null);
        boolean groupSite = mine.stream().anyMatch(e -> e.workload() == Workload.SHARE_POINT
            && FILE_ACTIVITIES.contains(e.activity()) && e.group() != null);
        if (channel || groupMail || groupSite) {
          out[2][0]++;
        }
      }

      for (ActivityEvent e : mine) {
        if (e.activity() == Activity.MEETING_ATTENDED) {
          long w = Math.max(Math.max(e.audioSeconds(), e.videoSeconds()),
              Math.max(e.screenShareSeconds(), 60)) * e.count();
          out[3][1] += w;
          if (e.videoSeconds() > 0 || e.screenShareSeconds() > 0) {
            out[3][0] += w;
          }
        }
      }

      if (apps || exo || yammer || teams || sfb) {
        out[4][1]++;
        Set<String> classes = new HashSet<>();
        for (ActivityEvent e : mine) {
          boolean counts = e.workload() == Workload.TEAMS || e.workload() == Workload.EXCHANGE
              || e.workload() == Workload.M365_APPS;
          if (counts && e.platform() != null && e.activity() != Activity.EMAIL_RECEIVED) {
            classes.add(platformClass(e.platform()));
          }
        }
        if (classes.size() >= 2) {
          out[4][0]++;
        }
      }

      boolean active = mine.stream().anyMatch(e -> e.activity() != Activity.EMAIL_RECEIVED);
      if (active) {
        out[5][1]++;
        if (u.mfaRegistered()) {
          out[5][0]++;
        }
      }
    }
    return out;
  }

  private static boolean enabled(DirectoryUser u, Workload w, LocalDate r) {
    LocalDate assigned = u.licenceAssignDates().get(w);
    boolean licensed = assigned != null && !assigned.isAfter(r);
    boolean deletedBeforeWindow = u.deletedDate() != null
        && u.deletedDate().isBefore(r.minusDays(27));
    return licensed && !deletedBeforeWindow;
  }

  private static String platformClass(Platform p) {
    return switch (p) {
      case WINDOWS, MAC, LINUX, CHROME_OS -> "desktop";
      case WEB -> "web";
      case IOS, ANDROID_PHONE, WINDOWS_PHONE -> "mobile";
    };
  }
}
