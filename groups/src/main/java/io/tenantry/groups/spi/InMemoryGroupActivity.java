package io.tenantry.groups.spi;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A thread-safe {@link GroupActivity} held in memory: the days each group of each tenant had
 * counting activity.
 */
public final class InMemoryGroupActivity implements GroupActivity {
  private final Map<TenantId, Map<GroupId, NavigableSet<LocalDate>>> days =
      new ConcurrentHashMap<>();

  /** Creates an empty source. */
  public InMemoryGroupActivity() {}

  /**
   * Records activity of a group on a day (recording the same day twice changes nothing).
   *
   * @param tenant the tenant
   * @param group the group
   * @param day the day
   * @throws NullPointerException if an argument is null
   */
  public void record(TenantId tenant, GroupId group, LocalDate day) {
    Objects.requireNonNull(day, "day");
    days.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new ConcurrentHashMap<>())
        .computeIfAbsent(Objects.requireNonNull(group, "group"),
            g -> new ConcurrentSkipListSet<>())
        .add(day);
  }

  /**
   * Records activity of a group on several days.
   *
   * @param tenant the tenant
   * @param group the group
   * @param activeDays the days
   * @throws NullPointerException if an argument or a day is null
   */
  public void recordAll(TenantId tenant, GroupId group, Collection<LocalDate> activeDays) {
    activeDays.forEach(d -> record(tenant, group, d));
  }

  @Override
  public boolean hadActivity(TenantId tenant, GroupId group, LocalDate after, LocalDate through) {
    Map<GroupId, NavigableSet<LocalDate>> ofTenant = days.get(tenant);
    if (ofTenant == null) {
      return false;
    }
    NavigableSet<LocalDate> ofGroup = ofTenant.get(group);
    if (ofGroup == null) {
      return false;
    }
    LocalDate next = ofGroup.higher(after);
    return next != null && !next.isAfter(through);
  }
}
