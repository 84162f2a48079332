package io.tenantry.beam;

import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.input.ActivityEvent;

/**
 * Folds one tenant's {@link ActivityEvent}s into the engine's {@link PartialAggregate}: each
 * accumulator runs an {@link ActivityAggregator}, the engine's own aggregation, and accumulators
 * combine with {@link PartialAggregate#merge}. Nothing of the aggregation is re-implemented here.
 *
 * <p>The events must have been resolved against the spec's user directory (as {@link
 * AggregateActivity} does with the engine's reader); an event whose user index is outside it fails
 * with an {@link IndexOutOfBoundsException}. The output of an empty input is {@link
 * PartialAggregate#empty}. Serializable; each worker rebuilds the directories once.
 */
public final class ActivityCombineFn
    extends AggregateCombineFn<ActivityEvent> {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the function.
   *
   * @param spec the tenant, window and directories
   */
  public ActivityCombineFn(BeamReportSpec spec) {
    super(spec);
  }

  /**
   * Adds one event to the accumulator's aggregator.
   *
   * @param acc the accumulator (modified and returned)
   * @param event an event resolved against the spec's user directory
   * @return the accumulator
   * @throws IndexOutOfBoundsException if the event's user index is outside the directory
   */
  @Override
  public AggregateAccumulator addInput(AggregateAccumulator acc, ActivityEvent event) {
    if (acc.open == null) {
      acc.open = ActivityAggregator.of(spec.users(), spec.groups(), spec.window());
    }
    acc.open.add(event);
    return acc;
  }
}
