package io.tenantry.groups;

import io.tenantry.core.GroupId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one day of the lifecycle engine caused: the events in the order they happened, the actions
 * it had to ignore, and the new state of every group that changed.
 *
 * @param day the day
 * @param events the events, in order (purges, then actions in order, then per group by id)
 * @param skipped the ignored actions, in order
 * @param changes the new state of each group that changed, by id
 */
public record DayOutcome(LocalDate day, List<LifecycleEvent> events, List<SkippedAction> skipped,
    SortedMap<GroupId, GroupState> changes) {

  /**
   * Validates the outcome and copies its collections.
   *
   * @throws NullPointerException if a component is null
   */
  public DayOutcome {
    Objects.requireNonNull(day, "day");
    events = List.copyOf(events);
    skipped = List.copyOf(skipped);
    changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
  }
}
