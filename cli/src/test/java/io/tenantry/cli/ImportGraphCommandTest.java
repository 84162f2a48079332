package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantry import-graph} on folders of bad, ambiguous or unsupported exports: what is
 * listed, what is refused (exit 65, with file and line on standard error) and what the score may
 * compute.
 */
class ImportGraphCommandTest {
  private static final String TEAMS_DETAIL = "Report Refresh Date,User Principal Name,"
      + "Team Chat Message Count,Private Chat Message Count,Report Period\n";

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void importGraph_fileNamedAfterUnsupportedFunction_isListedAsNotUsedNotFiledElsewhere(
      @TempDir Path dir) throws IOException {
    write(dir, "getMailboxUsageMailboxCounts.csv", "Report Refresh Date,Total,Active,"
        + "Report Date,Report Period\n2026-06-28,10,4,2026-06-28,7\n");

    CommandRun r = CommandRun.of("import-graph", dir.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("getMailboxUsageMailboxCounts.csv\t-\t-\t-\t-\t-")
        .doesNotContain("getYammerGroupsActivityGroupCounts");
    assertThat(r.err()).contains("tenantry: warning: getMailboxUsageMailboxCounts.csv: "
        + "getMailboxUsageMailboxCounts is a Graph report that Tenantry does not import")
        .contains("0 recognised");
  }

  @Test
  void importGraph_ambiguousUnnamedHeader_isUndecidedAndNotCountedAsRecognised(
      @TempDir Path dir) throws IOException {
    write(dir, "mailcounts.csv", "Report Refresh Date,Send,Receive,Read,Meeting Created,"
        + "Meeting Interacted,Report Date,Report Period\n2026-06-28,4,,9,1,1,2026-06-28,7\n");

    CommandRun r = CommandRun.of("import-graph", dir.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("mailcounts.csv\tundecided\t-\t-\t-\t-");
    assertThat(r.err()).contains("tenantry: warning: mailcounts.csv: undecided, not used: the "
        + "header fits getEmailActivityCounts, getEmailActivityUserCounts")
        .contains("1 file(s), 0 recognised, 1 undecided, 0 invalid");
  }

  @Test
  void importGraph_namedFileThatIsEmpty_exits65NamingTheFile(@TempDir Path dir)
      throws IOException {
    write(dir, "getTeamsUserActivityUserDetail.csv", "");

    CommandRun r = CommandRun.of("import-graph", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(r.out()).contains("getTeamsUserActivityUserDetail.csv\tinvalid");
    assertThat(r.err()).contains("tenantry: error: file: is empty, not a "
        + "getTeamsUserActivityUserDetail export").contains("(getTeamsUserActivityUserDetail.csv:1)");
  }

  @Test
  void importGraph_rowWithFewerFieldsThanHeader_exits65WithLineAndCounts(@TempDir Path dir)
      throws IOException {
    write(dir, "getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL
        + "2026-06-28,ann@contoso.com,1,2,30\n2026-06-28,bob@contoso.com\n");

    CommandRun r = CommandRun.of("import-graph", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(r.err()).contains("tenantry: error: row: has 2 fields but the header has 5 "
        + "(getTeamsUserActivityUserDetail.csv:3)");
  }

  @Test
  void importGraph_repeatedColumn_exits65NamingIt(@TempDir Path dir) throws IOException {
    write(dir, "getEmailActivityUserDetail.csv", "Report Refresh Date,User Principal Name,"
        + "Send Count,Send Count,Report Period\n2026-06-28,ann@contoso.com,1,2,30\n");

    CommandRun r = CommandRun.of("import-graph", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(r.err()).contains("the column 'Send Count' appears more than once")
        .contains("(getEmailActivityUserDetail.csv:1)");
  }

  @Test
  void importGraph_notUtf8_exits65WithByteAndLineAndNoJavaText(@TempDir Path dir)
      throws IOException {
    Files.write(dir.resolve("getTeamsUserActivityUserDetail.csv"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'});

    CommandRun r = CommandRun.of("import-graph", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(r.err()).contains("tenantry: error: file: is not valid UTF-8 text: byte 1 (0x89)")
        .contains("(getTeamsUserActivityUserDetail.csv:1)")
        .doesNotContain("Input length").doesNotContain(dir.toString());
  }

  @Test
  void importGraph_dirIsAnOrdinaryFile_exits66SayingItIsNotAFolder(@TempDir Path dir)
      throws IOException {
    write(dir, "getTeamsUserActivityUserDetail.csv", TEAMS_DETAIL);

    CommandRun r = CommandRun.of("import-graph",
        dir.resolve("getTeamsUserActivityUserDetail.csv").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(r.err()).contains("not a folder").doesNotContain("no such file");
  }

  @Test
  void importGraph_scoreWithOnlyActiveUserDetail_communicationIsNotComputable(
      @TempDir Path dir) throws IOException {
    String header = io.tenantry.reports.ReportFunction.GET_OFFICE365_ACTIVE_USER_DETAIL.columns()
        .stream().map(c -> c.header()).reduce((a, b) -> a + "," + b).orElseThrow();
    write(dir, "getOffice365ActiveUserDetail.csv", header + "\n"
        + "2026-06-28,ann@contoso.com,,False,,True,False,False,False,False,True"
        + ",,,,,,,,,,,,,\n");

    CommandRun r = CommandRun.of("import-graph", "--score", dir.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Communication\t-\t-\t-\tnot computable: needs a valid export "
        + "of getEmailActivityUserDetail and of getTeamsUserActivityUserDetail")
        .doesNotContain("Communication\t0");
  }
}
