package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.spi.InMemoryConcealmentSecrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the golden files of {@code src/test/resources/golden/basic} byte for byte. The golden
 * files were checked by hand against {@code activity-events.md} (the concealed tokens against an
 * independent HMAC-SHA-256 computation); see the fixture's comments in the CHANGELOG.
 */
class GoldenReportsTest {
  private static final LocalDate R = LocalDate.of(2026, 6, 30);

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(GoldenReportsTest.class.getResource("/" + name).toURI());
  }

  private static void assertGolden(ReportJob job, String goldenDir, boolean json)
      throws Exception {
    Path fixtures = resource("fixtures/basic");
    ReportJob.Result result = job.run(fixtures.resolve("users.csv"),
        fixtures.resolve("groups.csv"), fixtures.resolve("events.jsonl"),
        ActivityEventReader.failFast());
    Path golden = resource("golden/basic/" + goldenDir);
    List<String> expectedFiles;
    try (Stream<Path> s = Files.list(golden)) {
      expectedFiles = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(result.tables().stream()
        .map(t -> t.function().graphName() + (json ? ".json" : ".csv")).sorted().toList())
        .isEqualTo(expectedFiles);
    for (ReportTable table : result.tables()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (json) {
        ReportWriter.writeJson(table, out);
      } else {
        ReportWriter.writeCsv(table, out);
      }
      byte[] expected = Files.readAllBytes(golden.resolve(table.function().graphName()
          + (json ? ".json" : ".csv")));
      assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
          .as(table.function().graphName())
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      assertThat(out.toByteArray()).isEqualTo(expected);
    }
  }

  @Test
  void everyReport_periodD7_matchesGoldenCsv() throws Exception {
    assertGolden(new ReportJob(TenantId.of("default"), "Contoso",
        ReportWindow.period(R, Period.D7), Arrays.asList(ReportFunction.values()), null),
        "d7", false);
  }

  @Test
  void detailReports_singleDate_matchGoldenCsv() throws Exception {
    assertGolden(new ReportJob(TenantId.of("default"), "default",
        ReportWindow.day(R, LocalDate.of(2026, 6, 29)),
        Arrays.stream(ReportFunction.values()).filter(ReportFunction::acceptsDate).toList(),
        null), "date-2026-06-29", false);
  }

  @Test
  void selectedReports_json_matchGolden() throws Exception {
    assertGolden(new ReportJob(TenantId.of("default"), "default",
        ReportWindow.period(R, Period.D7),
        List.of(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL,
            ReportFunction.GET_M365_APP_USER_COUNTS,
            ReportFunction.GET_OFFICE365_ACTIVE_USER_DETAIL), null), "json-d7", true);
  }

  @Test
  void concealedReports_matchGoldenTokens() throws Exception {
    assertGolden(new ReportJob(TenantId.of("contoso"), "Contoso",
        ReportWindow.period(R, Period.D7),
        List.of(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL,
            ReportFunction.GET_OFFICE365_GROUPS_ACTIVITY_DETAIL),
        InMemoryConcealmentSecrets.of(
            "golden-test-secret-0123456789".getBytes(StandardCharsets.UTF_8))),
        "conceal-d7", false);
  }

  @Test
  void goldenCsv_readBackByImport_givesSameRows() throws Exception {
    Path fixtures = resource("fixtures/basic");
    ReportJob.Result result = new ReportJob(TenantId.of("default"), "Contoso",
        ReportWindow.period(R, Period.D7), Arrays.asList(ReportFunction.values()), null)
        .run(fixtures.resolve("users.csv"), fixtures.resolve("groups.csv"),
            fixtures.resolve("events.jsonl"), ActivityEventReader.failFast());
    for (ReportTable table : result.tables()) {
      GraphImport.Imported back = GraphImport.read(resource("golden/basic/d7/"
          + table.function().graphName() + ".csv"));
      assertThat(back.function()).isEqualTo(table.function());
      assertThat(back.missingColumns()).isEmpty();
      assertThat(back.table().rows()).as(table.function().graphName()).isEqualTo(table.rows());
    }
  }

  @Test
  void realExportVariant_isRecognisedByHeaderAndAliases() throws IOException {
    String csv = "\uFEFFReport Refresh Date,User Id,User Principal Name,Last Activity Date,"
        + "Is Deleted,Deleted Date,Used Web,Used Windows Phone,Used iOS,Used Mac,"
        + "Used Android Phone,Used Windows,Used  Chrome OS,Used Linux,Is Licensed,Report Period\r\n"
        + "2022-10-23,00000000-0000-0000-0000-000000000000,77E5979DD60BA6EAA53E814DBEEEFA5F,"
        + "2022-10-20,False,,Yes,No,No,No,No,Yes,No,No,Yes,7\r\n";
    GraphImport.Imported imp = GraphImport.read(new java.io.StringReader(csv), "export.csv");
    assertThat(imp.function()).isEqualTo(ReportFunction.GET_TEAMS_DEVICE_USAGE_USER_DETAIL);
    assertThat(imp.concealed()).isTrue();
    assertThat(imp.table().rows()).hasSize(1);
    String counts = "Report Refresh Date,Report Date,Team Chat Messages,Private Chat Messages,Calls,"
        + "Meetings,Meetings Organized Count,Meetings Attended Count,Audio Duration,Video Duration,"
        + "Screen Share Duration,Post Messages,Reply Messages,Report Period\n"
        + "2023-01-24,2023-01-24,,2,,0,,,PT0S,,,1,,7\n";
    GraphImport.Imported c = GraphImport.read(new java.io.StringReader(counts), "x.csv");
    assertThat(c.function()).isEqualTo(ReportFunction.GET_TEAMS_USER_ACTIVITY_COUNTS);
    List<Object> row = c.table().rows().get(0);
    assertThat(row.get(c.table().indexOf("Team Chat Messages"))).isEqualTo(0L);
    assertThat(row.get(c.table().indexOf("Private Chat Messages"))).isEqualTo(2L);
    assertThat(row.get(c.table().indexOf("Post Messages"))).isEqualTo(1L);
  }
}
