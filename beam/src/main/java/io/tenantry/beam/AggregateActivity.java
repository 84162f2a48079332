package io.tenantry.beam;

import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.RejectedLine;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
 * Aggregates one tenant's {@code events.jsonl} lines into the one {@link PartialAggregate} the
 * single-machine engine computes: each line is parsed and resolved against the spec's user
 * directory, keyed by a range of directory indexes (one key per partition), folded per key by
 * {@link ActivityCombineFn} (the engine's {@link io.tenantry.reports.ActivityAggregator}), and the
 * partition aggregates are merged by {@link MergeAggregatesFn}.
 *
 * <p>Partition {@code p} of {@code n} holds the users with directory index {@code i} such that
 * {@code i * n / size == p}: contiguous ranges, so a partition's aggregate stays compact. The
 * result does not depend on {@code n} (merge is associative and commutative).
 *
 * <p>Input lines may carry a BOM or a trailing CR; blank lines are skipped. A line the engine
 * rejects (unknown user, another tenant, bad field…) fails the pipeline with a {@link
 * ValidationException} naming the field, reason and value, as the CLI's default does; line numbers
 * are not known in a distributed read, so they are 0.
 */
public final class AggregateActivity
    extends PTransform<PCollection<String>, PCollection<PartialAggregate>> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;
  private final int partitions;

  AggregateActivity(BeamReportSpec spec, int partitions) {
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
  public static AggregateActivity of(BeamReportSpec spec, int partitions) {
    return new AggregateActivity(spec, partitions);
  }

  @Override
  public PCollection<PartialAggregate> expand(PCollection<String> lines) {
    PCollection<KV<Integer, String>> keyed = lines
        .apply("KeyByUserRange", ParDo.of(new KeyByUserRange(spec, partitions)))
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()));
    PCollection<PartialAggregate> ranges = keyed
        .apply("AggregatePerRange", Combine.perKey(new ActivityCombineFn(spec)))
        .setCoder(KvCoder.of(VarIntCoder.of(), PartialAggregateCoder.of()))
        .apply("DropRange", Values.create());
    // the identity of merge, so a tenant without events still gets one (empty) aggregate; it
    // travels through the coder (Combine.globally's own default would need Java serialisation)
    PCollection<PartialAggregate> identity = lines.getPipeline()
        .apply("Identity", Create.of(PartialAggregate.empty(spec.tenant(), spec.window(),
            spec.users().size(), spec.groups().size())).withCoder(PartialAggregateCoder.of()));
    return PCollectionList.of(ranges).and(identity)
        .apply("WithIdentity", Flatten.pCollections())
        .apply("MergeRanges", Combine.globally(new MergeAggregatesFn(spec)).withoutDefaults())
        .setCoder(PartialAggregateCoder.of());
  }

  /** Parses a line and keys it by its user's index range. */
  static final class KeyByUserRange extends DoFn<String, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;
    private final BeamReportSpec spec;
    private final int partitions;
    private transient ActivityEventReader reader;

    KeyByUserRange(BeamReportSpec spec, int partitions) {
      this.spec = spec;
      this.partitions = partitions;
    }

    @Setup
    public void setup() {
      reader = ActivityEventReader.of(spec.users());
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<KV<Integer, String>> out) {
      String text = EventLines.strip(line);
      if (text.isBlank()) {
        return;
      }
      Object parsed = reader.parseLine(text, 0, "events.jsonl");
      if (parsed instanceof RejectedLine r) {
        throw new ValidationException(r.toProblem());
      }
      int user = ((ActivityEvent) parsed).user();
      long size = spec.users().size();
      out.output(KV.of((int) (user * (long) partitions / size), text));
    }
  }
}
