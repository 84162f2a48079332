package io.tenantry.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.internal.VarInts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The activity of one tenant over one {@link ReportWindow}, aggregated: everything the report
 * catalogue needs, as a mergeable value.
 *
 * <p>It holds, for the window, the daily sums of every {@link Measure}, the daily distinct-user
 * sets of every {@link UserSet} (exact, as RoaringBitmaps of directory indexes), each user's window
 * sums and last activity day per workload (≤ R, whether or not inside the window), and the group
 * counterparts (sums, last activity, active file ids, daily sums and daily active groups per {@link
 * GroupKind}).
 *
 * <p><b>Merging.</b> Aggregates of the same tenant, window and directories — computed, say, per
 * partition of the events — combine with {@link #merge}: sums add, sets unite, last activity days
 * take the maximum. Merge is associative and commutative and {@link #empty} is its identity, so
 * partial aggregates can be combined in any grouping and order (the basis of a distributed run).
 * {@link #toBytes()} and {@link #fromBytes} give a compact binary form. Equality is by content.
 *
 * <p>Immutable and thread-safe. The per-user columns and the window-wide sets are computed on
 * first use (an aggregate taken from {@link ActivityColumns} for a counts report never computes
 * them). Users and groups are their indexes in the {@link
 * io.tenantry.reports.input.UserDirectory} and {@link io.tenantry.reports.input.GroupDirectory} of
 * the tenant; aggregates built against different directories must not be merged.
 */
public final class PartialAggregate {
  static final int M = Measure.values().length;
  static final int W = Workload.values().length;
  static final int S = UserSet.COUNT;
  static final int G = 4;
  static final int NONE = Integer.MIN_VALUE;
  private static final Measure[] GROUP_MEASURES = {Measure.EMAIL_RECEIVED, Measure.YAMMER_POSTED,
      Measure.YAMMER_READ, Measure.YAMMER_LIKED};
  private static final int MAGIC = 0x54525041; // "TRPA"
  private static final int VERSION = 1;

  final TenantId tenant;
  final ReportWindow window;
  final int userCount;
  final int groupCount;
  final long[] dailySums;
  final RoaringBitmap[] dailySets;
  final long[] groupSums;
  final int[] groupLast;
  final String[][] groupFiles;
  final long[] groupDaily;
  final RoaringBitmap[] groupActive;
  private Supplier<UserColumns> userSource;
  private volatile UserColumns userColumns;
  private final AtomicReferenceArray<RoaringBitmap> periodSets = new AtomicReferenceArray<>(S);
  private volatile RoaringBitmap[] periodGroupActive;

  /**
   * The per-user columns: the users with any counted event on or before R (ascending directory
   * indexes), their window sums and last activity days ({@code W} per user), with each directory
   * index's row (−1 for none) so that a report's per-user reads are O(1). The sums are held
   * measure by measure ({@code byMeasure[m][row]}, null for a measure nobody has in the window),
   * so a window's columns cost memory only for the measures it has; {@link #sums()} gives them
   * user by user ({@code M} per user) for merging, encoding and equality.
   */
  record UserColumns(int[] users, long[][] byMeasure, int[] last, int[] rowOf) {
    /** Columns from user-by-user sums ({@code M} per user). */
    UserColumns(int[] users, long[] sums, int[] last, int userCount) {
      this(users, byMeasure(sums, users.length), last, rows(users, userCount));
    }

    private static long[][] byMeasure(long[] sums, int rows) {
      long[][] out = new long[M][];
      for (int r = 0; r < rows; r++) {
        for (int m = 0; m < M; m++) {
          long v = sums[r * M + m];
          if (v != 0) {
            if (out[m] == null) {
              out[m] = new long[rows];
            }
            out[m][r] = v;
          }
        }
      }
      return out;
    }

    private static int[] rows(int[] users, int userCount) {
      int[] rowOf = new int[userCount];
      Arrays.fill(rowOf, -1);
      for (int r = 0; r < users.length; r++) {
        rowOf[users[r]] = r;
      }
      return rowOf;
    }

    int row(int user) {
      return user >= 0 && user < rowOf.length ? rowOf[user] : -1;
    }

    /** The window sum of a measure in a row (0 for row −1). */
    long sum(int row, int measure) {
      long[] column = byMeasure[measure];
      return row < 0 || column == null ? 0 : column[row];
    }

    /** The sums user by user: {@code M} per row, in measure order. */
    long[] sums() {
      long[] out = new long[users.length * M];
      for (int m = 0; m < M; m++) {
        long[] column = byMeasure[m];
        if (column != null) {
          for (int r = 0; r < users.length; r++) {
            out[r * M + m] = column[r];
          }
        }
      }
      return out;
    }
  }

  PartialAggregate(TenantId tenant, ReportWindow window, int userCount, int groupCount,
      long[] dailySums, RoaringBitmap[] dailySets, int[] users, long[] userSums, int[] userLast,
      long[] groupSums, int[] groupLast, String[][] groupFiles, long[] groupDaily,
      RoaringBitmap[] groupActive) {
    this(tenant, window, userCount, groupCount, dailySums, normalise(dailySets), groupSums,
        groupLast, groupFiles, groupDaily, groupActive);
    this.userColumns = new UserColumns(users, userSums, userLast, userCount);
  }

  /**
   * Creates an aggregate whose daily sets are already normalised (no empty set, run-optimised; they
   * may be shared with an {@link ActivityColumns} and are never modified) and whose per-user
   * columns come from a supplier called at most once, on first use.
   */
  PartialAggregate(TenantId tenant, ReportWindow window, int userCount, int groupCount,
      long[] dailySums, RoaringBitmap[] normalisedDailySets, long[] groupSums, int[] groupLast,
      String[][] groupFiles, long[] groupDaily, RoaringBitmap[] groupActive,
      Supplier<UserColumns> userSource) {
    this(tenant, window, userCount, groupCount, dailySums, normalisedDailySets, groupSums,
        groupLast, groupFiles, groupDaily, groupActive);
    this.userSource = Objects.requireNonNull(userSource, "userSource");
  }

  private PartialAggregate(TenantId tenant, ReportWindow window, int userCount, int groupCount,
      long[] dailySums, RoaringBitmap[] dailySets, long[] groupSums, int[] groupLast,
      String[][] groupFiles, long[] groupDaily, RoaringBitmap[] groupActive) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.window = Objects.requireNonNull(window, "window");
    this.userCount = userCount;
    this.groupCount = groupCount;
    this.dailySums = dailySums;
    this.dailySets = dailySets;
    this.groupSums = groupSums;
    this.groupLast = groupLast;
    this.groupFiles = groupFiles;
    this.groupDaily = groupDaily;
    this.groupActive = normalise(groupActive);
  }

  private UserColumns users() {
    UserColumns c = userColumns;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      if (userColumns == null) {
        userColumns = userSource.get();
        userSource = null;
      }
      return userColumns;
    }
  }

  /**
   * The union of a set kind over the window's days, computed on first use of that kind (a report
   * reads a few of the {@code S} kinds); racing threads compute equal unions and keep the first.
   */
  private RoaringBitmap periodSet(int set) {
    RoaringBitmap p = periodSets.get(set);
    if (p == null) {
      p = union(dailySets, S, true, set);
      if (!periodSets.compareAndSet(set, null, p)) {
        p = periodSets.get(set);
      }
    }
    return p;
  }

  private RoaringBitmap[] periodGroupActive() {
    RoaringBitmap[] p = periodGroupActive;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (periodGroupActive == null) {
        periodGroupActive = unions(groupActive, GroupKind.values().length, false);
      }
      return periodGroupActive;
    }
  }

  /**
   * For each of {@code kinds} set kinds, the union over the window's days; the input is indexed
   * {@code day * kinds + kind} when day-major, else {@code kind * days + day}.
   */
  private RoaringBitmap[] unions(RoaringBitmap[] daily, int kinds, boolean dayMajor) {
    RoaringBitmap[] out = new RoaringBitmap[kinds];
    for (int s = 0; s < kinds; s++) {
      out[s] = union(daily, kinds, dayMajor, s);
    }
    return out;
  }

  /** The union over the window's days of one kind of {@link #unions}' input. */
  private RoaringBitmap union(RoaringBitmap[] daily, int kinds, boolean dayMajor, int s) {
    List<RoaringBitmap> parts = new ArrayList<>();
    int days = window.days();
    for (int d = 0; d < days; d++) {
      RoaringBitmap b = dayMajor ? daily[d * kinds + s] : daily[s * days + d];
      if (b != null) {
        parts.add(b);
      }
    }
    return parts.isEmpty() ? new RoaringBitmap() : FastAggregation.or(parts.iterator());
  }


  private static RoaringBitmap[] normalise(RoaringBitmap[] sets) {
    for (int i = 0; i < sets.length; i++) {
      if (sets[i] != null) {
        if (sets[i].isEmpty()) {
          sets[i] = null;
        } else {
          sets[i].runOptimize();
        }
      }
    }
    return sets;
  }

  /**
   * Returns the identity of {@link #merge}: no activity at all.
   *
   * @param tenant the tenant
   * @param window the window
   * @param userCount the size of the tenant's user directory
   * @param groupCount the size of the tenant's group directory
   * @return an empty aggregate
   */
  public static PartialAggregate empty(TenantId tenant, ReportWindow window, int userCount,
      int groupCount) {
    int days = window.days();
    int kinds = GroupKind.values().length;
    int[] last = new int[groupCount * kinds];
    Arrays.fill(last, NONE);
    String[][] files = new String[groupCount][];
    Arrays.fill(files, new String[0]);
    return new PartialAggregate(tenant, window, userCount, groupCount, new long[days * M],
        new RoaringBitmap[days * S], new int[0], new long[0], new int[0], new long[groupCount * G],
        last, files, new long[kinds * days * G], new RoaringBitmap[kinds * days]);
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Returns the window.
   *
   * @return the window
   */
  public ReportWindow window() {
    return window;
  }

  /**
   * Returns the number of users of the directory the aggregate was built against.
   *
   * @return the directory size
   */
  public int userCount() {
    return userCount;
  }

  /**
   * Returns the number of groups of the group directory the aggregate was built against.
   *
   * @return the group directory size
   */
  public int groupCount() {
    return groupCount;
  }

  private int dayIndex(LocalDate day) {
    if (!window.contains(day)) {
      throw new IllegalArgumentException(day + " is outside the window " + window.first() + " … "
          + window.last());
    }
    return (int) (day.toEpochDay() - window.first().toEpochDay());
  }

  /**
   * Returns the sum of a measure on one day of the window.
   *
   * @param day a day of the window
   * @param measure the measure
   * @return the sum
   * @throws IllegalArgumentException if the day is outside the window
   */
  public long dailySum(LocalDate day, Measure measure) {
    return dailySums[dayIndex(day) * M + measure.ordinal()];
  }

  /** The sum of a measure on the day at a position of the window (0 for its first day). */
  long dailySumAt(int day, Measure measure) {
    return dailySums[day * M + measure.ordinal()];
  }

  /** The distinct users of a set on the day at a position of the window. */
  int dailyUserCountAt(int day, UserSet set) {
    RoaringBitmap b = dailySets[day * S + set.index()];
    return b == null ? 0 : b.getCardinality();
  }

  /**
   * Returns the number of distinct users in a set on one day of the window.
   *
   * @param day a day of the window
   * @param set the set kind
   * @return the count
   * @throws IllegalArgumentException if the day is outside the window
   */
  public int dailyUserCount(LocalDate day, UserSet set) {
    RoaringBitmap b = dailySets[dayIndex(day) * S + set.index()];
    return b == null ? 0 : b.getCardinality();
  }

  /**
   * Returns the number of distinct users in a set over the whole window.
   *
   * @param set the set kind
   * @return the count
   */
  public int periodUserCount(UserSet set) {
    return periodSet(set.index()).getCardinality();
  }

  /**
   * Tells whether a user is in a set on some day of the window.
   *
   * @param user the user's directory index
   * @param set the set kind
   * @return true when the user belongs to the window-wide set
   */
  public boolean inPeriod(int user, UserSet set) {
    return periodSet(set.index()).contains(user);
  }

  /** A window-wide user set itself, shared: the caller must not modify it. */
  RoaringBitmap periodSet(UserSet set) {
    return periodSet(set.index());
  }

  /**
   * Returns a copy of a window-wide user set.
   *
   * @param set the set kind
   * @return the users' directory indexes
   */
  public RoaringBitmap periodUsers(UserSet set) {
    return periodSet(set.index()).clone();
  }

  /**
   * Returns the directory indexes of the users with any event on or before R, ascending.
   *
   * @return a copy
   */
  public int[] usersWithActivity() {
    return users().users().clone();
  }

  /**
   * Returns a user's window sum of a measure.
   *
   * @param user the user's directory index
   * @param measure the measure
   * @return the sum (0 for a user without activity)
   */
  public long userSum(int user, Measure measure) {
    UserColumns c = users();
    return c.sum(c.row(user), measure.ordinal());
  }

  /** A user's row in the per-user columns, or −1 for a user without activity. */
  int userRow(int user) {
    return users().row(user);
  }

  /** The window sum of a measure in a row of {@link #userRow}; 0 for row −1. */
  long userSumAt(int row, Measure measure) {
    return users().sum(row, measure.ordinal());
  }

  /**
   * The window sums of a measure by row of {@link #userRow}, shared (the caller must not modify
   * them), or null when no user has the measure in the window.
   */
  long[] userSumColumn(Measure measure) {
    return users().byMeasure()[measure.ordinal()];
  }

  /** {@link #lastActivity} as an epoch day, or {@link #NONE}. */
  int lastActivityDay(int user, Workload workload) {
    UserColumns c = users();
    int r = c.row(user);
    return r < 0 ? NONE : c.last()[r * W + workload.ordinal()];
  }

  /**
   * Returns a user's last activity day in a workload: the latest day ≤ R with an event of it that
   * makes a user active, inside the window or not.
   *
   * @param user the user's directory index
   * @param workload the workload
   * @return the day, or null when none
   */
  public LocalDate lastActivity(int user, Workload workload) {
    UserColumns c = users();
    int r = c.row(user);
    if (r < 0) {
      return null;
    }
    int d = c.last()[r * W + workload.ordinal()];
    return d == NONE ? null : LocalDate.ofEpochDay(d);
  }

  /**
   * Returns a group's window sum of {@link Measure#EMAIL_RECEIVED} (for a group: the mail its
   * mailbox received, i.e. {@code EmailSent} and {@code EmailReceived} events with the group),
   * {@link Measure#YAMMER_POSTED}, {@link Measure#YAMMER_READ} or {@link Measure#YAMMER_LIKED}.
   *
   * @param group the group's index
   * @param measure one of the four group measures
   * @return the sum
   * @throws IllegalArgumentException for another measure
   */
  public long groupSum(int group, Measure measure) {
    return groupSums[group * G + groupMeasure(measure)];
  }

  private static int groupMeasure(Measure measure) {
    for (int i = 0; i < G; i++) {
      if (GROUP_MEASURES[i] == measure) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a group measure: " + measure);
  }

  /**
   * Returns a group's last qualifying activity day for a kind of group report.
   *
   * @param group the group's index
   * @param kind the report kind
   * @return the day ≤ R, or null
   */
  public LocalDate groupLastActivity(int group, GroupKind kind) {
    int d = groupLast[group * GroupKind.values().length + kind.ordinal()];
    return d == NONE ? null : LocalDate.ofEpochDay(d);
  }

  /**
   * Returns the number of distinct file ids with SharePoint file activity in the group in the
   * window.
   *
   * @param group the group's index
   * @return the active file count
   */
  public int groupActiveFileCount(int group) {
    return groupFiles[group].length;
  }

  /**
   * Returns the day's sum of a group measure over the groups of a kind.
   *
   * @param kind the kind
   * @param day a day of the window
   * @param measure one of the four group measures
   * @return the sum
   */
  public long groupDailySum(GroupKind kind, LocalDate day, Measure measure) {
    return groupDaily[(kind.ordinal() * window.days() + dayIndex(day)) * G + groupMeasure(measure)];
  }

  /**
   * Returns the number of groups of a kind with qualifying activity on a day.
   *
   * @param kind the kind
   * @param day a day of the window
   * @return the count
   */
  public int groupDailyActiveCount(GroupKind kind, LocalDate day) {
    RoaringBitmap b = groupActive[kind.ordinal() * window.days() + dayIndex(day)];
    return b == null ? 0 : b.getCardinality();
  }

  /**
   * Tells whether a group had qualifying activity for a kind inside the window.
   *
   * @param group the group's index
   * @param kind the kind
   * @return true when active on some day of the window
   */
  public boolean groupActiveInWindow(int group, GroupKind kind) {
    return periodGroupActive()[kind.ordinal()].contains(group);
  }

  /**
   * Combines two aggregates of the same tenant, window and directories.
   *
   * @param other the other aggregate
   * @return the combined aggregate (neither input changes)
   * @throws IllegalArgumentException if the tenants, windows or directory sizes differ (results
   *     never mix tenants)
   */
  public PartialAggregate merge(PartialAggregate other) {
    if (!tenant.equals(other.tenant)) {
      throw new IllegalArgumentException("cannot merge aggregates of tenants " + tenant + " and "
          + other.tenant);
    }
    if (!window.equals(other.window) || userCount != other.userCount
        || groupCount != other.groupCount) {
      throw new IllegalArgumentException("cannot merge aggregates of different windows or "
          + "directories: " + window + "/" + userCount + "/" + groupCount + " and " + other.window
          + "/" + other.userCount + "/" + other.groupCount);
    }
    long[] sums = add(dailySums, other.dailySums);
    RoaringBitmap[] sets = or(dailySets, other.dailySets);
    UserColumns mine = users();
    UserColumns theirs = other.users();
    int[] users = mine.users();
    long[] userSums = mine.sums();
    int[] userLast = mine.last();
    OtherUsers o = new OtherUsers(theirs.users(), theirs.sums(), theirs.last());
    // users: sorted merge
    int[] u = new int[users.length + o.users.length];
    long[] us = new long[u.length * M];
    int[] ul = new int[u.length * W];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < users.length || j < o.users.length) {
      int a = i < users.length ? users[i] : Integer.MAX_VALUE;
      int b = j < o.users.length ? o.users[j] : Integer.MAX_VALUE;
      if (a <= b) {
        u[n] = a;
        System.arraycopy(userSums, i * M, us, n * M, M);
        System.arraycopy(userLast, i * W, ul, n * W, W);
        i++;
        if (a == b) {
          for (int m = 0; m < M; m++) {
            us[n * M + m] += o.userSums[j * M + m];
          }
          for (int w = 0; w < W; w++) {
            ul[n * W + w] = Math.max(ul[n * W + w], o.userLast[j * W + w]);
          }
          j++;
        }
      } else {
        u[n] = b;
        System.arraycopy(o.userSums, j * M, us, n * M, M);
        System.arraycopy(o.userLast, j * W, ul, n * W, W);
        j++;
      }
      n++;
    }
    int[] gl = groupLast.clone();
    for (int k = 0; k < gl.length; k++) {
      gl[k] = Math.max(gl[k], other.groupLast[k]);
    }
    String[][] files = new String[groupCount][];
    for (int g = 0; g < groupCount; g++) {
      if (other.groupFiles[g].length == 0) {
        files[g] = groupFiles[g];
      } else if (groupFiles[g].length == 0) {
        files[g] = other.groupFiles[g];
      } else {
        TreeSet<String> set = new TreeSet<>(Arrays.asList(groupFiles[g]));
        set.addAll(Arrays.asList(other.groupFiles[g]));
        files[g] = set.toArray(String[]::new);
      }
    }
    return new PartialAggregate(tenant, window, userCount, groupCount, sums, sets,
        Arrays.copyOf(u, n), Arrays.copyOf(us, n * M), Arrays.copyOf(ul, n * W),
        add(groupSums, other.groupSums), gl, files, add(groupDaily, other.groupDaily),
        or(groupActive, other.groupActive));
  }

  private record OtherUsers(int[] users, long[] userSums, int[] userLast) {}

  private static long[] add(long[] a, long[] b) {
    long[] r = a.clone();
    for (int k = 0; k < r.length; k++) {
      r[k] += b[k];
    }
    return r;
  }

  private static RoaringBitmap[] or(RoaringBitmap[] a, RoaringBitmap[] b) {
    RoaringBitmap[] r = new RoaringBitmap[a.length];
    for (int k = 0; k < r.length; k++) {
      if (a[k] == null) {
        r[k] = b[k] == null ? null : b[k].clone();
      } else if (b[k] == null) {
        r[k] = a[k].clone();
      } else {
        r[k] = RoaringBitmap.or(a[k], b[k]);
      }
    }
    return r;
  }

  /**
   * Encodes the aggregate compactly: variable-length integers, delta-coded user indexes and the
   * portable RoaringBitmap format.
   *
   * @return the bytes, readable by {@link #fromBytes}
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      out.writeUTF(tenant.value());
      VarInts.writeSigned(out, window.asOf().toEpochDay());
      VarInts.writeSigned(out, window.first().toEpochDay());
      VarInts.write(out, window.days());
      out.writeBoolean(window.singleDay());
      VarInts.write(out, userCount);
      VarInts.write(out, groupCount);
      writeLongs(out, dailySums);
      writeSets(out, dailySets);
      UserColumns c = users();
      int[] users = c.users();
      VarInts.write(out, users.length);
      int prev = -1;
      for (int k = 0; k < users.length; k++) {
        VarInts.write(out, users[k] - prev);
        prev = users[k];
      }
      writeLongs(out, c.sums());
      writeDays(out, c.last());
      writeLongs(out, groupSums);
      writeDays(out, groupLast);
      for (String[] files : groupFiles) {
        VarInts.write(out, files.length);
        for (String f : files) {
          out.writeUTF(f);
        }
      }
      writeLongs(out, groupDaily);
      writeSets(out, groupActive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes an aggregate written by {@link #toBytes()}.
   *
   * @param bytes the encoded aggregate
   * @return the aggregate
   * @throws IllegalArgumentException if the bytes are not a valid encoding
   */
  public static PartialAggregate fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC || in.readUnsignedByte() != VERSION) {
        throw new IllegalArgumentException("not a Tenantry partial aggregate (version "
            + VERSION + ")");
      }
      TenantId tenant = TenantId.of(in.readUTF());
      LocalDate asOf = LocalDate.ofEpochDay(VarInts.readSigned(in));
      LocalDate first = LocalDate.ofEpochDay(VarInts.readSigned(in));
      int days = (int) VarInts.read(in);
      boolean single = in.readBoolean();
      ReportWindow window = new ReportWindow(asOf, first, days, single);
      int userCount = (int) VarInts.read(in);
      int groupCount = (int) VarInts.read(in);
      int kinds = GroupKind.values().length;
      long[] dailySums = readLongs(in, days * M);
      RoaringBitmap[] dailySets = readSets(in, days * S);
      int n = (int) VarInts.read(in);
      int[] users = new int[n];
      int prev = -1;
      for (int k = 0; k < n; k++) {
        prev += (int) VarInts.read(in);
        users[k] = prev;
      }
      long[] userSums = readLongs(in, n * M);
      int[] userLast = readDays(in, n * W);
      long[] groupSums = readLongs(in, groupCount * G);
      int[] groupLast = readDays(in, groupCount * kinds);
      String[][] files = new String[groupCount][];
      for (int g = 0; g < groupCount; g++) {
        files[g] = new String[(int) VarInts.read(in)];
        for (int k = 0; k < files[g].length; k++) {
          files[g][k] = in.readUTF();
        }
      }
      long[] groupDaily = readLongs(in, kinds * days * G);
      RoaringBitmap[] groupActive = readSets(in, kinds * days);
      if (in.read() != -1) {
        throw new IllegalArgumentException("trailing bytes after the partial aggregate");
      }
      return new PartialAggregate(tenant, window, userCount, groupCount, dailySums, dailySets,
          users, userSums, userLast, groupSums, groupLast, files, groupDaily, groupActive);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed partial aggregate: " + e.getMessage(), e);
    }
  }

  private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
    for (long v : values) {
      VarInts.write(out, v);
    }
  }

  private static long[] readLongs(DataInputStream in, int n) throws IOException {
    long[] r = new long[n];
    for (int k = 0; k < n; k++) {
      r[k] = VarInts.read(in);
    }
    return r;
  }

  private static void writeDays(DataOutputStream out, int[] days) throws IOException {
    for (int d : days) {
      VarInts.write(out, d == NONE ? 0 : ((((long) d) << 1) ^ (d >> 31)) + 1);
    }
  }

  private static int[] readDays(DataInputStream in, int n) throws IOException {
    int[] r = new int[n];
    for (int k = 0; k < n; k++) {
      long v = VarInts.read(in);
      if (v == 0) {
        r[k] = NONE;
      } else {
        v -= 1;
        r[k] = (int) ((v >>> 1) ^ -(v & 1));
      }
    }
    return r;
  }

  private static void writeSets(DataOutputStream out, RoaringBitmap[] sets) throws IOException {
    int present = 0;
    for (RoaringBitmap b : sets) {
      if (b != null) {
        present++;
      }
    }
    VarInts.write(out, present);
    int prev = -1;
    for (int k = 0; k < sets.length; k++) {
      if (sets[k] != null) {
        VarInts.write(out, k - prev);
        prev = k;
        sets[k].serialize(out);
      }
    }
  }

  private static RoaringBitmap[] readSets(DataInputStream in, int n) throws IOException {
    RoaringBitmap[] r = new RoaringBitmap[n];
    int present = (int) VarInts.read(in);
    int prev = -1;
    for (int k = 0; k < present; k++) {
      prev += (int) VarInts.read(in);
      if (prev < 0 || prev >= n) {
        throw new IOException("set index out of range: " + prev);
      }
      r[prev] = new RoaringBitmap();
      r[prev].deserialize(in);
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialAggregate p && tenant.equals(p.tenant) && window.equals(p.window)
        && userCount == p.userCount && groupCount == p.groupCount
        && Arrays.equals(dailySums, p.dailySums) && Arrays.equals(dailySets, p.dailySets)
        && Arrays.equals(users().users(), p.users().users())
        && Arrays.equals(users().sums(), p.users().sums())
        && Arrays.equals(users().last(), p.users().last()) && Arrays.equals(groupSums, p.groupSums)
        && Arrays.equals(groupLast, p.groupLast) && Arrays.deepEquals(groupFiles, p.groupFiles)
        && Arrays.equals(groupDaily, p.groupDaily) && Arrays.equals(groupActive, p.groupActive);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, window, Arrays.hashCode(dailySums),
        Arrays.hashCode(users().users()), Arrays.hashCode(users().sums()));
  }

  @Override
  public String toString() {
    return "PartialAggregate[" + tenant + ", " + window.first() + " … " + window.last() + ", "
        + users().users().length + " users with activity]";
  }
}
