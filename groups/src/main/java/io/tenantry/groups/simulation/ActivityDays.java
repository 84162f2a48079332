package io.tenantry.groups.simulation;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.groups.spi.GroupActivity;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The activity days of a simulation file's groups, read-only once built: each group's days as a
 * sorted array of epoch days, so {@link #hadActivity} is one hash lookup and one binary search (the
 * concurrent sets of {@link io.tenantry.groups.spi.InMemoryGroupActivity} cost more to fill than a
 * simulated week costs to run). Answers false for any other tenant and for a group without
 * activity.
 */
final class ActivityDays implements GroupActivity {
  private static final long[] NONE = new long[0];
  private final TenantId tenant;
  private final Map<GroupId, long[]> days;

  /**
   * Indexes the groups' activity.
   *
   * @param tenant the simulation's tenant
   * @param groups the simulated groups (their ids are distinct)
   * @throws NullPointerException if an argument is null
   */
  ActivityDays(TenantId tenant, List<SimulatedGroup> groups) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.days = new HashMap<>(Math.max(16, groups.size() * 4 / 3 + 1));
    for (SimulatedGroup g : groups) {
      List<LocalDate> active = g.activity();
      if (active.isEmpty()) {
        continue;
      }
      long[] sorted = new long[active.size()];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = active.get(i).toEpochDay();
      }
      Arrays.sort(sorted);
      days.merge(g.group().id(), sorted, ActivityDays::union);
    }
  }

  private static long[] union(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    Arrays.sort(both);
    return both;
  }

  @Override
  public boolean hadActivity(TenantId tenant, GroupId group, LocalDate after, LocalDate through) {
    if (!this.tenant.equals(tenant)) {
      return false;
    }
    long[] ofGroup = days.getOrDefault(group, NONE);
    if (ofGroup.length == 0) {
      return false;
    }
    // the first day strictly after `after`
    int i = Arrays.binarySearch(ofGroup, after.toEpochDay());
    int next = i >= 0 ? i + 1 : -(i + 1);
    while (next < ofGroup.length && ofGroup[next] == after.toEpochDay()) {
      next++;
    }
    return next < ofGroup.length && ofGroup[next] <= through.toEpochDay();
  }
}
