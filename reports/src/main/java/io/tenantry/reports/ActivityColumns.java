package io.tenantry.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.App;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.MeetingType;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * One tenant's activity compiled once into primitive columns per day, from which the {@link
 * PartialAggregate} of any {@link ReportWindow} (D7, D30, D90, D180, a single date, any report
 * date R) is taken without reading the events again: the engine's snapshot of {@code
 * activity-events.md} §4–5.
 *
 * <p>Per day it holds the sums of every {@link Measure}, the distinct users of every {@link
 * UserSet} but the Office 365 union, which a window derives from the six services' sets
 * (run-optimised RoaringBitmaps of directory indexes) and, for the per-user window sums,
 * one entry per user and measure with activity that day (the user's index and the measure packed
 * with its amount, four bytes each). Per user it holds the first day with an event and the
 * creation date; events that carry a group are kept as events and folded per window (they are
 * few). {@link #aggregate} gives exactly what {@link ActivityAggregator} computes from the same
 * events for that window: events after R and events of users created after R count nowhere, and
 * the per-user columns are computed only when a report reads them.
 *
 * <p>Immutable and thread-safe once built; the {@link Builder} is not thread-safe. Build one per
 * partition of users and merge the window aggregates with {@link PartialAggregate#merge} to
 * spread the work.
 */
public final class ActivityColumns {
  private static final int M = PartialAggregate.M;
  private static final int W = PartialAggregate.W;
  private static final int S = PartialAggregate.S;
  private static final int NONE = PartialAggregate.NONE;
  private static final int MEASURE_BITS = 6;
  private static final int MEASURE_MASK = (1 << MEASURE_BITS) - 1;
  private static final long MAX_PACKED = (1L << (31 - MEASURE_BITS)) - 1;
  private static final Workload[] WORKLOADS = Workload.values();
  private static final Activity[] ACTIVITIES = Activity.values();
  private static final Platform[] PLATFORMS = Platform.values();
  private static final MeetingType[] MEETING_TYPES = MeetingType.values();
  private static final App[] APPS = App.values();
  private static final int[] ACTIVE = new int[W];
  private static final boolean[] OFFICE_365 = new boolean[W];
  private static final int ACTIVE_365 = UserSet.activeOffice365().index();
  private static final int[] DID = new int[M];

  static {
    if (M > MEASURE_MASK + 1) {
      throw new ExceptionInInitializerError("too many measures to pack: " + M);
    }
    for (Workload w : WORKLOADS) {
      ACTIVE[w.ordinal()] = UserSet.active(w).index();
      OFFICE_365[w.ordinal()] = w.isOffice365Service();
    }
    for (Measure m : Measure.values()) {
      DID[m.ordinal()] = UserSet.did(m).index();
    }
  }

  private final UserDirectory directory;
  private final GroupDirectory groups;
  private final int base;
  private final long[][] daySums;
  private final RoaringBitmap[][] daySets;
  private final int[][] entryUsers;
  private final int[][] entryPacked;
  private final long[][] entryBig;
  private final int[] firstDay;
  private final int[] created;
  private final int lastCreated;
  private final List<ActivityEvent> groupEvents;
  private final long activeUserDays;

  private ActivityColumns(Builder b) {
    this.directory = b.directory;
    this.groups = b.groups;
    this.base = b.base;
    int count = b.table == null ? 0 : b.table.length;
    this.daySums = new long[count][];
    this.daySets = new RoaringBitmap[count][];
    this.entryUsers = new int[count][];
    this.entryPacked = new int[count][];
    this.entryBig = new long[count][];
    long userDays = 0;
    DayBuilder d = new DayBuilder(b.users);
    for (int i = 0; i < count; i++) {
      DayLog log = b.table[i];
      if (log == null) {
        continue;
      }
      b.replay(log, b.base + i, d);
      b.table[i] = null;
      daySums[i] = d.sums;
      userDays += d.userDays();
      daySets[i] = d.bitmaps();
      entryUsers[i] = d.users();
      entryPacked[i] = d.packedEntries();
      entryBig[i] = d.big == null ? null : Arrays.copyOf(d.big, d.bigSize);
      d.clear();
    }
    this.firstDay = b.firstDay;
    this.created = new int[directory.size()];
    int latest = Integer.MIN_VALUE;
    for (int u = 0; u < created.length; u++) {
      LocalDate c = directory.user(u).createdDate();
      created[u] = c == null ? Integer.MIN_VALUE : (int) c.toEpochDay();
      latest = Math.max(latest, created[u]);
    }
    this.lastCreated = latest;
    this.groupEvents = List.copyOf(b.groupEvents);
    this.activeUserDays = userDays;
  }

  /**
   * Starts compiling a tenant's activity.
   *
   * @param directory the tenant's users (events' user indexes refer to it)
   * @param groups the tenant's groups ({@link GroupDirectory#empty} without {@code groups.csv})
   * @return a new builder
   * @throws IllegalArgumentException if the directories belong to different tenants
   */
  public static Builder builder(UserDirectory directory, GroupDirectory groups) {
    return new Builder(directory, groups, null);
  }

  /**
   * Compiles every event of an iterable.
   *
   * @param directory the tenant's users
   * @param groups the tenant's groups
   * @param events the events, resolved against {@code directory}
   * @return the compiled activity
   * @throws IllegalArgumentException if the directories belong to different tenants
   * @throws IndexOutOfBoundsException if an event's user index is outside the directory
   */
  public static ActivityColumns of(UserDirectory directory, GroupDirectory groups,
      Iterable<ActivityEvent> events) {
    Builder b = builder(directory, groups);
    for (ActivityEvent e : events) {
      b.add(e);
    }
    return b.build();
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return directory.tenant();
  }

  /**
   * Returns how many (user, day) pairs have at least one compiled event.
   *
   * @return the active user-days
   */
  public long activeUserDays() {
    return activeUserDays;
  }

  /**
   * Estimates the heap the compiled columns retain: every primitive array's payload plus a 16-byte
   * header, and the bitmaps' own size estimate. Events that carry a group are kept as the host's
   * {@link ActivityEvent}s and are not counted.
   *
   * @return bytes
   */
  public long sizeInBytes() {
    long bytes = 5L * (16 + 4L * daySums.length) + 2 * (16 + 4L * firstDay.length);
    for (int i = 0; i < daySums.length; i++) {
      bytes += daySums[i] == null ? 0 : 16 + 8L * daySums[i].length;
      if (daySets[i] != null) {
        bytes += 16 + 4L * S;
        for (RoaringBitmap b : daySets[i]) {
          bytes += b == null ? 0 : b.getLongSizeInBytes();
        }
      }
      bytes += entryUsers[i] == null ? 0 : 32 + 8L * entryUsers[i].length;
      bytes += entryBig[i] == null ? 0 : 16 + 8L * entryBig[i].length;
    }
    return bytes;
  }

  /**
   * Takes the aggregate of one window.
   *
   * @param window the window (any report date and period)
   * @return the aggregate, equal to {@link ActivityAggregator}'s over the same events
   */
  public PartialAggregate aggregate(ReportWindow window) {
    Objects.requireNonNull(window, "window");
    int asOf = (int) window.asOf().toEpochDay();
    int first = (int) window.first().toEpochDay();
    int days = window.days();
    RoaringBitmap gone = new RoaringBitmap();
    for (int u = 0; u < firstDay.length && lastCreated > asOf; u++) {
      if (firstDay[u] <= asOf && created[u] > asOf) {
        gone.add(u);
      }
    }
    long[] sums = new long[days * M];
    RoaringBitmap[] sets = new RoaringBitmap[days * S];
    for (int d = 0; d < days; d++) {
      int i = first + d - base;
      if (i < 0 || i >= daySums.length || daySets[i] == null) {
        continue;
      }
      if (daySums[i] != null) {
        System.arraycopy(daySums[i], 0, sums, d * M, M);
      }
      for (int s = 0; s < S; s++) {
        RoaringBitmap b = daySets[i][s];
        if (b != null && !gone.isEmpty()) {
          b = RoaringBitmap.andNot(b, gone);
          b.runOptimize();
        }
        sets[d * S + s] = b == null || b.isEmpty() ? null : b;
      }
      sets[d * S + ACTIVE_365] = office365(sets, d * S);
      if (!gone.isEmpty()) {
        subtract(i, gone, sums, d * M);
      }
    }
    GroupFold groupFold = new GroupFold(groups, window);
    for (ActivityEvent e : groupEvents) {
      if (e.day().toEpochDay() <= asOf && created[e.user()] <= asOf) {
        groupFold.add(e);
      }
    }
    return new PartialAggregate(directory.tenant(), window, directory.size(), groups.size(), sums,
        sets, groupFold.groupSums, groupFold.groupLast, groupFold.files(), groupFold.groupDaily,
        groupFold.groupActive, () -> userColumns(asOf, first, days));
  }

  /**
   * The users active in any Office 365 service on a day: the union of the six services' sets,
   * derived per window rather than stored (the set the day's services share, when only one has
   * users).
   */
  private static RoaringBitmap office365(RoaringBitmap[] sets, int offset) {
    List<RoaringBitmap> parts = new ArrayList<>(W);
    for (int w = 0; w < W; w++) {
      if (OFFICE_365[w] && sets[offset + ACTIVE[w]] != null) {
        parts.add(sets[offset + ACTIVE[w]]);
      }
    }
    if (parts.size() <= 1) {
      return parts.isEmpty() ? null : parts.get(0);
    }
    RoaringBitmap union = FastAggregation.or(parts.iterator());
    union.runOptimize();
    return union;
  }

  private void subtract(int day, RoaringBitmap gone, long[] sums, int offset) {
    int[] users = entryUsers[day];
    int[] packed = entryPacked[day];
    int big = 0;
    for (int k = 0; k < users.length; k++) {
      int p = packed[k];
      long amount = p >>> MEASURE_BITS;
      if (amount == 0) {
        amount = entryBig[day][big++];
      }
      if (gone.contains(users[k])) {
        sums[offset + (p & MEASURE_MASK)] -= amount;
      }
    }
  }

  private PartialAggregate.UserColumns userColumns(int asOf, int first, int days) {
    int n = firstDay.length;
    int[] rowOf = new int[n];
    int rows = 0;
    for (int u = 0; u < n; u++) {
      rowOf[u] = firstDay[u] <= asOf && created[u] <= asOf ? rows++ : -1;
    }
    int[] users = new int[rows];
    for (int u = 0; u < n; u++) {
      if (rowOf[u] >= 0) {
        users[rowOf[u]] = u;
      }
    }
    // a window ends on or before R, so a user with an entry in it has a first day on or before
    // R: when nobody was created after R every entry's user has a row, and the sums are taken by
    // user index without looking the row up, then moved to rows once per measure
    boolean byUser = lastCreated <= asOf;
    int width = byUser ? n : rows;
    long[][] sums = new long[M][];
    for (int d = 0; d < days; d++) {
      int i = first + d - base;
      if (i < 0 || i >= entryUsers.length || entryUsers[i] == null) {
        continue;
      }
      int[] eu = entryUsers[i];
      int[] ep = entryPacked[i];
      long[] big = entryBig[i];
      if (byUser && big == null) {
        for (int k = 0; k < eu.length; k++) {
          int p = ep[k];
          long[] column = sums[p & MEASURE_MASK];
          if (column == null) {
            column = new long[width];
            sums[p & MEASURE_MASK] = column;
          }
          column[eu[k]] += p >>> MEASURE_BITS;
        }
        continue;
      }
      int b = 0;
      for (int k = 0; k < eu.length; k++) {
        int p = ep[k];
        long amount = p >>> MEASURE_BITS;
        if (amount == 0) {
          amount = big[b++];
        }
        int r = byUser ? eu[k] : rowOf[eu[k]];
        if (r >= 0) {
          long[] column = sums[p & MEASURE_MASK];
          if (column == null) {
            column = new long[width];
            sums[p & MEASURE_MASK] = column;
          }
          column[r] += amount;
        }
      }
    }
    if (byUser && rows < n) {
      for (int m = 0; m < M; m++) {
        if (sums[m] != null) {
          long[] byRow = new long[rows];
          for (int r = 0; r < rows; r++) {
            byRow[r] = sums[m][users[r]];
          }
          sums[m] = byRow;
        }
      }
    }
    int[] last = new int[rows * W];
    Arrays.fill(last, NONE);
    int top = Math.min(asOf - base, daySets.length - 1);
    for (int w = 0; w < W; w++) {
      RoaringBitmap done = new RoaringBitmap();
      int found = 0;
      // newest day first; once every row has its day the older days cannot change one
      for (int i = top; i >= 0 && found < rows; i--) {
        RoaringBitmap b = daySets[i] == null ? null : daySets[i][ACTIVE[w]];
        if (b == null) {
          continue;
        }
        RoaringBitmap fresh = RoaringBitmap.andNot(b, done);
        int day = base + i;
        for (IntIterator it = fresh.getIntIterator(); it.hasNext(); ) {
          int r = rowOf[it.next()];
          if (r >= 0) {
            last[r * W + w] = day;
            found++;
          }
        }
        done.or(fresh);
      }
    }
    return new PartialAggregate.UserColumns(users, sums, last, rowOf);
  }

  /**
   * Compiles events into {@link ActivityColumns}. {@link #add} only files each event under its
   * day as one packed {@code long} (user, workload and activity, count), or, for an event with
   * a platform, meeting type, seconds or app, as five longs that hold its fields (no event object
   * is kept but those that carry a group); {@link #build} then compiles one day at a time in the
   * events' order, into dense bitsets over the directory that stay in cache, and turns each
   * day's sets into RoaringBitmaps once. Not thread-safe; single use.
   */
  public static final class Builder {
    private static final long RICH = 1L << 63;
    private static final int DAY_CACHE = 1024;
    private static final int USER_BITS = 24;
    private static final int CODE_BITS = 8;
    private static final long MAX_COUNT = (1L << (63 - USER_BITS - CODE_BITS)) - 1;
    /** Per workload and activity code ({@link #code}): the active set, or -1. */
    private static final int[] CODE_ACTIVE = new int[ACTIVITIES.length * WORKLOADS.length];
    /** Per code: the measure's ordinal. */
    private static final int[] CODE_MEASURE = new int[CODE_ACTIVE.length];
    /** Per code: the set of the users who did the measure. */
    private static final int[] CODE_DID = new int[CODE_ACTIVE.length];

    static {
      if (CODE_ACTIVE.length > 1 << CODE_BITS || WORKLOADS.length > 1 << CODE_BITS
          || ACTIVITIES.length > 1 << CODE_BITS || PLATFORMS.length >= 16
          || MEETING_TYPES.length >= 16 || APPS.length >= 16) {
        throw new ExceptionInInitializerError("too many workloads, activities, platforms, meeting"
            + " types or apps to pack");
      }
      for (Activity a : ACTIVITIES) {
        for (Workload w : WORKLOADS) {
          int code = code(w, a);
          CODE_ACTIVE[code] = a.makesActive() ? ACTIVE[w.ordinal()] : -1;
          CODE_MEASURE[code] = a.belongsTo(w) ? Measure.of(w, a).ordinal() : -1;
          CODE_DID[code] = a.belongsTo(w) ? DID[CODE_MEASURE[code]] : -1;
        }
      }
    }

    private final UserDirectory directory;
    private final GroupDirectory groups;
    private final int users;
    private final boolean[] exists;
    private final long maxDay;
    private final long detailFrom;
    private final long detailTo;
    private final int[] firstDay;
    private final List<ActivityEvent> groupEvents = new ArrayList<>();
    /**
     * The days of recent events by their date's hash (direct-mapped): most events hit, so the
     * epoch day is computed and the day looked up once per date rather than per event. Only days
     * on or before the builder's last day are cached.
     */
    private final LocalDate[] cachedDate = new LocalDate[DAY_CACHE];
    private final DayLog[] cachedLog = new DayLog[DAY_CACHE];
    private DayLog[] table;
    private int base;
    private boolean built;

    /**
     * A builder for every day and user, or, with a window, for what that window's aggregate
     * reads: events of users existing as of R on or before R, and outside the window only what
     * moves last-activity days.
     */
    Builder(UserDirectory directory, GroupDirectory groups, ReportWindow window) {
      this.directory = Objects.requireNonNull(directory, "directory");
      this.groups = Objects.requireNonNull(groups, "groups");
      if (!directory.tenant().equals(groups.tenant())) {
        throw new IllegalArgumentException("the user directory of " + directory.tenant()
            + " and the group directory of " + groups.tenant() + " belong to different tenants");
      }
      this.users = directory.size();
      this.firstDay = new int[users];
      Arrays.fill(firstDay, Integer.MAX_VALUE);
      if (window == null) {
        exists = null;
        maxDay = Long.MAX_VALUE;
        detailFrom = Long.MIN_VALUE;
        detailTo = Long.MAX_VALUE;
      } else {
        exists = new boolean[users];
        for (int u = 0; u < users; u++) {
          exists[u] = directory.user(u).existsAsOf(window.asOf());
        }
        maxDay = window.asOf().toEpochDay();
        detailFrom = window.first().toEpochDay();
        detailTo = window.last().toEpochDay();
      }
    }

    private static int code(Workload w, Activity a) {
      return a.ordinal() * WORKLOADS.length + w.ordinal();
    }

    private DayLog day(int epochDay) {
      if (table == null) {
        base = epochDay - 31;
        table = new DayLog[64];
      }
      int i = epochDay - base;
      if (i < 0) {
        int shift = Math.max(-i, table.length);
        DayLog[] t = new DayLog[table.length + shift];
        System.arraycopy(table, 0, t, shift, table.length);
        table = t;
        base -= shift;
        i += shift;
      } else if (i >= table.length) {
        table = Arrays.copyOf(table, Math.max(i + 1, table.length * 2));
      }
      DayLog d = table[i];
      if (d == null) {
        d = new DayLog(epochDay);
        table[i] = d;
      }
      return d;
    }

    /**
     * Adds one event.
     *
     * @param e the event, resolved against this builder's directory
     * @return this builder
     * @throws IllegalStateException after {@link #build()}
     * @throws IndexOutOfBoundsException if the event's user index is outside the directory
     */
    public Builder add(ActivityEvent e) {
      if (built) {
        throw new IllegalStateException("the builder was already built");
      }
      int user = e.user();
      if (user >= users) {
        throw new IndexOutOfBoundsException("user index " + user + " outside the directory of "
            + users + " users of " + directory.tenant());
      }
      if (exists != null && !exists[user]) {
        return this;
      }
      LocalDate date = e.day();
      int slot = date.hashCode() & (DAY_CACHE - 1);
      DayLog log = cachedLog[slot];
      if (log == null || !date.equals(cachedDate[slot])) {
        long epochDay = date.toEpochDay();
        if (epochDay > maxDay) {
          return this;
        }
        log = day((int) epochDay);
        cachedDate[slot] = date;
        cachedLog[slot] = log;
      }
      int epochDay = log.epochDay;
      if (epochDay < firstDay[user]) {
        firstDay[user] = epochDay;
      }
      if (e.group() != null) {
        groupEvents.add(e);
      }
      long n = e.count();
      long record;
      if (e.platform() == null && e.app() == null && e.audioSeconds() == 0
          && e.videoSeconds() == 0 && e.screenShareSeconds() == 0
          && e.meetingTypeOrDefault() == MeetingType.UNCLASSIFIED && n <= MAX_COUNT
          && user < 1 << USER_BITS) {
        record = n << (USER_BITS + CODE_BITS) | (long) code(e.workload(), e.activity()) << USER_BITS
            | user;
      } else {
        log.addRich(e);
        return this;
      }
      log.add(record);
      return this;
    }

    /** Compiles one day's events, in the order they were added, into {@code d}. */
    private void replay(DayLog log, int epochDay, DayBuilder d) {
      boolean detail = epochDay >= detailFrom && epochDay <= detailTo;
      // every event makes one entry, one with seconds and a typed meeting up to five
      d.reserve(log.size + 4 * (log.richSize / DayLog.RICH_LONGS));
      for (int c = 0; c <= log.fullChunks; c++) {
        long[] records = c < log.fullChunks ? log.chunks[c] : log.current;
        int end = c < log.fullChunks ? records.length : log.position;
        for (int k = 0; k < end; k++) {
          long r = records[k];
          if (r < 0) {
            apply(log.rich, (int) (r & ~RICH) * DayLog.RICH_LONGS, detail, d);
            continue;
          }
          int user = (int) r & ((1 << USER_BITS) - 1);
          int code = (int) (r >>> USER_BITS) & ((1 << CODE_BITS) - 1);
          if (CODE_ACTIVE[code] >= 0) {
            d.member(user, CODE_ACTIVE[code]);
          }
          if (detail) {
            d.count(user, CODE_MEASURE[code], CODE_DID[code], r >>> (USER_BITS + CODE_BITS));
          }
        }
      }
    }

    /** Compiles one event of any shape, as {@link DayLog#addRich} filed it at {@code at}. */
    private static void apply(long[] rich, int at, boolean detail, DayBuilder d) {
      long head = rich[at];
      int user = (int) head;
      Workload w = WORKLOADS[(int) (head >>> 32) & 0xFF];
      Activity a = ACTIVITIES[(int) (head >>> 40) & 0xFF];
      Platform platform = DayLog.decode(PLATFORMS, head >>> 48);
      MeetingType meetingType = DayLog.decode(MEETING_TYPES, head >>> 52);
      App app = DayLog.decode(APPS, head >>> 56);
      if (a.makesActive()) {
        d.member(user, ACTIVE[w.ordinal()]);
      }
      if (!detail) {
        return;
      }
      long n = rich[at + 1];
      d.sum(user, Measure.of(w, a).ordinal(), n);
      if (w == Workload.TEAMS) {
        Measure typed = Measure.typedMeeting(a,
            meetingType == null ? MeetingType.UNCLASSIFIED : meetingType);
        if (typed != null) {
          d.sum(user, typed.ordinal(), n);
        }
        if (a == Activity.CALL || a == Activity.MEETING_ATTENDED) {
          d.sum(user, Measure.AUDIO_SECONDS.ordinal(), rich[at + 2] * n);
          d.sum(user, Measure.VIDEO_SECONDS.ordinal(), rich[at + 3] * n);
          d.sum(user, Measure.SCREEN_SHARE_SECONDS.ordinal(), rich[at + 4] * n);
        }
        if (platform != null) {
          d.member(user, UserSet.teamsPlatform(platform).index());
        }
      } else if (w == Workload.M365_APPS) {
        AppPlatform cls = AppPlatform.of(platform);
        if (app != null) {
          d.member(user, UserSet.app(app).index());
          if (cls != null) {
            d.member(user, UserSet.appOn(app, cls).index());
          }
        }
        if (cls != null) {
          d.member(user, UserSet.appPlatform(cls).index());
        }
      }
    }

    /**
     * Compiles everything added.
     *
     * @return the compiled activity
     * @throws IllegalStateException when called twice
     */
    public ActivityColumns build() {
      if (built) {
        throw new IllegalStateException("the builder was already built");
      }
      built = true;
      return new ActivityColumns(this);
    }
  }

  /**
   * One day's events as filed by {@link Builder#add}, in arrival order: a packed record each, for
   * an event with a platform, meeting type, seconds, app or a large count or user index the
   * index of its {@value #RICH_LONGS} longs in {@code rich} (user, workload, activity and the
   * enumerations; count; the three seconds), so no event object is kept.
   */
  private static final class DayLog {
    static final int RICH_LONGS = 5;
    final int epochDay;
    /** The first chunk's size; each next one doubles, up to {@link #MAX_CHUNK}. */
    private static final int FIRST_CHUNK = 256;
    private static final int MAX_CHUNK = 8192;
    /** The records in chunks that are never copied: the full ones, then {@code current}. */
    long[][] chunks = new long[4][];
    int fullChunks;
    long[] current = new long[FIRST_CHUNK];
    int position;
    int size;
    long[] rich;
    int richSize;

    DayLog(int epochDay) {
      this.epochDay = epochDay;
    }

    void addRich(ActivityEvent e) {
      if (rich == null) {
        rich = new long[4 * RICH_LONGS];
      } else if (richSize + RICH_LONGS > rich.length) {
        rich = Arrays.copyOf(rich, rich.length * 2);
      }
      add(Builder.RICH | (richSize / RICH_LONGS));
      rich[richSize] = (e.user() & 0xFFFFFFFFL) | (long) e.workload().ordinal() << 32
          | (long) e.activity().ordinal() << 40 | encode(e.platform()) << 48
          | encode(e.meetingType()) << 52 | encode(e.app()) << 56;
      rich[richSize + 1] = e.count();
      rich[richSize + 2] = e.audioSeconds();
      rich[richSize + 3] = e.videoSeconds();
      rich[richSize + 4] = e.screenShareSeconds();
      richSize += RICH_LONGS;
    }

    /** An optional enumeration as four bits: 0 for null, else its ordinal plus one. */
    private static long encode(Enum<?> value) {
      return value == null ? 0 : value.ordinal() + 1;
    }

    static <E> E decode(E[] values, long bits) {
      int k = (int) bits & 0xF;
      return k == 0 ? null : values[k - 1];
    }

    void add(long record) {
      if (position == current.length) {
        if (fullChunks == chunks.length) {
          chunks = Arrays.copyOf(chunks, fullChunks * 2);
        }
        chunks[fullChunks++] = current;
        current = new long[Math.min(current.length * 2, MAX_CHUNK)];
        position = 0;
      }
      current[position++] = record;
      size++;
    }
  }

  /**
   * One day's columns while compiling, reused from day to day: sums, a dense bitset per set over
   * the whole directory (allocated on a set's first use, cleared after each day), entries.
   */
  private static final class DayBuilder {
    private final int words;
    private final long[][] sets = new long[S][];
    private final boolean[] used = new boolean[S];
    private final int[] usedList = new int[S];
    private int usedCount;
    private long[] any;
    long[] sums;
    int[] entryUsers;
    int[] packed;
    int size;
    long[] big;
    int bigSize;

    DayBuilder(int userCount) {
      this.words = (userCount + 63) >>> 6;
    }

    /** The users with any event this day: every event but a received mail puts its user in a set. */
    long userDays() {
      if (usedCount == 0) {
        return 0;
      }
      if (usedCount == 1) {
        return cardinality(sets[usedList[0]]);
      }
      if (any == null) {
        any = new long[words];
      }
      System.arraycopy(sets[usedList[0]], 0, any, 0, words);
      for (int k = 1; k < usedCount; k++) {
        long[] w = sets[usedList[k]];
        for (int i = 0; i < words; i++) {
          any[i] |= w[i];
        }
      }
      return cardinality(any);
    }

    private static long cardinality(long[] words) {
      long n = 0;
      for (long word : words) {
        n += Long.bitCount(word);
      }
      return n;
    }

    /** The day's sets as run-optimised RoaringBitmaps (null for an unused set). */
    RoaringBitmap[] bitmaps() {
      RoaringBitmap[] out = new RoaringBitmap[S];
      for (int k = 0; k < usedCount; k++) {
        int s = usedList[k];
        RoaringBitmap r = BitSetUtil.bitmapOf(sets[s]);
        r.runOptimize();
        out[s] = r;
      }
      return out;
    }

    /** Readies this builder for the next day (the sums and entries handed over stay). */
    void clear() {
      for (int k = 0; k < usedCount; k++) {
        int s = usedList[k];
        Arrays.fill(sets[s], 0L);
        used[s] = false;
      }
      usedCount = 0;
      sums = null;
      size = 0;
      big = null;
      bigSize = 0;
    }

    /**
     * Starts a day's entries with room for {@code capacity} of them (fresh arrays: the day's
     * columns keep them when they come out full).
     */
    void reserve(int capacity) {
      entryUsers = new int[Math.max(capacity, 1)];
      packed = new int[entryUsers.length];
    }

    /** The day's entry users, trimmed to their count. */
    int[] users() {
      return size == entryUsers.length ? entryUsers : Arrays.copyOf(entryUsers, size);
    }

    /** The day's packed entries, trimmed to their count. */
    int[] packedEntries() {
      return size == packed.length ? packed : Arrays.copyOf(packed, size);
    }

    void member(int user, int set) {
      long[] w = sets[set];
      if (!used[set]) {
        if (w == null) {
          w = new long[words];
          sets[set] = w;
        }
        used[set] = true;
        usedList[usedCount++] = set;
      }
      w[user >>> 6] |= 1L << user;
    }

    /**
     * Adds a positive amount below {@link #MAX_PACKED} of measure {@code m} (whose did-set is
     * {@code did}): {@link #sum}'s common case, with the day's arrays read once.
     */
    void count(int user, int m, int did, long amount) {
      if (amount > MAX_PACKED) {
        sum(user, m, amount);
        return;
      }
      long[] s = sums;
      if (s == null) {
        s = new long[M];
        sums = s;
      }
      s[m] += amount;
      member(user, did);
      if (mergeIntoLast(user, m, amount)) {
        return;
      }
      if (size == packed.length) {
        grow();
      }
      entryUsers[size] = user;
      packed[size++] = (int) (amount << MEASURE_BITS) | m;
    }

    /**
     * Adds an amount to the day's last entry when it is the same user's and measure's, packed
     * (not in {@code big}), and the sum still packs.
     *
     * @return true when merged
     */
    private boolean mergeIntoLast(int user, int m, long amount) {
      int top = size - 1;
      if (top >= 0 && entryUsers[top] == user && (packed[top] & MEASURE_MASK) == m) {
        long merged = (packed[top] >>> MEASURE_BITS) + amount;
        if ((packed[top] >>> MEASURE_BITS) != 0 && merged <= MAX_PACKED) {
          packed[top] = (int) (merged << MEASURE_BITS) | m;
          return true;
        }
      }
      return false;
    }

    private void grow() {
      entryUsers = Arrays.copyOf(entryUsers, size * 2);
      packed = Arrays.copyOf(packed, size * 2);
    }

    void sum(int user, int m, long amount) {
      if (amount <= 0) {
        return;
      }
      if (sums == null) {
        sums = new long[M];
      }
      sums[m] += amount;
      member(user, DID[m]);
      if (mergeIntoLast(user, m, amount)) {
        return;
      }
      if (size == packed.length) {
        grow();
      }
      entryUsers[size] = user;
      if (amount <= MAX_PACKED) {
        packed[size] = (int) (amount << MEASURE_BITS) | m;
      } else {
        packed[size] = m;
        if (big == null) {
          big = new long[4];
        } else if (bigSize == big.length) {
          big = Arrays.copyOf(big, bigSize * 2);
        }
        big[bigSize++] = amount;
      }
      size++;
    }
  }
}
