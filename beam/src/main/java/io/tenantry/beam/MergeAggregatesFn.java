package io.tenantry.beam;

import io.tenantry.reports.PartialAggregate;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Merges partial aggregates (one per partition of the users, say) of one tenant, window and
 * directories with {@link PartialAggregate#merge}, which is associative and commutative, so Beam
 * may combine in any grouping and order. The output of an empty input is {@link
 * PartialAggregate#empty} for the spec's directories, so a tenant without events still gets its
 * reports.
 *
 * <p>Aggregates of another tenant or window fail the merge with an {@link
 * IllegalArgumentException} (results never mix tenants). Serializable.
 */
public final class MergeAggregatesFn
    extends Combine.CombineFn<PartialAggregate, AggregateAccumulator, PartialAggregate> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;

  /**
   * Creates the function.
   *
   * @param spec the tenant, window and directories (for the empty result)
   */
  public MergeAggregatesFn(BeamReportSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public AggregateAccumulator createAccumulator() {
    return new AggregateAccumulator();
  }

  @Override
  public AggregateAccumulator addInput(AggregateAccumulator acc, PartialAggregate input) {
    acc.add(Objects.requireNonNull(input, "input"));
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
      Coder<PartialAggregate> inputCoder) {
    return AggregateAccumulator.coder();
  }

  @Override
  public Coder<PartialAggregate> getDefaultOutputCoder(CoderRegistry registry,
      Coder<PartialAggregate> inputCoder) {
    return PartialAggregateCoder.of();
  }
}
