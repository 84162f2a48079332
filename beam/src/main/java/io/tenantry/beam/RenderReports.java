package io.tenantry.beam;

import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportInput;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.ReportWriter;
import io.tenantry.reports.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Renders a tenant's aggregate into the spec's reports with the engine's {@link Reports#render}
 * and {@link ReportWriter}: one element per report, keyed by its file name ({@code
 * getTeamsUserActivityUserDetail.csv}, or {@code .json}), whose bytes are exactly what {@code
 * tenantry reports} writes for the same inputs.
 */
public final class RenderReports
    extends PTransform<PCollection<PartialAggregate>, PCollection<KV<String, byte[]>>> {
  private static final long serialVersionUID = 1L;

  private final BeamReportSpec spec;

  RenderReports(BeamReportSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /**
   * Creates the transform.
   *
   * @param spec the tenant, reports, display name, format and directories
   * @return the transform
   */
  public static RenderReports of(BeamReportSpec spec) {
    return new RenderReports(spec);
  }

  /**
   * Renders one report as the engine writes it.
   *
   * @param spec the spec
   * @param aggregate the tenant's aggregate
   * @param function the report
   * @return the file's bytes
   * @throws IllegalArgumentException if the aggregate is of another tenant or directory
   */
  static byte[] render(BeamReportSpec spec, PartialAggregate aggregate, ReportFunction function) {
    ReportInput input = new ReportInput(spec.users(), spec.groups(), aggregate,
        spec.tenantDisplayName(), null);
    ReportTable table = Reports.render(function, input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (spec.format() == BeamReportSpec.Format.JSON) {
        ReportWriter.writeJson(table, out);
      } else {
        ReportWriter.writeCsv(table, out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /**
   * Returns the file name of a report in the spec's format.
   *
   * @param spec the spec
   * @param function the report
   * @return e.g. {@code getEmailActivityCounts.csv}
   */
  static String fileName(BeamReportSpec spec, ReportFunction function) {
    return function.graphName() + (spec.format() == BeamReportSpec.Format.JSON ? ".json" : ".csv");
  }

  @Override
  public PCollection<KV<String, byte[]>> expand(PCollection<PartialAggregate> aggregates) {
    return aggregates.apply("Render", ParDo.of(new RenderFn(spec)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
  }

  /** Renders every report of the spec. */
  static final class RenderFn extends DoFn<PartialAggregate, KV<String, byte[]>> {
    private static final long serialVersionUID = 1L;
    private final BeamReportSpec spec;

    RenderFn(BeamReportSpec spec) {
      this.spec = spec;
    }

    @ProcessElement
    public void process(@Element PartialAggregate aggregate,
        OutputReceiver<KV<String, byte[]>> out) {
      for (ReportFunction f : spec.functions()) {
        out.output(KV.of(fileName(spec, f), render(spec, aggregate, f)));
      }
    }
  }
}
