package io.tenantry.beam;

import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.RejectedLine;
import java.util.Objects;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Aggregates one tenant's {@code events.jsonl} lines into the one {@link PartialAggregate} the
 * single-machine engine computes: each line is parsed and resolved against the spec's user
 * directory by the engine's {@link ActivityEventReader}, then {@link AggregateEvents} does the rest
 * (per user-index range with the engine's aggregator, then merged).
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

  private AggregateActivity(BeamReportSpec spec, int partitions) {
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

  /**
   * Parses one line as the engine does.
   *
   * @param reader the engine's reader for the tenant's directory
   * @param line the line
   * @return the event, or null for a blank line
   * @throws ValidationException if the engine rejects the line
   */
  static ActivityEvent parse(ActivityEventReader reader, String line) {
    String text = EventLines.strip(line);
    if (text.isBlank()) {
      return null;
    }
    Object parsed = reader.parseLine(text, 0, "events.jsonl");
    if (parsed instanceof RejectedLine r) {
      throw new ValidationException(r.toProblem());
    }
    return (ActivityEvent) parsed;
  }

  @Override
  public PCollection<PartialAggregate> expand(PCollection<String> lines) {
    return lines.apply("Parse", ParDo.of(new ParseLines(spec)))
        .setCoder(ActivityEventCoder.of())
        .apply("AggregateEvents", AggregateEvents.of(spec, partitions));
  }

  /** Parses lines with the engine's reader. */
  static final class ParseLines extends DoFn<String, ActivityEvent> {
    private static final long serialVersionUID = 1L;
    private final BeamReportSpec spec;
    private transient ActivityEventReader reader;

    ParseLines(BeamReportSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      reader = ActivityEventReader.of(spec.users());
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<ActivityEvent> out) {
      ActivityEvent e = parse(reader, line);
      if (e != null) {
        out.output(e);
      }
    }
  }
}
