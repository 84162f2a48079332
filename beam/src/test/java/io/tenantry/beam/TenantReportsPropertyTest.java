package io.tenantry.beam;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.beam.sdk.Pipeline;

/**
 * For random tenants, the Beam pipeline's reports equal the single-machine engine's byte for byte,
 * with 1, 2 and 7 partitions. Few tries: each is one DirectRunner pipeline of three branches.
 */
class TenantReportsPropertyTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final int[] PARTITIONS = {1, 2, 7};

  @Property(tries = 3)
  void pipeline_randomTenant_equalsEngineWhateverThePartitions(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 12) int users, @ForAll @IntRange(min = 0, max = 80)
      int events, @ForAll boolean d30) throws IOException {
    RandomTenantText t = RandomTenantText.of(seed, users, events);
    ReportJob job = new ReportJob(T, "Contoso",
        ReportWindow.period(RandomTenantText.R, d30 ? Period.D30 : Period.D7),
        Arrays.asList(ReportFunction.values()), null);
    Path work = Files.createTempDirectory("beam-reports");
    Map<String, String> expected = Pipelines.engine(job, t, work.resolve("engine"));

    BeamReportSpec spec = BeamReportSpec.of(job, BeamReportSpec.Format.CSV, t.usersCsv(),
        t.groupsCsv());
    Pipeline p = Pipelines.create();
    for (int n : PARTITIONS) {
      Path dir = Files.createDirectories(work.resolve("p" + n));
      Pipelines.branch(p, "p" + n, t.events(), spec, n, dir);
    }
    p.run().waitUntilFinish();

    assertThat(expected).hasSize(ReportFunction.values().length);
    for (int n : PARTITIONS) {
      assertThat(Pipelines.read(work.resolve("p" + n))).as("%d partitions", n)
          .isEqualTo(expected);
    }
  }
}
