package io.tenantry.beam;

import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.RejectedLine;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Folds event lines ({@code events.jsonl} lines) of one tenant into the engine's {@link
 * PartialAggregate}: each accumulator runs an {@link ActivityAggregator}, the engine's own
 * aggregation, and accumulators combine with {@link PartialAggregate#merge}. Nothing of the
 * aggregation is re-implemented here.
 *
 * <p>Lines are parsed against the spec's user directory with {@link ActivityEventReader}; a line the
 * engine rejects fails the bundle with a {@link ValidationException} (route rejections away first,
 * as {@link TenantReports} does). Blank lines are skipped. The output of an empty input is {@link
 * PartialAggregate#empty}. Serializable; each worker rebuilds the directories once.
 */
public final class ActivityCombineFn
    extends Combine.CombineFn<String, AggregateAccumulator, PartialAggregate> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;
  private transient ActivityEventReader reader;

  /**
   * Creates the function.
   *
   * @param spec the tenant, window and directories
   */
  public ActivityCombineFn(BeamReportSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  private ActivityEventReader reader() {
    if (reader == null) {
      reader = ActivityEventReader.of(spec.users());
    }
    return reader;
  }

  @Override
  public AggregateAccumulator createAccumulator() {
    return new AggregateAccumulator();
  }

  /**
   * Adds one line to the accumulator's aggregator.
   *
   * @param acc the accumulator (modified and returned)
   * @param line one {@code events.jsonl} line
   * @return the accumulator
   * @throws ValidationException if the engine rejects the line
   */
  @Override
  public AggregateAccumulator addInput(AggregateAccumulator acc, String line) {
    String text = EventLines.strip(line);
    if (text.isBlank()) {
      return acc;
    }
    Object parsed = reader().parseLine(text, 0, "events.jsonl");
    if (parsed instanceof RejectedLine r) {
      throw new ValidationException(r.toProblem());
    }
    if (acc.open == null) {
      acc.open = ActivityAggregator.of(spec.users(), spec.groups(), spec.window());
    }
    acc.open.add((ActivityEvent) parsed);
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
      Coder<String> inputCoder) {
    return AggregateAccumulator.coder();
  }

  @Override
  public Coder<PartialAggregate> getDefaultOutputCoder(CoderRegistry registry,
      Coder<String> inputCoder) {
    return PartialAggregateCoder.of();
  }
}
