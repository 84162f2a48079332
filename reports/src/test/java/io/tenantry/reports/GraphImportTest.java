package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GraphImport}: which function a file is filed under (name first, then the best header
 * fit, undecided on a tie) and which bad data it refuses, each with its file and line.
 */
class GraphImportTest {
  private static final String TEAMS_DETAIL = "Report Refresh Date,User Principal Name,"
      + "Team Chat Message Count,Private Chat Message Count,Report Period\n";

  private static GraphImport.Imported read(String name, String csv) throws IOException {
    return GraphImport.read(new StringReader(csv), name);
  }

  private static Problem onlyProblem(ValidationException e) {
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static ValidationException refused(String name, String csv) {
    return (ValidationException) org.assertj.core.api.Assertions.catchThrowable(
        () -> read(name, csv));
  }

  @ParameterizedTest
  @ValueSource(strings = {"getMailboxUsageMailboxCounts", "getOffice365GroupsActivityFileCounts",
      "getOneDriveUsageAccountCounts", "getOneDriveUsageFileCounts",
      "getSharePointSiteUsageFileCounts", "getSharePointSiteUsageSiteCounts"})
  void read_fileNamedAfterUnsupportedFunction_isNotFiledUnderAnother(String function)
      throws IOException {
    GraphImport.Imported imp = read(function + ".csv",
        "Report Refresh Date,Site Type,Total,Active,Report Date,Report Period\n"
            + "2026-06-28,All,10,4,2026-06-28,7\n");

    assertThat(imp.function()).isNull();
    assertThat(imp.candidates()).isEmpty();
    assertThat(imp.table()).isNull();
    assertThat(GraphImport.unsupportedFunction(function.toLowerCase() + ".CSV")).contains(function);
  }

  @Test
  void unsupportedFunction_ofSupportedOrOtherName_isEmpty() {
    assertThat(GraphImport.unsupportedFunction("getYammerGroupsActivityGroupCounts.csv")).isEmpty();
    assertThat(GraphImport.unsupportedFunction("export.csv")).isEmpty();
  }

  @Test
  void read_realDistributionHeader_exactFitBeatsDeviceUsageUserCounts() throws IOException {
    GraphImport.Imported imp = read("export40.csv", "Report Refresh Date,Web,Windows Phone,"
        + "Android Phone,iOS,Mac,Windows,Chrome OS,Linux,Report Period\n"
        + "2026-06-28,3,0,1,2,0,5,0,0,7\n");

    assertThat(imp.function())
        .isEqualTo(ReportFunction.GET_TEAMS_DEVICE_USAGE_DISTRIBUTION_USER_COUNTS);
    assertThat(imp.candidates()).hasSize(1);
    assertThat(imp.missingColumns()).isEmpty();
    assertThat(imp.table().rows()).hasSize(1);
  }

  @Test
  void read_olderDistributionHeader_isDistributionWithTheNewColumnsMissing() throws IOException {
    GraphImport.Imported imp = read("old-distribution.csv", "Report Refresh Date,Web,"
        + "Windows Phone,Android Phone,iOS,Mac,Windows,Report Period\n2020-05-01,1,0,0,0,0,2,7\n");

    assertThat(imp.function())
        .isEqualTo(ReportFunction.GET_TEAMS_DEVICE_USAGE_DISTRIBUTION_USER_COUNTS);
    assertThat(imp.missingColumns()).containsExactly("Chrome OS", "Linux");
  }

  @Test
  void read_olderTeamsActivityCountsHeader_isTheFunctionTheSpecDocumentsItFor()
      throws IOException {
    GraphImport.Imported imp = read("old-teamscounts.csv", "Report Refresh Date,Report Date,"
        + "Team Chat Messages,Private Chat Messages,Calls,Meetings,Report Period\n"
        + "2020-05-01,2020-05-01,1,2,0,0,7\n");

    assertThat(imp.function()).isEqualTo(ReportFunction.GET_TEAMS_USER_ACTIVITY_COUNTS);
  }

  @Test
  void read_ambiguousHeaderInUnnamedFile_isUndecidedAndNotRead() throws IOException {
    // graph-reports.md §3.8: both functions have this (real) header
    GraphImport.Imported imp = read("mailcounts.csv", "Report Refresh Date,Send,Receive,Read,"
        + "Meeting Created,Meeting Interacted,Report Date,Report Period\n"
        + "2026-06-28,4,,9,1,1,2026-06-28,7\n");

    assertThat(imp.function()).isNull();
    assertThat(imp.table()).isNull();
    assertThat(imp.candidates()).containsExactlyInAnyOrder(
        ReportFunction.GET_EMAIL_ACTIVITY_COUNTS, ReportFunction.GET_EMAIL_ACTIVITY_USER_COUNTS);
  }

  @Test
  void read_olderEmailCountsHeader_isGetEmailActivityCounts() throws IOException {
    // §3.8: "Older DOC: Report Refresh Date,Send,Receive,Read,Report Date,Report Period"
    GraphImport.Imported imp = read("mailcounts.csv", "Report Refresh Date,Send,Receive,Read,"
        + "Report Date,Report Period\n2026-06-28,4,,9,2026-06-28,7\n");

    assertThat(imp.function()).isEqualTo(ReportFunction.GET_EMAIL_ACTIVITY_COUNTS);
    assertThat(imp.table().rows()).hasSize(1);
  }

  @Test
  void read_fileNamedAfterOneReportHoldingAnothersHeader_isRefused() {
    ValidationException e = refused("getEmailActivityUserDetail.csv",
        "Report Refresh Date,Report Date,Report Period,Office 365,Exchange,OneDrive,SharePoint,"
            + "Skype For Business,Yammer,Teams\n2026-06-28,2026-06-28,7,1,1,1,1,0,0,1\n");

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("header");
      assertThat(p.message()).contains("is not the header of a getEmailActivityUserDetail export")
          .contains("fits getOffice365ActiveUserCounts better");
    });
  }

  @Test
  void read_ambiguousHeaderInNamedFile_isTheNamedFunction() throws IOException {
    GraphImport.Imported imp = read("getEmailActivityUserCounts.csv", "Report Refresh Date,Send,"
        + "Receive,Read,Report Date,Report Period\n2026-06-28,4,,9,2026-06-28,7\n");

    assertThat(imp.function()).isEqualTo(ReportFunction.GET_EMAIL_ACTIVITY_USER_COUNTS);
    assertThat(imp.candidates()).containsExactly(ReportFunction.GET_EMAIL_ACTIVITY_USER_COUNTS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\uFEFF", "a,b,c\n1,2,3\n", "{\"value\":[{\"userPrincipalName\":\"x\"}]}\n"})
  void read_fileNamedAfterSupportedFunctionButNotThatReport_isRefusedNamingTheFile(String csv) {
    ValidationException e = refused("getTeamsUserActivityUserDetail.csv", csv);

    Problem p = onlyProblem(e);
    assertThat(p.toString()).contains("getTeamsUserActivityUserDetail export")
        .endsWith("(getTeamsUserActivityUserDetail.csv:1)");
  }

  @Test
  void read_unnamedFileThatIsNotAnExport_isOnlyNotRecognised() throws IOException {
    assertThat(read("export.csv", "a,b,c\n1,2,3\n").function()).isNull();
    assertThat(read("export.csv", "").candidates()).isEmpty();
  }

  @Test
  void read_rowsWithTooFewOrTooManyFields_areRefusedWithLineAndCounts() {
    ValidationException e = refused("getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
        + "2026-06-28,ann@contoso.com,1,2,7\n"
        + "2026-06-28,bob@contoso.com\n"
        + "2026-06-28,cat@contoso.com,1,2,7,extra\n");

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "row: has 2 fields but the header has 5 (getTeamsUserActivityUserDetail.csv:3)",
        "row: has 6 fields but the header has 5 (getTeamsUserActivityUserDetail.csv:4)");
  }

  @Test
  void read_repeatedColumn_isRefusedNamingIt() {
    ValidationException e = refused("getEmailActivityUserDetail.csv", "Report Refresh Date,"
        + "User Principal Name,Send Count,send  count,Report Period\n"
        + "2026-06-28,ann@contoso.com,1,2,30\n");

    assertThat(onlyProblem(e).toString()).isEqualTo("header: the column 'send  count' appears "
        + "more than once (value 'send  count') (getEmailActivityUserDetail.csv:1)");
  }

  @Test
  void read_negativeCount_isRefusedWithFieldAndValue() {
    ValidationException e = refused("getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
        + "2026-06-28,ann@contoso.com,-4,2,30\n");

    assertThat(onlyProblem(e).toString()).isEqualTo("Team Chat Message Count: must not be "
        + "negative (value '-4') (getTeamsUserActivityUserDetail.csv:2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"45", "D30", "", "-7"})
  void read_reportPeriodOtherThanTheFourGraphPeriods_isRefused(String period) {
    ValidationException e = refused("getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
        + "2026-06-28,ann@contoso.com,1,2," + period + "\n");

    Problem p = onlyProblem(e);
    assertThat(p.path()).isEqualTo("Report Period");
    assertThat(p.rejectedValue()).contains(period);
    assertThat(p.toString()).contains("must be 7, 30, 90 or 180")
        .endsWith("(getTeamsUserActivityUserDetail.csv:2)");
  }

  @Test
  void read_periodOfOneDay_isAcceptedInDetailExportsOnly() throws IOException {
    GraphImport.Imported detail = read("getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
        + "2026-06-28,ann@contoso.com,1,2,1\n");
    assertThat(detail.table().rows()).hasSize(1);

    ValidationException e = refused("getTeamsUserActivityCounts.csv", "Report Refresh Date,"
        + "Report Date,Team Chat Messages,Report Period\n2026-06-28,2026-06-28,1,1\n");
    assertThat(onlyProblem(e).toString()).isEqualTo("Report Period: must be 7, 30, 90 or 180 "
        + "(days) (value '1') (getTeamsUserActivityCounts.csv:2)");
  }

  @Test
  void read_theFourGraphPeriods_areAccepted() throws IOException {
    for (String period : new String[] {"7", "30", "90", "180", "1"}) {
      GraphImport.Imported imp = read("getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
          + "2026-06-28,ann@contoso.com,1,2," + period + "\n");
      assertThat(imp.table().rows().get(0).get(imp.table().indexOf("Report Period")))
          .isEqualTo(Long.valueOf(period));
    }
  }

  @Test
  void read_refreshDateDifferingBetweenRows_isRefusedAtTheDifferingLine() {
    ValidationException e = refused("getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
        + "2026-06-28,ann@contoso.com,1,2,30\n"
        + "2026-06-28,bob@contoso.com,1,2,30\n"
        + "2026-06-27,cat@contoso.com,1,2,30\n");

    Problem p = onlyProblem(e);
    assertThat(p.path()).isEqualTo("Report Refresh Date");
    assertThat(p.rejectedValue()).contains("2026-06-27");
    assertThat(p.toString()).contains("2026-06-28 of line 2")
        .endsWith("(getTeamsUserActivityUserDetail.csv:4)");
  }

  @Test
  void read_notUtf8_namesByteAndLineWithoutDecoderText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("getTeamsUserActivityUserDetail.csv");
    byte[] head = TEAMS_DETAIL.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
    bytes[head.length] = '2';
    bytes[head.length + 1] = '0';
    bytes[head.length + 2] = (byte) 0xFF;
    bytes[head.length + 3] = '\n';
    Files.write(file, bytes);

    assertThatThrownBy(() -> GraphImport.read(file)).isInstanceOfSatisfying(
        ValidationException.class, e -> assertThat(onlyProblem(e).toString()).isEqualTo(
            "file: is not valid UTF-8 text: byte " + (head.length + 3) + " (0xFF) is not part "
                + "of a UTF-8 character (getTeamsUserActivityUserDetail.csv:2)"));
  }
}
