package io.tenantry.beam;

import io.tenantry.reports.PartialAggregate;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * What {@link ActivityCombineFn} and {@link MergeAggregatesFn} share: an {@link
 * AggregateAccumulator}, merging with {@link PartialAggregate#merge}, the empty aggregate of the
 * spec's directories for an empty input, and the coders. Subclasses only say how an input enters
 * the accumulator.
 *
 * @param <I> the input type
 */
abstract class AggregateCombineFn<I>
    extends Combine.CombineFn<I, AggregateAccumulator, PartialAggregate> {
  private static final long serialVersionUID = 1L;

  /** The tenant, window and directories. */
  final BeamReportSpec spec;

  AggregateCombineFn(BeamReportSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public final AggregateAccumulator createAccumulator() {
    return new AggregateAccumulator();
  }

  @Override
  public final AggregateAccumulator mergeAccumulators(Iterable<AggregateAccumulator> accumulators) {
    AggregateAccumulator out = new AggregateAccumulator();
    for (AggregateAccumulator a : accumulators) {
      out.add(a.flush());
    }
    return out;
  }

  @Override
  public final PartialAggregate extractOutput(AggregateAccumulator acc) {
    PartialAggregate p = acc.flush();
    return p != null ? p : PartialAggregate.empty(spec.tenant(), spec.window(),
        spec.users().size(), spec.groups().size());
  }

  @Override
  public final Coder<AggregateAccumulator> getAccumulatorCoder(CoderRegistry registry,
      Coder<I> inputCoder) {
    return AggregateAccumulator.coder();
  }

  @Override
  public final Coder<PartialAggregate> getDefaultOutputCoder(CoderRegistry registry,
      Coder<I> inputCoder) {
    return PartialAggregateCoder.of();
  }
}
