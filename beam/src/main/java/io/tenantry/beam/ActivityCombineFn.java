package io.tenantry.beam;

import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.input.ActivityEvent;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

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
    extends Combine.CombineFn<ActivityEvent, AggregateAccumulator, PartialAggregate> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;

  /**
   * Creates the function.
   *
   * @param spec the tenant, window and directories
   */
  public ActivityCombineFn(BeamReportSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public AggregateAccumulator createAccumulator() {
    return new AggregateAccumulator();
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

  @Override
  public AggregateAccumulator mergeAccumulators(Iterable<AggregateAccumulator> accumulators) {
    AggregateAccumulator out = new AggregateAccumulator();
    for (AggregateAccumulator a : accumulators) {
      out.add(a.flush());
    }
    return out;
  }

  @Override
  public PartialAggregate extractOutput(AggregateAccumulator acc) {
    PartialAggregate p = acc.flush();
    return p != null ? p : PartialAggregate.empty(spec.tenant(), spec.window(),
        spec.users().size(), spec.groups().size());
  }

  @Override
  public Coder<AggregateAccumulator> getAccumulatorCoder(CoderRegistry registry,
      Coder<ActivityEvent> inputCoder) {
    return AggregateAccumulator.coder();
  }

  @Override
  public Coder<PartialAggregate> getDefaultOutputCoder(CoderRegistry registry,
      Coder<ActivityEvent> inputCoder) {
    return PartialAggregateCoder.of();
  }
}
