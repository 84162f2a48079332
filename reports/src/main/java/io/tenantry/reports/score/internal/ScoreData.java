package io.tenantry.reports.score.internal;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.score.GroupDimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's directory and activity compiled for the Usage Score: users as primitive columns
 * (epoch days, licence days, flags) and activity reduced to one record per user and day (a bit mask
 * of {@link EventClass} flags, meeting weights, the files touched). Events outside the days the
 * score and its history look at are dropped while compiling, so memory follows the active
 * user-days of 207 days, not the raw events.
 *
 * <p>Immutable once built; build one with {@link #builder(LocalDate, int)}.
 */
public final class ScoreData {
  /** Created Date of a user without one: exists on every day. */
  public static final int ALWAYS = Integer.MIN_VALUE;
  /** Deleted Date or licence day of a user without one. */
  public static final int NEVER = Integer.MAX_VALUE;

  final int asOf;
  final int historyDays;
  final int firstEventDay;
  final int users;
  final String[] ids;
  final String[] upns;
  final String[] names;
  final boolean[] guest;
  final boolean[] mfa;
  final int[] created;
  final int[] deleted;
  final int[][] licence;
  final String[][] attributes;
  // user-day records
  final int[] recUser;
  final int[] recDay;
  final int[] recMask;
  final long[] recMeetAll;
  final long[] recMeetVisual;
  final int[][] recFiles;
  final int fileCount;

  private ScoreData(Builder b) {
    this.asOf = b.asOf;
    this.historyDays = b.historyDays;
    this.firstEventDay = b.firstEventDay;
    this.users = b.ids.size();
    this.ids = b.ids.toArray(String[]::new);
    this.upns = b.upns.toArray(String[]::new);
    this.names = b.names.toArray(String[]::new);
    this.guest = toArray(b.guest);
    this.mfa = toArray(b.mfa);
    this.created = b.created.stream().mapToInt(Integer::intValue).toArray();
    this.deleted = b.deleted.stream().mapToInt(Integer::intValue).toArray();
    this.licence = new int[Service.values().length][];
    for (Service s : Service.values()) {
      licence[s.ordinal()] = b.licence.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    this.attributes = new String[GroupDimension.values().length][];
    for (GroupDimension d : GroupDimension.values()) {
      attributes[d.ordinal()] = b.attributes.get(d).toArray(String[]::new);
    }
    int n = b.records.size();
    recUser = new int[n];
    recDay = new int[n];
    recMask = new int[n];
    recMeetAll = new long[n];
    recMeetVisual = new long[n];
    recFiles = new int[n][];
    Acc[] sorted = b.records.values().toArray(Acc[]::new);
    Arrays.sort(sorted, (x, y) -> x.day != y.day ? Integer.compare(x.day, y.day)
        : Integer.compare(x.user, y.user));
    for (int i = 0; i < n; i++) {
      Acc a = sorted[i];
      recUser[i] = a.user;
      recDay[i] = a.day;
      recMask[i] = a.mask;
      recMeetAll[i] = a.meetAll;
      recMeetVisual[i] = a.meetVisual;
      recFiles[i] = a.files == null ? null
          : Arrays.stream(a.files, 0, a.fileCount).sorted().distinct().toArray();
    }
    fileCount = b.fileIds.size();
  }

  private static boolean[] toArray(List<Boolean> list) {
    boolean[] out = new boolean[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /**
   * Starts compiling a tenant's data for a score as of {@code asOf} with {@code historyDays} days
   * of history (the score day included).
   *
   * @param asOf the as-of day R
   * @param historyDays how many days of history, at least 1
   * @return a new builder
   * @throws IllegalArgumentException if {@code historyDays} is below 1
   */
  public static Builder builder(LocalDate asOf, int historyDays) {
    return new Builder(asOf, historyDays);
  }

  /**
   * Returns the number of users.
   *
   * @return the user count
   */
  public int userCount() {
    return users;
  }

  /**
   * Returns the number of compiled user-day records.
   *
   * @return the record count
   */
  public int recordCount() {
    return recUser.length;
  }

  private static final class Acc {
    final int user;
    final int day;
    int mask;
    long meetAll;
    long meetVisual;
    int[] files;
    int fileCount;

    Acc(int user, int day) {
      this.user = user;
      this.day = day;
    }

    void addFile(int file) {
      if (files == null) {
        files = new int[2];
      } else if (fileCount == files.length) {
        files = Arrays.copyOf(files, fileCount * 2);
      }
      files[fileCount++] = file;
    }
  }

  /** Collects users and events; not thread-safe. */
  public static final class Builder {
    private final int asOf;
    private final int historyDays;
    private final int firstEventDay;
    private final List<String> ids = new ArrayList<>();
    private final List<String> upns = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> guest = new ArrayList<>();
    private final List<Boolean> mfa = new ArrayList<>();
    private final List<Integer> created = new ArrayList<>();
    private final List<Integer> deleted = new ArrayList<>();
    private final EnumMap<Service, List<Integer>> licence = new EnumMap<>(Service.class);
    private final EnumMap<GroupDimension, List<String>> attributes =
        new EnumMap<>(GroupDimension.class);
    private final HashMap<Long, Acc> records = new HashMap<>();
    private final HashMap<String, Integer> fileIds = new HashMap<>();

    private Builder(LocalDate asOf, int historyDays) {
      Objects.requireNonNull(asOf, "asOf");
      if (historyDays < 1) {
        throw new IllegalArgumentException("historyDays must be at least 1, got " + historyDays);
      }
      this.asOf = Math.toIntExact(asOf.toEpochDay());
      this.historyDays = historyDays;
      this.firstEventDay = this.asOf - (historyDays - 1) - 27;
      for (Service s : Service.values()) {
        licence.put(s, new ArrayList<>());
      }
      for (GroupDimension d : GroupDimension.values()) {
        attributes.put(d, new ArrayList<>());
      }
    }

    /**
     * Adds a directory user.
     *
     * @param id the User Id
     * @param upn the User Principal Name
     * @param displayName the display name, or null/blank
     * @param isGuest whether User Type is Guest
     * @param createdDate the Created Date, or null
     * @param deletedDate the Deleted Date, or null
     * @param licences the licence assign dates by service (absent = no licence)
     * @param mfaRegistered whether MFA Registered is Yes
     * @param groupValues the Department/Company/Country/State/City values (absent or blank = none)
     * @return the user's index, used by {@link #addEvent}
     */
    public int addUser(String id, String upn, String displayName, boolean isGuest,
        LocalDate createdDate, LocalDate deletedDate, Map<Service, LocalDate> licences,
        boolean mfaRegistered, Map<GroupDimension, String> groupValues) {
      ids.add(Objects.requireNonNull(id, "id"));
      upns.add(Objects.requireNonNull(upn, "upn"));
      names.add(displayName == null ? "" : displayName);
      guest.add(isGuest);
      mfa.add(mfaRegistered);
      created.add(createdDate == null ? ALWAYS : Math.toIntExact(createdDate.toEpochDay()));
      deleted.add(deletedDate == null ? NEVER : Math.toIntExact(deletedDate.toEpochDay()));
      for (Service s : Service.values()) {
        LocalDate d = licences.get(s);
        licence.get(s).add(d == null ? NEVER : Math.toIntExact(d.toEpochDay()));
      }
      for (GroupDimension d : GroupDimension.values()) {
        String v = groupValues.get(d);
        attributes.get(d).add(v == null || v.isBlank() ? null : v.strip());
      }
      return ids.size() - 1;
    }

    /**
     * Adds one event of a user. Events outside the days the score looks at are ignored.
     *
     * @param user the index {@link #addUser} returned
     * @param day the event's (UTC) day
     * @param workload the workload
     * @param activity the activity
     * @param count how many identical actions the event stands for, at least 1
     * @param platform the platform, or null
     * @param audioSeconds audio seconds per action (0 when absent)
     * @param videoSeconds video seconds per action
     * @param screenShareSeconds screen-sharing seconds per action
     * @param hasGroup whether the event names a group
     * @param file the file id, or null
     * @return this builder
     * @throws IllegalArgumentException if the user index is unknown
     */
    public Builder addEvent(int user, LocalDate day, Workload workload, Activity activity,
        long count, Platform platform, long audioSeconds, long videoSeconds,
        long screenShareSeconds, boolean hasGroup, String file) {
      if (user < 0 || user >= ids.size()) {
        throw new IllegalArgumentException("unknown user index " + user);
      }
      long epochDay = day.toEpochDay();
      if (epochDay < firstEventDay || epochDay > asOf) {
        return this;
      }
      int d = (int) epochDay;
      int mask = EventClass.flags(workload, activity, platform, hasGroup);
      boolean meeting = EventClass.isMeetingAttended(activity);
      boolean collabFile = file != null && !file.isEmpty() && EventClass.countsFile(workload);
      if (mask == 0 && !meeting && !collabFile) {
        return this;
      }
      // user × span + day: unique, and dense in the low bits so Long.hashCode spreads it
      long key = (long) user * (asOf - firstEventDay + 1) + (d - firstEventDay);
      Acc acc = records.get(key);
      if (acc == null) {
        acc = new Acc(user, d);
        records.put(key, acc);
      }
      acc.mask |= mask;
      if (meeting) {
        long w = EventClass.meetingWeight(audioSeconds, videoSeconds, screenShareSeconds, count);
        acc.meetAll = Math.addExact(acc.meetAll, w);
        if (videoSeconds > 0 || screenShareSeconds > 0) {
          acc.meetVisual = Math.addExact(acc.meetVisual, w);
        }
      }
      if (collabFile) {
        Integer id = fileIds.get(file);
        if (id == null) {
          id = fileIds.size();
          fileIds.put(file, id);
        }
        acc.addFile(id);
      }
      return this;
    }

    /**
     * Finishes compiling.
     *
     * @return the immutable data
     */
    public ScoreData build() {
      return new ScoreData(this);
    }
  }
}
