package io.tenantry.beam;

import io.tenantry.reports.PartialAggregate;
import java.util.Objects;

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
    extends AggregateCombineFn<PartialAggregate> {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the function.
   *
   * @param spec the tenant, window and directories (for the empty result)
   */
  public MergeAggregatesFn(BeamReportSpec spec) {
    super(spec);
  }

  @Override
  public AggregateAccumulator addInput(AggregateAccumulator acc, PartialAggregate input) {
    acc.add(Objects.requireNonNull(input, "input"));
    return acc;
  }
}
