package io.tenantry.reports.score.internal;

import static io.tenantry.reports.score.internal.EventClass.ACTIVE;
import static io.tenantry.reports.score.internal.EventClass.CHANNEL_MESSAGE;
import static io.tenantry.reports.score.internal.EventClass.DESKTOP;
import static io.tenantry.reports.score.internal.EventClass.EMAIL_SENT;
import static io.tenantry.reports.score.internal.EventClass.FILE_ACTIVITY;
import static io.tenantry.reports.score.internal.EventClass.FLAGS;
import static io.tenantry.reports.score.internal.EventClass.GROUP_EMAIL;
import static io.tenantry.reports.score.internal.EventClass.GROUP_SITE_FILE;
import static io.tenantry.reports.score.internal.EventClass.MOBILE;
import static io.tenantry.reports.score.internal.EventClass.SHARED_FILE;
import static io.tenantry.reports.score.internal.EventClass.TEAMS_MESSAGE;
import static io.tenantry.reports.score.internal.EventClass.WEB;
import static io.tenantry.reports.score.internal.EventClass.YAMMER_POST;

import io.tenantry.reports.score.Scenario;
import java.util.HashMap;

/**
 * Computes every history day's scenario counts in one pass over the user-day records, sliding the
 * 28-day window one day at a time: a record enters the window on its day (or on the day its user
 * comes to exist, if later) and leaves it 28 days after its day. Per user the sweep keeps how many
 * window days set each flag, the meeting weights, and in how many window files it met somebody
 * else; per file, how many distinct people acted on it. Each day then costs one scan of the users,
 * so 180 days of history read every record twice (in and out) instead of 180 times.
 *
 * <p>Per-user membership is kept for the last day (R) only, for group views and recommendations.
 */
public final class ScoreSweep {
  private static final int SCENARIOS = Scenario.values().length;
  private static final int COMMUNICATION = Scenario.COMMUNICATION.ordinal();
  private static final int CONTENT = Scenario.CONTENT_COLLABORATION.ordinal();
  private static final int TEAMWORK = Scenario.TEAMWORK.ordinal();
  private static final int MEETINGS = Scenario.MEETINGS.ordinal();
  private static final int MOBILITY = Scenario.MOBILITY.ordinal();
  private static final int DATA_PROTECTION = Scenario.DATA_PROTECTION.ordinal();

  /**
   * What the sweep found.
   *
   * @param numerators per history day (oldest first) and scenario, N
   * @param denominators per history day and scenario, M
   * @param inDenominator per user, on R: bit {@code 1 << scenario} set when counted in M
   *     (Meetings: attended a meeting)
   * @param inNumerator per user, on R: bit set when counted in N (Meetings: attended a meeting
   *     with video or screen sharing)
   * @param meetingWeight per user, on R: the weight of all meeting attendances
   * @param meetingVisualWeight per user, on R: the weight of attendances with video or sharing
   * @param population per user, on R: true when the user exists and is not a guest
   * @param activeDays per user, on R: the days of the window with an event that makes the user
   *     active
   */
  public record Result(long[][] numerators, long[][] denominators, byte[] inDenominator,
      byte[] inNumerator, long[] meetingWeight, long[] meetingVisualWeight, boolean[] population,
      int[] activeDays) {}

  private final ScoreData data;
  private final int[][] flagDays;
  private final long[] meetAll;
  private final long[] meetVisual;
  private final int[] collabFiles;
  private final int[] fileDistinct;
  private final long[] fileUserSum;
  private final HashMap<Long, Integer> pairs = new HashMap<>();

  private ScoreSweep(ScoreData data) {
    this.data = data;
    this.flagDays = new int[FLAGS][data.users];
    this.meetAll = new long[data.users];
    this.meetVisual = new long[data.users];
    this.collabFiles = new int[data.users];
    this.fileDistinct = new int[data.fileCount];
    this.fileUserSum = new long[data.fileCount];
  }

  /**
   * Runs the sweep.
   *
   * @param data the compiled tenant data
   * @return the counts of every history day and the per-user membership on R
   */
  public static Result run(ScoreData data) {
    return new ScoreSweep(data).sweep();
  }

