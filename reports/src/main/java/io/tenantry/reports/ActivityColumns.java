package io.tenantry.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.GroupDirectory;
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
  /** A day's first entry capacity: few doublings for busy days, a few KiB while building. */
  private static final int INITIAL_ENTRIES = 512;
  private static final int BLOCK_BITS = 16;
  private static final int BLOCK_WORDS = 1 << (BLOCK_BITS - 6);
  private static final Workload[] WORKLOADS = Workload.values();
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
    long[] scratch = null;
    for (int i = 0; i < count; i++) {
      DayBuilder d = b.table[i];
      if (d == null) {
        continue;
      }
      daySums[i] = d.sums;
      userDays += d.userDays();
      RoaringBitmap[] sets = new RoaringBitmap[S];
      for (int s = 0; s < S; s++) {
        if (d.sets[s] != null) {
          if (scratch == null) {
            scratch = new long[d.sets[s].length * BLOCK_WORDS];
          }
          sets[s] = toBitmap(d.sets[s], scratch);
        }
      }
      daySets[i] = sets;
      entryUsers[i] = Arrays.copyOf(d.entryUsers, d.size);
      entryPacked[i] = Arrays.copyOf(d.packed, d.size);
      entryBig[i] = d.big == null ? null : Arrays.copyOf(d.big, d.bigSize);
      b.table[i] = null;
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

  private static RoaringBitmap toBitmap(long[][] blocks, long[] scratch) {
    RoaringBitmap r;
    if (blocks.length == 1) {
      r = BitSetUtil.bitmapOf(blocks[0]);
    } else {
      for (int k = 0; k < blocks.length; k++) {
        if (blocks[k] != null) {
          System.arraycopy(blocks[k], 0, scratch, k * BLOCK_WORDS, blocks[k].length);
        }
      }
      r = BitSetUtil.bitmapOf(scratch);
      Arrays.fill(scratch, 0L);
    }
    r.runOptimize();
    return r;
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
    long[][] sums = new long[M][];
    for (int d = 0; d < days; d++) {
      int i = first + d - base;
      if (i < 0 || i >= entryUsers.length || entryUsers[i] == null) {
        continue;
      }
      int[] eu = entryUsers[i];
      int[] ep = entryPacked[i];
      int big = 0;
      for (int k = 0; k < eu.length; k++) {
        int p = ep[k];
        long amount = p >>> MEASURE_BITS;
        if (amount == 0) {
          amount = entryBig[i][big++];
        }
        int r = rowOf[eu[k]];
        if (r >= 0) {
          long[] column = sums[p & MEASURE_MASK];
          if (column == null) {
            column = new long[rows];
            sums[p & MEASURE_MASK] = column;
          }
          column[r] += amount;
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
   * Compiles events into {@link ActivityColumns}: one pass, no per-event allocation beyond
   * amortised array growth. Not thread-safe; single use.
   */
  public static final class Builder {
    private final UserDirectory directory;
    private final GroupDirectory groups;
    private final int users;
    private final boolean[] exists;
    private final long maxDay;
    private final long detailFrom;
    private final long detailTo;
    private final int[] firstDay;
    private final List<ActivityEvent> groupEvents = new ArrayList<>();
    private DayBuilder[] table;
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

    private DayBuilder day(int epochDay) {
      if (table == null) {
        base = epochDay - 31;
        table = new DayBuilder[64];
      }
      int i = epochDay - base;
      if (i < 0) {
        int shift = Math.max(-i, table.length);
        DayBuilder[] t = new DayBuilder[table.length + shift];
        System.arraycopy(table, 0, t, shift, table.length);
        table = t;
        base -= shift;
        i += shift;
      } else if (i >= table.length) {
        table = Arrays.copyOf(table, Math.max(i + 1, table.length * 2));
      }
      DayBuilder d = table[i];
      if (d == null) {
        d = new DayBuilder(users);
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
      long epochDay = e.day().toEpochDay();
      if (epochDay > maxDay) {
        return this;
      }
      if (epochDay < firstDay[user]) {
        firstDay[user] = (int) epochDay;
      }
      if (e.group() != null) {
        groupEvents.add(e);
      }
      DayBuilder d = day((int) epochDay);
      Workload w = e.workload();
      Activity a = e.activity();
      boolean detail = epochDay >= detailFrom && epochDay <= detailTo;
      if (a.makesActive()) {
        d.member(user, ACTIVE[w.ordinal()]);
      }
      if (!detail) {
        return this;
      }
      long n = e.count();
      d.sum(user, Measure.of(w, a), n);
      if (w == Workload.TEAMS) {
        Measure typed = Measure.typedMeeting(a, e.meetingTypeOrDefault());
        if (typed != null) {
          d.sum(user, typed, n);
        }
        if (a == Activity.CALL || a == Activity.MEETING_ATTENDED) {
          d.sum(user, Measure.AUDIO_SECONDS, e.audioSeconds() * n);
          d.sum(user, Measure.VIDEO_SECONDS, e.videoSeconds() * n);
          d.sum(user, Measure.SCREEN_SHARE_SECONDS, e.screenShareSeconds() * n);
        }
        if (e.platform() != null) {
          d.member(user, UserSet.teamsPlatform(e.platform()).index());
        }
      } else if (w == Workload.M365_APPS) {
        AppPlatform cls = AppPlatform.of(e.platform());
        if (e.app() != null) {
          d.member(user, UserSet.app(e.app()).index());
          if (cls != null) {
            d.member(user, UserSet.appOn(e.app(), cls).index());
          }
        }
        if (cls != null) {
          d.member(user, UserSet.appPlatform(cls).index());
        }
      }
      return this;
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

  /** One day's columns while compiling: sums, dense two-level bitsets per set, entries. */
  private static final class DayBuilder {
    private final int userCount;
    final long[][][] sets = new long[S][][];
    long[] sums;
    int[] entryUsers = new int[INITIAL_ENTRIES];
    int[] packed = new int[INITIAL_ENTRIES];
    int size;
    long[] big;
    int bigSize;

    DayBuilder(int userCount) {
      this.userCount = userCount;
    }

    /** The users with any event this day: every event puts its user in some set. */
    long userDays() {
      long[][] any = null;
      for (long[][] blocks : sets) {
        if (blocks != null) {
          any = or(any, blocks);
        }
      }
      long n = 0;
      for (long[] words : any == null ? new long[0][] : any) {
        for (long word : words == null ? new long[0] : words) {
          n += Long.bitCount(word);
        }
      }
      return n;
    }

    /** Returns {@code into} (a copy of {@code from} when null) with {@code from}'s bits added. */
    private static long[][] or(long[][] into, long[][] from) {
      long[][] r = into == null ? new long[from.length][] : into;
      for (int b = 0; b < from.length; b++) {
        if (from[b] == null) {
          continue;
        }
        if (r[b] == null) {
          r[b] = from[b].clone();
        } else {
          for (int k = 0; k < from[b].length; k++) {
            r[b][k] |= from[b][k];
          }
        }
      }
      return r;
    }

    void member(int user, int set) {
      long[][] blocks = sets[set];
      if (blocks == null) {
        blocks = new long[(userCount + (1 << BLOCK_BITS) - 1) >>> BLOCK_BITS][];
        sets[set] = blocks;
      }
      int block = user >>> BLOCK_BITS;
      long[] words = blocks[block];
      if (words == null) {
        words = new long[Math.min(BLOCK_WORDS, (userCount - (block << BLOCK_BITS) + 63) >>> 6)];
        blocks[block] = words;
      }
      words[(user >>> 6) & (BLOCK_WORDS - 1)] |= 1L << user;
    }

    void sum(int user, Measure measure, long amount) {
      if (amount <= 0) {
        return;
      }
      int m = measure.ordinal();
      if (sums == null) {
        sums = new long[M];
      }
      sums[m] += amount;
      member(user, DID[m]);
      int top = size - 1;
      if (top >= 0 && entryUsers[top] == user && (packed[top] & MEASURE_MASK) == m) {
        long merged = (packed[top] >>> MEASURE_BITS) + amount;
        if ((packed[top] >>> MEASURE_BITS) != 0 && merged <= MAX_PACKED) {
          packed[top] = (int) (merged << MEASURE_BITS) | m;
          return;
        }
      }
      if (size == packed.length) {
        entryUsers = Arrays.copyOf(entryUsers, size * 2);
        packed = Arrays.copyOf(packed, size * 2);
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
