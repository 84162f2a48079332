package io.tenantry.beam;

import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.ReportWriter;
import io.tenantry.reports.input.ActivityEventReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Test helpers: DirectRunner pipelines whose reports land in directories, and the engine's run. */
final class Pipelines {
  private Pipelines() {}

  /** A new pipeline on the DirectRunner (the runner on the test class path). */
  static Pipeline create() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  /** Adds a branch: the lines through {@link TenantReports}, each report written into dir. */
  static void branch(Pipeline p, String name, List<String> lines, BeamReportSpec spec,
      int partitions, Path dir) {
    PCollection<String> in = p.apply(name + "/Events",
        Create.of(lines).withCoder(StringUtf8Coder.of()));
    in.apply(name + "/Reports", TenantReports.of(spec, partitions))
        .apply(name + "/Write", ParDo.of(new WriteFiles(dir.toString())));
  }

  /** Writes each (file name, bytes) element into a directory. */
  static final class WriteFiles extends DoFn<KV<String, byte[]>, Void> {
    private static final long serialVersionUID = 1L;
    private final String dir;

    WriteFiles(String dir) {
      this.dir = dir;
    }

    @ProcessElement
    public void process(@Element KV<String, byte[]> file) throws IOException {
      Files.write(Path.of(dir, file.getKey()), file.getValue());
    }
  }

  /** Reads every file of a directory, by name. */
  static Map<String, String> read(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        files.put(f.getFileName().toString(),
            new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The single-machine engine's run over the same text, as file name to CSV text. */
  static Map<String, String> engine(ReportJob job, RandomTenantText t, Path work)
      throws IOException {
    Files.createDirectories(work);
    Path users = Files.writeString(work.resolve("users.csv"), t.usersCsv());
    Path groups = Files.writeString(work.resolve("groups.csv"), t.groupsCsv());
    Path events = Files.write(work.resolve("events.jsonl"), t.events());
    ReportJob.Result result = job.run(users, groups, events, ActivityEventReader.failFast());
    Map<String, String> files = new TreeMap<>();
    for (ReportTable table : result.tables()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ReportWriter.writeCsv(table, out);
      files.put(table.function().graphName() + ".csv",
          new String(out.toByteArray(), StandardCharsets.UTF_8));
    }
    return files;
  }
}