  private Result sweep() {
    int from = data.firstEventDay;
    int to = data.asOf;
    int span = to - from + 1;
    int n = data.recUser.length;
    // bucket records by the day they enter the window (counting sort); removal follows recDay,
    // which is already sorted
    int[] entryStart = new int[span + 1];
    int[] entry = new int[n];
    for (int i = 0; i < n; i++) {
      int e = Math.max(data.recDay[i], data.created[data.recUser[i]]);
      entry[i] = e <= data.recDay[i] + 27 && e <= to ? e : Integer.MAX_VALUE;
      if (entry[i] != Integer.MAX_VALUE) {
        entryStart[entry[i] - from + 1]++;
      }
    }
    for (int d = 0; d < span; d++) {
      entryStart[d + 1] += entryStart[d];
    }
    int[] byEntry = new int[entryStart[span]];
    int[] fill = entryStart.clone();
    for (int i = 0; i < n; i++) {
      if (entry[i] != Integer.MAX_VALUE) {
        byEntry[fill[entry[i] - from]++] = i;
      }
    }

    int days = data.historyDays;
    long[][] num = new long[days][];
    long[][] den = new long[days][];
    byte[] inM = new byte[data.users];
    byte[] inN = new byte[data.users];
    long[] lastMeetAll = new long[data.users];
    long[] lastMeetVisual = new long[data.users];
    boolean[] population = new boolean[data.users];
    int[] activeDays = new int[data.users];
    int removeCursor = 0;
    for (int day = from; day <= to; day++) {
      int leaving = day - 28;
      while (removeCursor < n && data.recDay[removeCursor] <= leaving) {
        if (entry[removeCursor] != Integer.MAX_VALUE) {
          apply(removeCursor, -1);
        }
        removeCursor++;
      }
      for (int k = entryStart[day - from]; k < entryStart[day - from + 1]; k++) {
        apply(byEntry[k], +1);
      }
      int h = day - (to - days + 1);
      if (h >= 0) {
        boolean last = day == to;
        long[] dn = new long[SCENARIOS];
        long[] dm = new long[SCENARIOS];
        evaluate(day, dn, dm, last ? inN : null, last ? inM : null, population);
        num[h] = dn;
        den[h] = dm;
        if (last) {
          System.arraycopy(meetAll, 0, lastMeetAll, 0, data.users);
          System.arraycopy(meetVisual, 0, lastMeetVisual, 0, data.users);
          System.arraycopy(flagDays[ACTIVE], 0, activeDays, 0, data.users);
          for (int u = 0; u < data.users; u++) {
            if (!population[u]) {
              lastMeetAll[u] = 0;
              lastMeetVisual[u] = 0;
            }
          }
        }
      }
    }
    return new Result(num, den, inM, inN, lastMeetAll, lastMeetVisual, population, activeDays);
  }

  private void apply(int rec, int sign) {
    int u = data.recUser[rec];
    int mask = data.recMask[rec];
    while (mask != 0) {
      int flag = Integer.numberOfTrailingZeros(mask);
      flagDays[flag][u] += sign;
      mask &= mask - 1;
    }
    meetAll[u] += sign * data.recMeetAll[rec];
    meetVisual[u] += sign * data.recMeetVisual[rec];
    int[] files = data.recFiles[rec];
    if (files != null) {
      for (int f : files) {
        if (sign > 0) {
          addFile(f, u);
        } else {
          removeFile(f, u);
        }
      }
    }
  }

  private void addFile(int f, int u) {
    int c = pairs.merge(pairKey(f, u), 1, Integer::sum);
    if (c != 1) {
      return;
    }
    int before = fileDistinct[f];
    if (before == 1) {
      collabFiles[(int) fileUserSum[f]]++;
      collabFiles[u]++;
    } else if (before >= 2) {
      collabFiles[u]++;
    }
    fileDistinct[f]++;
    fileUserSum[f] += u;
  }

  private long pairKey(int f, int u) {
    // file × users + user: unique, and dense in the low bits so Long.hashCode spreads it
    return (long) f * data.users + u;
  }

