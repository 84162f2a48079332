package io.tenantry.reports;

import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.DirectoryGroup;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * The aggregation engine: folds {@link ActivityEvent}s of one tenant into a {@link
 * PartialAggregate} for one {@link ReportWindow}, following {@code activity-events.md} §4–5.
 *
 * <p>Events of users who do not exist as of R, and events after R, count nowhere. Events before the
 * window only move last-activity days. State is held in primitive columns indexed by the users'
 * directory indexes (their dictionary codes) and days of the window; distinct users are exact
 * RoaringBitmaps.
 *
 * <p>Not thread-safe: one aggregator per thread (or partition); combine the results with {@link
 * PartialAggregate#merge}. Single use: {@link #build()} may be called once.
 */
public final class ActivityAggregator {
  private static final int M = PartialAggregate.M;
  private static final int W = PartialAggregate.W;
  private static final int S = PartialAggregate.S;
  private static final int G = PartialAggregate.G;
  private static final int NONE = PartialAggregate.NONE;
  private static final int KINDS = GroupKind.values().length;

  private final UserDirectory directory;
  private final GroupDirectory groups;
  private final ReportWindow window;
  private final long first;
  private final long asOf;
  private final int days;
  private final boolean[] exists;
  private final int[] rowOf;
  private int rows;
  private long[] sums = new long[64 * M];
  private int[] last = new int[64 * W];
  private final long[] dailySums;
  private final RoaringBitmap[] dailySets;
  private final boolean[] groupIsYammer;
  private final boolean[] groupIsM365;
  private final long[] groupSums;
  private final int[] groupLast;
  private final List<TreeSet<String>> groupFiles;
  private final long[] groupDaily;
  private final RoaringBitmap[] groupActive;
  private boolean built;

  private ActivityAggregator(UserDirectory directory, GroupDirectory groups, ReportWindow window) {
    if (!directory.tenant().equals(groups.tenant())) {
      throw new IllegalArgumentException("the user directory of " + directory.tenant()
          + " and the group directory of " + groups.tenant() + " belong to different tenants");
    }
    this.directory = directory;
    this.groups = groups;
    this.window = window;
    this.first = window.first().toEpochDay();
    this.asOf = window.asOf().toEpochDay();
    this.days = window.days();
    int n = directory.size();
    this.exists = new boolean[n];
    for (int u = 0; u < n; u++) {
      exists[u] = directory.user(u).existsAsOf(window.asOf());
    }
    this.rowOf = new int[n];
    Arrays.fill(rowOf, -1);
    this.dailySums = new long[days * M];
    this.dailySets = new RoaringBitmap[days * S];
    int g = groups.size();
    this.groupIsYammer = new boolean[g];
    this.groupIsM365 = new boolean[g];
    for (int k = 0; k < g; k++) {
      DirectoryGroup group = groups.group(k);
      boolean live = group.existsAsOf(window.asOf());
      groupIsYammer[k] = live && GroupKind.YAMMER.includes(group);
      groupIsM365[k] = live && GroupKind.MICROSOFT_365.includes(group);
    }
    this.groupSums = new long[g * G];
    this.groupLast = new int[g * KINDS];
    Arrays.fill(groupLast, NONE);
    this.groupFiles = new ArrayList<>(Collections.nCopies(g, null));
    this.groupDaily = new long[KINDS * days * G];
    this.groupActive = new RoaringBitmap[KINDS * days];
  }

  /**
   * Creates an aggregator.
   *
   * @param directory the tenant's users (events' user indexes refer to it)
   * @param groups the tenant's groups ({@link GroupDirectory#empty} without {@code groups.csv})
   * @param window the window to aggregate
   * @return a new aggregator
   * @throws IllegalArgumentException if the directories belong to different tenants
   */
  public static ActivityAggregator of(UserDirectory directory, GroupDirectory groups,
      ReportWindow window) {
    return new ActivityAggregator(Objects.requireNonNull(directory, "directory"),
        Objects.requireNonNull(groups, "groups"), Objects.requireNonNull(window, "window"));
  }

  /**
   * Aggregates every event of an iterable and builds the result.
   *
   * @param directory the tenant's users
   * @param groups the tenant's groups
   * @param window the window
   * @param events the events, resolved against {@code directory}
   * @return the aggregate
   */
  public static PartialAggregate aggregate(UserDirectory directory, GroupDirectory groups,
      ReportWindow window, Iterable<ActivityEvent> events) {
    ActivityAggregator a = of(directory, groups, window);
    for (ActivityEvent e : events) {
      a.add(e);
    }
    return a.build();
  }

  private int row(int user) {
    int r = rowOf[user];
    if (r < 0) {
      r = rows++;
      rowOf[user] = r;
      if (rows * M > sums.length) {
        sums = Arrays.copyOf(sums, sums.length * 2);
        last = Arrays.copyOf(last, last.length * 2);
      }
      Arrays.fill(last, r * W, r * W + W, NONE);
    }
    return r;
  }

  private void addUser(int d, int set, int user) {
    int k = d * S + set;
    RoaringBitmap b = dailySets[k];
    if (b == null) {
      b = new RoaringBitmap();
      dailySets[k] = b;
    }
    b.add(user);
  }

  private void addSum(int d, int row, int user, Measure m, long amount) {
    if (amount <= 0) {
      return;
    }
    dailySums[d * M + m.ordinal()] += amount;
    sums[row * M + m.ordinal()] += amount;
    addUser(d, UserSet.did(m).index(), user);
  }

  /**
   * Adds one event.
   *
   * @param e the event, resolved against this aggregator's directory
   * @throws IllegalStateException after {@link #build()}
   * @throws IndexOutOfBoundsException if the event's user index is outside the directory
   */
  public void add(ActivityEvent e) {
    if (built) {
      throw new IllegalStateException("the aggregator was already built");
    }
    int user = e.user();
    if (!exists[user]) {
      return;
    }
    long day = e.day().toEpochDay();
    if (day > asOf) {
      return;
    }
    Workload w = e.workload();
    Activity a = e.activity();
    int row = row(user);
    if (a.makesActive()) {
      int k = row * W + w.ordinal();
      if (last[k] < day) {
        last[k] = (int) day;
      }
    }
    int d = (int) (day - first);
    boolean inWindow = d >= 0 && d < days;
    if (e.group() != null) {
      addGroup(e, d, inWindow, day);
    }
    if (!inWindow) {
      return;
    }
    long n = e.count();
    addSum(d, row, user, Measure.of(w, a), n);
    if (w == Workload.TEAMS) {
      Measure typed = Measure.typedMeeting(a, e.meetingTypeOrDefault());
      if (typed != null) {
        addSum(d, row, user, typed, n);
      }
      if (a == Activity.CALL || a == Activity.MEETING_ATTENDED) {
        addSum(d, row, user, Measure.AUDIO_SECONDS, e.audioSeconds() * n);
        addSum(d, row, user, Measure.VIDEO_SECONDS, e.videoSeconds() * n);
        addSum(d, row, user, Measure.SCREEN_SHARE_SECONDS, e.screenShareSeconds() * n);
      }
      if (e.platform() != null) {
        addUser(d, UserSet.teamsPlatform(e.platform()).index(), user);
      }
    }
    if (a.makesActive()) {
      addUser(d, UserSet.active(w).index(), user);
      if (w.isOffice365Service()) {
        addUser(d, UserSet.activeOffice365().index(), user);
      }
    }
    if (w == Workload.M365_APPS) {
      AppPlatform cls = AppPlatform.of(e.platform());
      if (e.app() != null) {
        addUser(d, UserSet.app(e.app()).index(), user);
        if (cls != null) {
          addUser(d, UserSet.appOn(e.app(), cls).index(), user);
        }
      }
      if (cls != null) {
        addUser(d, UserSet.appPlatform(cls).index(), user);
      }
    }
  }

  private void addGroup(ActivityEvent e, int d, boolean inWindow, long day) {
    OptionalInt gi = groups.indexOf(e.group());
    if (gi.isEmpty()) {
      return;
    }
    int g = gi.getAsInt();
    Workload w = e.workload();
    Activity a = e.activity();
    int measure = -1;
    boolean yammerActivity = w == Workload.YAMMER;
    boolean m365Activity;
    switch (a) {
      case EMAIL_SENT, EMAIL_RECEIVED -> {
        measure = 0;
        m365Activity = true;
      }
      case MESSAGE_POSTED -> {
        measure = 1;
        m365Activity = true;
      }
      case MESSAGE_READ -> {
        measure = 2;
        m365Activity = true;
      }
      case MESSAGE_LIKED -> {
        measure = 3;
        m365Activity = true;
      }
      default -> m365Activity = w == Workload.SHARE_POINT;
    }
    boolean[] kinds = {yammerActivity && groupIsYammer[g], m365Activity && groupIsM365[g]};
    for (int k = 0; k < KINDS; k++) {
      if (!kinds[k]) {
        continue;
      }
      int idx = g * KINDS + k;
      if (groupLast[idx] < day) {
        groupLast[idx] = (int) day;
      }
      if (inWindow) {
        int ai = k * days + d;
        if (groupActive[ai] == null) {
          groupActive[ai] = new RoaringBitmap();
        }
        groupActive[ai].add(g);
        if (measure >= 0) {
          groupDaily[ai * G + measure] += e.count();
        }
      }
    }
    if (!inWindow || !(kinds[0] || kinds[1])) {
      return;
    }
    if (measure >= 0) {
      groupSums[g * G + measure] += e.count();
    }
    if (kinds[1] && w == Workload.SHARE_POINT && a != Activity.PAGE_VIEWED && e.file() != null) {
      if (groupFiles.get(g) == null) {
        groupFiles.set(g, new TreeSet<>());
      }
      groupFiles.get(g).add(e.file());
    }
  }

  /**
   * Builds the aggregate of everything added.
   *
   * @return the aggregate
   * @throws IllegalStateException when called twice
   */
  public PartialAggregate build() {
    if (built) {
      throw new IllegalStateException("the aggregator was already built");
    }
    built = true;
    int[] users = new int[rows];
    long[] userSums = new long[rows * M];
    int[] userLast = new int[rows * W];
    int n = 0;
    for (int u = 0; u < rowOf.length; u++) {
      int r = rowOf[u];
      if (r >= 0) {
        users[n] = u;
        System.arraycopy(sums, r * M, userSums, n * M, M);
        System.arraycopy(last, r * W, userLast, n * W, W);
        n++;
      }
    }
    String[][] files = new String[groupFiles.size()][];
    for (int g = 0; g < files.length; g++) {
      TreeSet<String> set = groupFiles.get(g);
      files[g] = set == null ? new String[0] : set.toArray(String[]::new);
    }
    return new PartialAggregate(directory.tenant(), window, directory.size(), groups.size(),
        dailySums, dailySets, users, userSums, userLast, groupSums, groupLast, files, groupDaily,
        groupActive);
  }
}
