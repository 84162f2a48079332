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
import io.tenantry.reports.internal.Bitsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * (run-optimised RoaringBitmaps of directory indexes) and, for the per-user window sums, the
 * day's plain events as the {@link Builder} packed them (user, workload and activity, count: four
 * bytes each, consecutive events of one user and activity summed into one) and, for the events
 * with platforms, meeting types, seconds or apps, one entry per user and measure (the user's index
 * and the measure packed with its amount, four bytes each). Per user it holds the first day with an event and the
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
  /**
   * Per day, its plain events' packed records (see {@link Builder#add}) in chunks, all of {@link
   * Builder#STAGE} records but the last, or null.
   */
  private final int[][][] dayRecords;
  private final int userBits;
  private final int countShift;
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
    this.dayRecords = new int[count][][];
    this.userBits = b.userBits;
    this.countShift = b.countShift;
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
      dayRecords[i] = b.replay(log, b.base + i, d);
      b.table[i] = null;
      daySums[i] = d.sums;
      userDays += d.userDays(b.base + i, b.firstDay);
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
    long bytes = 6L * (16 + 4L * daySums.length) + 2 * (16 + 4L * firstDay.length);
    for (int i = 0; i < daySums.length; i++) {
      bytes += daySums[i] == null ? 0 : 16 + 8L * daySums[i].length;
      if (daySets[i] != null) {
        bytes += 16 + 4L * S;
        for (RoaringBitmap b : daySets[i]) {
          bytes += b == null ? 0 : b.getLongSizeInBytes();
        }
      }
      if (dayRecords[i] != null) {
        bytes += 16 + 4L * dayRecords[i].length;
        for (int[] chunk : dayRecords[i]) {
          bytes += 16 + 4L * chunk.length;
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
    int[][] records = dayRecords[day];
    if (records != null) {
      int userMask = (1 << userBits) - 1;
      for (int[] chunk : records) {
        for (int r : chunk) {
          if (gone.contains(r & userMask)) {
            sums[offset + Builder.measureOf(r, userBits)] -= r >>> countShift;
          }
        }
      }
    }
    forEachEntry(day, (user, m, amount) -> {
      if (gone.contains(user)) {
        sums[offset + m] -= amount;
      }
    });
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
    long[][] byCode = new long[Builder.CODE_MASK + 1][];
    for (int d = 0; d < days; d++) {
      int i = first + d - base;
      if (i < 0 || i >= entryUsers.length) {
        continue;
      }
      int[] index = byUser ? null : rowOf;
      if (dayRecords[i] != null) {
        for (int[] chunk : dayRecords[i]) {
          addRecords(chunk, index, sums, byCode, width);
        }
      }
      addEntries(i, index, sums, width);
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
   * Adds a day's plain records to the per-row sums of the users with a row ({@code byCode}: each
   * record code's column once looked up; {@code rowOf} null: the sums are by user index).
   */
  private void addRecords(int[] records, int[] rowOf, long[][] sums, long[][] byCode, int rows) {
    int userMask = (1 << userBits) - 1;
    int bits = userBits;
    int shift = countShift;
    if (rowOf == null) {
      for (int p : records) {
        int code = (p >>> bits) & Builder.CODE_MASK;
        long[] column = byCode[code];
        if (column == null) {
          column = column(sums, Builder.measureOf(p, bits), rows);
          byCode[code] = column;
        }
        column[p & userMask] += p >>> shift;
      }
      return;
    }
    for (int p : records) {
      int r = rowOf[p & userMask];
      if (r >= 0) {
        int code = (p >>> bits) & Builder.CODE_MASK;
        long[] column = byCode[code];
        if (column == null) {
          column = column(sums, Builder.measureOf(p, bits), rows);
          byCode[code] = column;
        }
        column[r] += p >>> shift;
      }
    }
  }

  /**
   * Adds a day's measure entries to the per-row sums of the users with a row ({@code rowOf} null:
   * the sums are by user index).
   */
  private void addEntries(int day, int[] rowOf, long[][] sums, int rows) {
    forEachEntry(day, (user, m, amount) -> {
      int r = rowOf == null ? user : rowOf[user];
      if (r >= 0) {
        column(sums, m, rows)[r] += amount;
      }
    });
  }

  /** One measure entry of a day: its user's index, the measure's ordinal and the amount. */
  @FunctionalInterface
  private interface EntrySink {
    void accept(int user, int measure, long amount);
  }

  /**
   * Decodes a day's measure entries in order (an amount too large to pack is the next of the
   * day's big amounts); nothing for a day without entries.
   */
  private void forEachEntry(int day, EntrySink sink) {
    int[] users = entryUsers[day];
    if (users == null) {
      return;
    }
    int[] packed = entryPacked[day];
    int big = 0;
    for (int k = 0; k < users.length; k++) {
      int p = packed[k];
      long amount = p >>> MEASURE_BITS;
      if (amount == 0) {
        amount = entryBig[day][big++];
      }
      sink.accept(users[k], p & MEASURE_MASK, amount);
    }
  }

  /** A measure's per-row column, allocated on its first use. */
  private static long[] column(long[][] sums, int m, int rows) {
    long[] column = sums[m];
    if (column == null) {
      column = new long[rows];
      sums[m] = column;
    }
    return column;
  }

  /**
   * Compiles events into {@link ActivityColumns}. {@link #add} only files each event under its
   * day as one packed {@code int} (count, workload and activity, user, with as many bits for the
   * user as the directory needs), or, for an event with a platform, meeting type, seconds or app
   * or a count too large for the bits left, as five longs that hold its fields (no event object
   * is kept but those that carry a group); a plain event of the same user and activity as the
   * day's previous one is summed into its record. {@link #build} then compiles one day at a time
   * into dense bitsets over the directory that stay in cache, turns each day's sets into
   * RoaringBitmaps once, and keeps the day's plain records as they are for the per-user sums. Not
   * thread-safe; single use.
   */
  public static final class Builder {
    private static final int DAY_CACHE = 1024;
    private static final int STAGE_BITS = 10;
    private static final int STAGE = 1 << STAGE_BITS;
    private static final int CODE_BITS = 8;
    static final int CODE_MASK = (1 << CODE_BITS) - 1;
    /** The record codes a packed record's code bits can hold. */
    static final int CODES = 1 << CODE_BITS;
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
    /** A packed record's bits for the user index: enough for every index of the directory. */
    private final int userBits;
    /** Where a packed record's count starts (after the user and the code). */
    private final int countShift;
    /** The largest count a packed record holds (0 when the directory leaves it no bits). */
    private final long maxCount;
    /** A packed record's user and code bits. */
    private final int keyMask;
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
    private final int[] cachedSlot = new int[DAY_CACHE];
    /** The days' logs by day ({@code base} is day 0), for {@link #build} to take them in order. */
    private DayLog[] table;
    /** The days' logs by slot: a day's slot is its number in the order the days were met. */
    private DayLog[] logs = new DayLog[16];
    private int slots;
    /**
     * Per slot, {@value #STAGE} ints: where the day's plain records go until they fill it and are
     * copied out in one exact chunk. One array for every day, so that filing an event touches
     * only the day's line of it and its fill rather than a chunk's header as well.
     */
    private int[] staging;
    /** Per slot, how many records the day's stage holds. */
    private int[] fills = new int[16];
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
      this.userBits = users <= 1 ? 1 : Integer.SIZE - Integer.numberOfLeadingZeros(users - 1);
      this.countShift = userBits + CODE_BITS;
      this.maxCount = countShift >= 31 ? 0 : (1L << (31 - countShift)) - 1;
      this.keyMask = countShift >= 31 ? -1 : (1 << countShift) - 1;
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

    /** The measure of a packed record of a directory whose indexes take {@code userBits}. */
    static int measureOf(int record, int userBits) {
      return CODE_MEASURE[(record >>> userBits) & ((1 << CODE_BITS) - 1)];
    }

    /**
     * Makes room for a day in {@code table} and gives it a slot the first time it is met.
     *
     * @return the day's slot
     */
    private int day(int epochDay) {
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
      DayLog log = table[i];
      if (log == null) {
        if (slots == logs.length) {
          logs = Arrays.copyOf(logs, slots * 2);
          fills = Arrays.copyOf(fills, slots * 2);
        }
        if (staging == null || staging.length == slots << STAGE_BITS) {
          staging = Arrays.copyOf(staging == null ? new int[0] : staging,
              Math.max(4, slots * 2) << STAGE_BITS);
        }
        log = new DayLog(slots++);
        logs[log.slot] = log;
        table[i] = log;
      }
      return log.slot;
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
      int hash = date.hashCode() & (DAY_CACHE - 1);
      LocalDate cached = cachedDate[hash];
      int slot;
      if (cached == date || cached != null && cached.equals(date)) {
        slot = cachedSlot[hash];
      } else {
        long day = date.toEpochDay();
        if (day > maxDay) {
          return this;
        }
        slot = day((int) day);
        cachedDate[hash] = date;
        cachedSlot[hash] = slot;
      }
      if (e.group() != null) {
        groupEvents.add(e);
      }
      long n = e.count();
      MeetingType meetingType = e.meetingType();
      if (n <= maxCount && e.platform() == null && e.app() == null
          && (e.audioSeconds() | e.videoSeconds() | e.screenShareSeconds()) == 0
          && (meetingType == null || meetingType == MeetingType.UNCLASSIFIED)) {
        int key = code(e.workload(), e.activity()) << userBits | user;
        int count = (int) n;
        int[] stage = staging;
        int at = slot << STAGE_BITS;
        int fill = fills[slot];
        if (fill > 0) {
          // the same user and activity as the day's previous plain event: one record
          int previous = stage[at + fill - 1];
          if ((previous & keyMask) == key && (previous >>> countShift) + n <= maxCount) {
            stage[at + fill - 1] = previous + (count << countShift);
            return this;
          }
        }
        if (fill == STAGE) {
          logs[slot].spill(stage, at);
          fill = 0;
        }
        stage[at + fill] = count << countShift | key;
        fills[slot] = fill + 1;
      } else {
        logs[slot].addRich(e);
      }
      return this;
    }

    /**
     * Compiles one day's events into {@code d}: the plain ones, then the others in the order they
     * were added.
     *
     * @return the day's plain records for the per-user sums, or null when the day has none or
     *     lies outside the detail window
     */
    private int[][] replay(DayLog log, int epochDay, DayBuilder d) {
      boolean detail = epochDay >= detailFrom && epochDay <= detailTo;
      int richEvents = log.richSize / DayLog.RICH_LONGS;
      // an event with seconds and a typed meeting makes up to five entries
      d.reserve(detail ? 5 * richEvents : 0);
      int[][] records = log.records(staging, log.slot << STAGE_BITS, fills[log.slot]);
      int userMask = (1 << userBits) - 1;
      int codeMask = (1 << CODE_BITS) - 1;
      int bits = userBits;
      if (detail) {
        long[] sums = d.daySums();
        long[][] didOf = d.didOf;
        long[][] activeOf = d.activeOf;
        long[] codeSums = d.codeSums;
        for (int[] chunk : records) {
          for (int r : chunk) {
            int user = r & userMask;
            int code = (r >>> bits) & codeMask;
            long[] did = didOf[code];
            if (did == null) {
              did = d.meetInDetail(code);
            }
            long bit = 1L << user;
            int word = user >>> 6;
            did[word] |= bit;
            activeOf[code][word] |= bit;
            codeSums[code] += r >>> countShift;
          }
        }
        d.addCodeSums(sums);
      } else {
        long[][] activeOf = d.activeOf;
        for (int[] chunk : records) {
          for (int r : chunk) {
            int user = r & userMask;
            int code = (r >>> bits) & codeMask;
            long[] active = activeOf[code];
            if (active == null) {
              active = d.meetActive(code);
            }
            active[user >>> 6] |= 1L << user;
            // a day that compiles only active sets may have users in none (a received mail)
            if (epochDay < firstDay[user]) {
              firstDay[user] = epochDay;
            }
          }
        }
      }
      for (int k = 0; k < richEvents; k++) {
        int at = k * DayLog.RICH_LONGS;
        apply(log.rich, at, detail, d);
        int user = (int) log.rich[at];
        if (epochDay < firstDay[user]) {
          firstDay[user] = epochDay;
        }
      }
      return detail && records.length > 0 ? records : null;
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
      ActivityColumns columns = new ActivityColumns(this);
      staging = null;
      logs = null;
      return columns;
    }
  }

  /**
   * One day's events as filed by {@link Builder#add}, each in arrival order: the plain ones as
   * packed records, the ones with a platform, meeting type, seconds, app or a count beyond the
   * packed bits as {@value #RICH_LONGS} longs each in {@code rich} (user, workload, activity and
   * the enumerations; count; the three seconds), so no event object is kept.
   */
  private static final class DayLog {
    static final int RICH_LONGS = 5;
    /** The day's slot in the {@link Builder}'s stage. */
    final int slot;
    /**
     * The full chunks of packed records, copied out of the {@link Builder}'s stage, not copied
     * again until the day is compiled.
     */
    int[][] chunks = new int[4][];
    int fullChunks;
    long[] rich;
    int richSize;

    DayLog(int slot) {
      this.slot = slot;
    }

    void addRich(ActivityEvent e) {
      if (rich == null) {
        rich = new long[4 * RICH_LONGS];
      } else if (richSize + RICH_LONGS > rich.length) {
        rich = Arrays.copyOf(rich, rich.length * 2);
      }
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

    /** Keeps a full stage, {@code stage[at, at + STAGE)}, as a chunk. */
    void spill(int[] stage, int at) {
      if (fullChunks == chunks.length) {
        chunks = Arrays.copyOf(chunks, fullChunks * 2);
      }
      chunks[fullChunks++] = Arrays.copyOfRange(stage, at, at + Builder.STAGE);
    }

    /**
     * The day's records as exact chunks: the full ones, then {@code stage[at, at + fill)} when
     * not empty (the full ones are kept as they are, not copied into one array).
     */
    int[][] records(int[] stage, int at, int fill) {
      int[][] out = Arrays.copyOf(chunks, fill == 0 ? fullChunks : fullChunks + 1);
      if (fill > 0) {
        out[fullChunks] = Arrays.copyOfRange(stage, at, at + fill);
      }
      chunks = null;
      return out;
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
    /** The users met on an earlier day that compiles every measure. */
    private long[] seen;
    long[] sums;
    int[] entryUsers;
    int[] packed;
    int size;
    long[] big;
    int bigSize;

    /**
     * Per record code met this day ({@link Builder#code}), the words of the set of the users who
     * did its measure; null for a code not met yet.
     */
    final long[][] didOf = new long[Builder.CODES][];
    /**
     * Per record code met this day, the words of its workload's active set, or, for a code that
     * does not make its user active, of a scratch bitset that is never read; null for a code not
     * met yet.
     */
    final long[][] activeOf = new long[Builder.CODES][];
    /** Per record code, the counts of the day's records so far (added to the day's sums once). */
    final long[] codeSums = new long[Builder.CODES];
    private final int[] codesMet = new int[Builder.CODES];
    private int codesMetCount;
    private long[] scratch;

    DayBuilder(int userCount) {
      this.words = (userCount + 63) >>> 6;
    }

    /**
     * Readies a record code's sets for a day that compiles every measure.
     *
     * @return the words of the code's measure's set
     */
    long[] meetInDetail(int code) {
      long[] did = words(Builder.CODE_DID[code]);
      didOf[code] = did;
      meetActive(code);
      return did;
    }

    /**
     * Readies a record code's active set (the scratch bitset for a code that makes nobody
     * active).
     *
     * @return the words it sets
     */
    long[] meetActive(int code) {
      int set = Builder.CODE_ACTIVE[code];
      long[] active;
      if (set >= 0) {
        active = words(set);
      } else {
        if (scratch == null) {
          scratch = new long[words];
        }
        active = scratch;
      }
      activeOf[code] = active;
      codesMet[codesMetCount++] = code;
      return active;
    }

    /** Adds the counts summed per record code to the day's sums of their measures. */
    void addCodeSums(long[] sums) {
      for (int k = 0; k < codesMetCount; k++) {
        int code = codesMet[k];
        sums[Builder.CODE_MEASURE[code]] += codeSums[code];
        codeSums[code] = 0;
      }
    }

    /**
     * Counts the users with any event this day and moves their first days to it when earlier:
     * in a day that compiles every measure, every event puts its user in a set (a received mail
     * in the set of its measure); a user met on an earlier such day is skipped.
     */
    long userDays(int epochDay, int[] firstDay) {
      if (usedCount == 0) {
        return 0;
      }
      long[] union;
      if (usedCount == 1) {
        union = sets[usedList[0]];
      } else {
        if (any == null) {
          any = new long[words];
        }
        union = any;
        System.arraycopy(sets[usedList[0]], 0, union, 0, words);
        for (int k = 1; k < usedCount; k++) {
          long[] w = sets[usedList[k]];
          for (int i = 0; i < words; i++) {
            union[i] |= w[i];
          }
        }
      }
      if (seen == null) {
        seen = new long[words];
      }
      for (int i = 0; i < words; i++) {
        long fresh = union[i] & ~seen[i];
        if (fresh != 0) {
          seen[i] |= fresh;
          int from = i << 6;
          do {
            int user = from + Long.numberOfTrailingZeros(fresh);
            if (epochDay < firstDay[user]) {
              firstDay[user] = epochDay;
            }
            fresh &= fresh - 1;
          } while (fresh != 0);
        }
      }
      return cardinality(union);
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
        out[s] = Bitsets.bitmapOf(sets[s]);
      }
      return out;
    }

    /** Readies this builder for the next day (the sums and entries handed over stay). */
    void clear() {
      for (int k = 0; k < codesMetCount; k++) {
        didOf[codesMet[k]] = null;
        activeOf[codesMet[k]] = null;
      }
      codesMetCount = 0;
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
     * columns keep them when they come out full; none for 0).
     */
    void reserve(int capacity) {
      entryUsers = capacity == 0 ? null : new int[capacity];
      packed = capacity == 0 ? null : new int[capacity];
    }

    /** The day's sums, allocated on first use. */
    long[] daySums() {
      if (sums == null) {
        sums = new long[M];
      }
      return sums;
    }

    /** The day's entry users, trimmed to their count, or null for none. */
    int[] users() {
      return size == 0 ? null : size == entryUsers.length ? entryUsers
          : Arrays.copyOf(entryUsers, size);
    }

    /** The day's packed entries, trimmed to their count, or null for none. */
    int[] packedEntries() {
      return size == 0 ? null : size == packed.length ? packed : Arrays.copyOf(packed, size);
    }

    void member(int user, int set) {
      words(set)[user >>> 6] |= 1L << user;
    }

    /** A set's words, marked used this day (allocated on the set's first use). */
    private long[] words(int set) {
      long[] w = sets[set];
      if (!used[set]) {
        if (w == null) {
          w = new long[words];
          sets[set] = w;
        }
        used[set] = true;
        usedList[usedCount++] = set;
      }
      return w;
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
      int capacity = Math.max(8, size * 2);
      entryUsers = entryUsers == null ? new int[capacity] : Arrays.copyOf(entryUsers, capacity);
      packed = packed == null ? new int[capacity] : Arrays.copyOf(packed, capacity);
    }

    void sum(int user, int m, long amount) {
      if (amount <= 0) {
        return;
      }
      daySums()[m] += amount;
      member(user, DID[m]);
      if (mergeIntoLast(user, m, amount)) {
        return;
      }
      if (packed == null || size == packed.length) {
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
