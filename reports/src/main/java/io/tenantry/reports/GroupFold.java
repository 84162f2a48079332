package io.tenantry.reports;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryGroup;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * The group half of {@code activity-events.md} §4 for one window: folds the events that carry a
 * group into the group columns of a {@link PartialAggregate} (sums, last activity per {@link
 * GroupKind}, active file ids, daily sums and daily active groups). Group events are few, so they
 * are kept as events and folded per window. Not thread-safe; single use.
 */
final class GroupFold {
  private static final int G = PartialAggregate.G;
  private static final int NONE = PartialAggregate.NONE;
  private static final int KINDS = GroupKind.values().length;

  private final GroupDirectory groups;
  private final long first;
  private final int days;
  private final boolean[] groupIsYammer;
  private final boolean[] groupIsM365;
  final long[] groupSums;
  final int[] groupLast;
  private final List<TreeSet<String>> groupFiles;
  final long[] groupDaily;
  final RoaringBitmap[] groupActive;

  GroupFold(GroupDirectory groups, ReportWindow window) {
    this.groups = groups;
    this.first = window.first().toEpochDay();
    this.days = window.days();
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
   * Folds one event of a user who exists as of R, on a day on or before R, that carries a group.
   *
   * @param e the event
   */
  void add(ActivityEvent e) {
    OptionalInt gi = groups.indexOf(e.group());
    if (gi.isEmpty()) {
      return;
    }
    long day = e.day().toEpochDay();
    int d = (int) (day - first);
    boolean inWindow = d >= 0 && d < days;
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
   * Returns each group's active file ids, sorted.
   *
   * @return one array per group, empty when none
   */
  String[][] files() {
    String[][] files = new String[groupFiles.size()][];
    for (int g = 0; g < files.length; g++) {
      TreeSet<String> set = groupFiles.get(g);
      files[g] = set == null ? new String[0] : set.toArray(String[]::new);
    }
    return files;
  }
}
