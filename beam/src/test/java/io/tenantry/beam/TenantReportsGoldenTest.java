package io.tenantry.beam;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportWindow;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline reproduces the reports module's golden files ({@code golden/basic}, computed from
 * {@code fixtures/basic}; both are read from the reports module's test resources) byte for byte:
 * every report for D7, the detail reports for one date, and three reports as JSON. One DirectRunner
 * pipeline of three branches, with 3, 1 and 2 partitions.
 */
class TenantReportsGoldenTest {
  private static final LocalDate R = LocalDate.of(2026, 6, 30);
  private static final TenantId T = TenantId.of("default");

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TenantReportsGoldenTest.class.getResource("/" + name).toURI());
  }

  @Test
  void pipeline_basicFixture_reproducesGoldenFiles(@TempDir Path out) throws Exception {
    Path fixtures = resource("fixtures/basic");
    String users = Files.readString(fixtures.resolve("users.csv"), StandardCharsets.UTF_8);
    String groups = Files.readString(fixtures.resolve("groups.csv"), StandardCharsets.UTF_8);
    List<String> events = Files.readAllLines(fixtures.resolve("events.jsonl"),
        StandardCharsets.UTF_8);
    ReportJob d7 = new ReportJob(T, "Contoso", ReportWindow.period(R, Period.D7),
        Arrays.asList(ReportFunction.values()), null);
    ReportJob date = new ReportJob(T, "default", ReportWindow.day(R, LocalDate.of(2026, 6, 29)),
        Arrays.stream(ReportFunction.values()).filter(ReportFunction::acceptsDate).toList(), null);
    ReportJob json = new ReportJob(T, "default", ReportWindow.period(R, Period.D7),
        List.of(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL,
            ReportFunction.GET_M365_APP_USER_COUNTS,
            ReportFunction.GET_OFFICE365_ACTIVE_USER_DETAIL), null);

    Pipeline p = Pipelines.create();
    Pipelines.branch(p, "d7", events,
        BeamReportSpec.of(d7, BeamReportSpec.Format.CSV, users, groups), 3,
        Files.createDirectories(out.resolve("d7")));
    Pipelines.branch(p, "date", events,
        BeamReportSpec.of(date, BeamReportSpec.Format.CSV, users, groups), 1,
        Files.createDirectories(out.resolve("date-2026-06-29")));
    Pipelines.branch(p, "json", events,
        BeamReportSpec.of(json, BeamReportSpec.Format.JSON, users, groups), 2,
        Files.createDirectories(out.resolve("json-d7")));
    p.run().waitUntilFinish();

    for (String dir : List.of("d7", "date-2026-06-29", "json-d7")) {
      Path golden = resource("golden/basic/" + dir);
      assertThat(Pipelines.read(out.resolve(dir))).as(dir).isNotEmpty()
          .isEqualTo(Pipelines.read(golden));
      for (String name : Pipelines.read(golden).keySet()) {
        assertThat(Files.readAllBytes(out.resolve(dir).resolve(name))).as(name)
            .isEqualTo(Files.readAllBytes(golden.resolve(name)));
      }
    }
  }
}
