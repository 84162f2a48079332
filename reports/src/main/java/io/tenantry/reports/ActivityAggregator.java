package io.tenantry.reports;

import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import java.util.Objects;

/**
 * The aggregation engine for one window: folds {@link ActivityEvent}s of one tenant into a {@link
 * PartialAggregate} for one {@link ReportWindow}, following {@code activity-events.md} §4–5.
 *
 * <p>Events of users who do not exist as of R, and events after R, count nowhere. Events before the
 * window only move last-activity days. It compiles the window's part of the events into {@link
 * ActivityColumns} (primitive columns per day, exact RoaringBitmaps of directory indexes) and
 * takes the window's aggregate from them; to report several windows over the same events, build
 * {@link ActivityColumns} once instead.
 *
 * <p>Not thread-safe: one aggregator per thread (or partition); combine the results with {@link
 * PartialAggregate#merge}. Single use: {@link #build()} may be called once.
 */
public final class ActivityAggregator {
  private final ActivityColumns.Builder columns;
  private final ReportWindow window;
  private boolean built;

  private ActivityAggregator(UserDirectory directory, GroupDirectory groups, ReportWindow window) {
    this.columns = new ActivityColumns.Builder(directory, groups, window);
    this.window = window;
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
    columns.add(e);
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
    return columns.build().aggregate(window);
  }
}
