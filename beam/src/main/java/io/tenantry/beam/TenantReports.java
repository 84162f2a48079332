package io.tenantry.beam;

import java.util.Objects;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The whole report run of one tenant as one transform: {@code events.jsonl} lines in, one
 * {@code (file name, bytes)} element per requested report out, byte for byte what {@code tenantry
 * reports} (the single-machine {@link io.tenantry.reports.ReportJob}) writes for the same users,
 * groups, events, window and reports — whatever the number of partitions.
 *
 * <pre>{@code
 * BeamReportSpec spec = BeamReportSpec.of(job, BeamReportSpec.Format.CSV, usersCsv, groupsCsv);
 * pipeline.apply(TextIO.read().from("events-*.jsonl"))
 *     .apply(TenantReports.of(spec, 16));
 * }</pre>
 *
 * <p>It is {@link AggregateActivity} followed by {@link RenderReports}.
 */
public final class TenantReports
    extends PTransform<PCollection<String>, PCollection<KV<String, byte[]>>> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;
  private final int partitions;

  private TenantReports(BeamReportSpec spec, int partitions) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.partitions = partitions;
  }

  /**
   * Creates the transform.
   *
   * @param spec the tenant, window, reports, format and directories
   * @param partitions the number of user-index ranges aggregated in parallel, at least 1
   * @return the transform
   * @throws IllegalArgumentException if {@code partitions} is below 1
   */
  public static TenantReports of(BeamReportSpec spec, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    return new TenantReports(spec, partitions);
  }

  @Override
  public PCollection<KV<String, byte[]>> expand(PCollection<String> lines) {
    return lines.apply("Aggregate", AggregateActivity.of(spec, partitions))
        .apply("Render", RenderReports.of(spec));
  }
}