  private void removeFile(int f, int u) {
    long key = pairKey(f, u);
    int c = pairs.merge(key, -1, Integer::sum);
    if (c != 0) {
      return;
    }
    pairs.remove(key);
    int before = fileDistinct[f];
    fileDistinct[f]--;
    fileUserSum[f] -= u;
    if (before == 2) {
      collabFiles[(int) fileUserSum[f]]--;
      collabFiles[u]--;
    } else if (before > 2) {
      collabFiles[u]--;
    }
  }

  private boolean has(int flag, int u) {
    return flagDays[flag][u] > 0;
  }

  private void evaluate(int day, long[] num, long[] den, byte[] inN, byte[] inM,
      boolean[] population) {
    int windowStart = day - 27;
    int[][] lic = data.licence;
    for (int u = 0; u < data.users; u++) {
      if (data.guest[u] || data.created[u] > day) {
        continue;
      }
      if (inN != null) {
        population[u] = true;
      }
      boolean kept = data.deleted[u] >= windowStart;
      boolean exo = kept && lic[Service.EXCHANGE.ordinal()][u] <= day;
      boolean od = kept && lic[Service.ONEDRIVE.ordinal()][u] <= day;
      boolean sp = kept && lic[Service.SHAREPOINT.ordinal()][u] <= day;
      boolean sfb = kept && lic[Service.SKYPE_FOR_BUSINESS.ordinal()][u] <= day;
      boolean yam = kept && lic[Service.YAMMER.ordinal()][u] <= day;
      boolean teams = kept && lic[Service.TEAMS.ordinal()][u] <= day;
      boolean apps = kept && lic[Service.M365_APPS.ordinal()][u] <= day;
      int m = 0;
      int n = 0;
      // Communication
      if ((exo ? 1 : 0) + (teams ? 1 : 0) + (yam ? 1 : 0) >= 2) {
        m |= 1 << COMMUNICATION;
        int modes = (has(EMAIL_SENT, u) ? 1 : 0) + (has(TEAMS_MESSAGE, u) ? 1 : 0)
            + (has(YAMMER_POST, u) ? 1 : 0);
        if (modes >= 2) {
          n |= 1 << COMMUNICATION;
        }
      }
      // Content collaboration
      if (od || sp) {
        m |= 1 << CONTENT;
        if (has(SHARED_FILE, u) || collabFiles[u] > 0) {
          n |= 1 << CONTENT;
        }
      }
      // Teamwork
      if ((exo || teams || sp)
          && (has(EMAIL_SENT, u) || has(TEAMS_MESSAGE, u) || has(FILE_ACTIVITY, u))) {
        m |= 1 << TEAMWORK;
        if (has(CHANNEL_MESSAGE, u) || has(GROUP_EMAIL, u) || has(GROUP_SITE_FILE, u)) {
          n |= 1 << TEAMWORK;
        }
      }
      // Meetings (weighted; membership means "attended", "attended with video or sharing")
      if (meetAll[u] > 0) {
        m |= 1 << MEETINGS;
        den[MEETINGS] += meetAll[u];
        num[MEETINGS] += meetVisual[u];
        if (meetVisual[u] > 0) {
          n |= 1 << MEETINGS;
        }
      }
      // Mobility
      if (apps || exo || yam || teams || sfb) {
        m |= 1 << MOBILITY;
        int classes = (has(DESKTOP, u) ? 1 : 0) + (has(WEB, u) ? 1 : 0) + (has(MOBILE, u) ? 1 : 0);
        if (classes >= 2) {
          n |= 1 << MOBILITY;
        }
      }
      // Data protection
      if (has(ACTIVE, u)) {
        m |= 1 << DATA_PROTECTION;
        if (data.mfa[u]) {
          n |= 1 << DATA_PROTECTION;
        }
      }
      for (int s = 0; s < SCENARIOS; s++) {
        if (s == MEETINGS) {
          continue;
        }
        if ((m & (1 << s)) != 0) {
          den[s]++;
          if ((n & (1 << s)) != 0) {
            num[s]++;
          }
        }
      }
      if (inN != null) {
        inM[u] = (byte) m;
        inN[u] = (byte) n;
      }
    }
  }
}
