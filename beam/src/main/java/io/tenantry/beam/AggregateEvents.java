package io.tenantry.beam;

import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.input.ActivityEvent;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Aggregates one tenant's {@link ActivityEvent}s (resolved against the spec's user directory) into
 * the one {@link PartialAggregate} the single-machine engine computes: events are keyed by a range
 * of directory indexes (one key per partition), folded per key by {@link ActivityCombineFn} (the
 * engine's {@link io.tenantry.reports.ActivityAggregator}), and the partition aggregates are merged
 * by {@link MergeAggregatesFn}.
 *
 * <p>Partition {@code p} of {@code n} holds the users with directory index {@code i} such that
 * {@code i * n / size == p}: contiguous ranges, so a partition's aggregate stays compact. The
 * result does not depend on {@code n} (merge is associative and commutative), and there is always
 * exactly one output, {@link PartialAggregate#empty} when there are no events.
 */
public final class AggregateEvents
    extends PTransform<PCollection<ActivityEvent>, PCollection<PartialAggregate>> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;
  private final int partitions;

  private AggregateEvents(BeamReportSpec spec, int partitions) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    this.partitions = partitions;
  }

  /**
   * Creates the transform.
   *
   * @param spec the tenant, window and directories
   * @param partitions the number of user-index ranges to aggregate in parallel, at least 1
   * @return the transform
   * @throws IllegalArgumentException if {@code partitions} is below 1
   */
  public static AggregateEvents of(BeamReportSpec spec, int partitions) {
    return new AggregateEvents(spec, partitions);
  }

  @Override
  public PCollection<PartialAggregate> expand(PCollection<ActivityEvent> events) {
    PCollection<PartialAggregate> ranges = events
        .apply("KeyByUserRange", ParDo.of(new KeyByUserRange(spec.users().size(), partitions)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ActivityEventCoder.of()))
        .apply("AggregatePerRange", Combine.perKey(new ActivityCombineFn(spec)))
        .setCoder(KvCoder.of(VarIntCoder.of(), PartialAggregateCoder.of()))
        .apply("DropRange", Values.create());
    // the identity of merge, so a tenant without events still gets one (empty) aggregate; it
    // travels through the coder (Combine.globally's own default would need Java serialisation)
    PCollection<PartialAggregate> identity = events.getPipeline()
        .apply("Identity", Create.of(PartialAggregate.empty(spec.tenant(), spec.window(),
            spec.users().size(), spec.groups().size())).withCoder(PartialAggregateCoder.of()));
    return PCollectionList.of(ranges).and(identity)
        .apply("WithIdentity", Flatten.pCollections())
        .apply("MergeRanges", Combine.globally(new MergeAggregatesFn(spec)).withoutDefaults())
        .setCoder(PartialAggregateCoder.of());
  }

  /** Keys an event by its user's index range. */
  static final class KeyByUserRange extends DoFn<ActivityEvent, KV<Integer, ActivityEvent>> {
    private static final long serialVersionUID = 1L;
    private final int size;
    private final int partitions;

    KeyByUserRange(int size, int partitions) {
      this.size = size;
      this.partitions = partitions;
    }

    @ProcessElement
    public void process(@Element ActivityEvent e, OutputReceiver<KV<Integer, ActivityEvent>> out) {
      if (e.user() >= size) {
        throw new IndexOutOfBoundsException("user index " + e.user() + " is outside the "
            + "directory of " + size + " users");
      }
      out.output(KV.of((int) (e.user() * (long) partitions / size), e));
    }
  }
}
