package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.reports.GraphImport;
import io.tenantry.reports.ReportFunction;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportScoreTest {
  private static final String ACTIVE_HEADER = ReportFunction.GET_OFFICE365_ACTIVE_USER_DETAIL
      .columns().stream().map(c -> c.header()).reduce((a, b) -> a + "," + b).orElseThrow();

  /** An active-user-detail row: refresh date, UPN, deleted date, Exchange/Yammer/Teams licences. */
  private static String active(String upn, String deleted, boolean exchange, boolean yammer,
      boolean teams) {
    return "2026-06-30," + upn + ",," + (deleted.isEmpty() ? "False" : "True") + "," + deleted
        + "," + cap(exchange) + ",False,False,False," + cap(yammer) + "," + cap(teams)
        + ",,,,,,,,,,,,,\n";
  }

  private static String cap(boolean b) {
    return b ? "True" : "False";
  }

  private static GraphImport.Imported read(String name, String csv) throws IOException {
    return GraphImport.read(new StringReader(csv), name + ".csv");
  }

  /** A detail export of UPN and value pairs in one count column (other counts 0), period 7. */
  private static GraphImport.Imported detail(String function, String header, String prefix,
      String... pairs) throws IOException {
    StringBuilder sb = new StringBuilder("Report Refresh Date,User Principal Name," + header
        + ",Report Period\n");
    for (int i = 0; i < pairs.length; i += 2) {
      sb.append("2026-06-30,").append(pairs[i]).append(',').append(prefix).append(pairs[i + 1])
          .append(",7\n");
    }
    return read(function, sb.toString());
  }

  private static GraphImport.Imported email(String... sendCounts) throws IOException {
    return detail("getEmailActivityUserDetail", "Send Count", "", sendCounts);
  }

  private static GraphImport.Imported teams(String... chats) throws IOException {
    return detail("getTeamsUserActivityUserDetail",
        "Team Chat Message Count,Private Chat Message Count", "0,", chats);
  }

  @Test
  void of_fullExports_countsCommunicationAmongUsersEnabledForTwoServices() throws IOException {
    GraphImport.Imported activeUsers = read("getOffice365ActiveUserDetail", ACTIVE_HEADER + "\n"
        + active("ann@contoso.com", "", true, false, true)
        + active("bob@contoso.com", "", true, false, true)
        + active("cat@contoso.com", "", true, false, false)
        + active("dan@contoso.com", "2026-06-01", true, true, true));

    ExportScore.Result r = ExportScore.of(List.of(activeUsers,
        email("ANN@contoso.com", "3", "bob@contoso.com", "1", "cat@contoso.com", "2",
            "dan@contoso.com", "4"),
        teams("ann@contoso.com", "2", "bob@contoso.com", "0", "cat@contoso.com", "5",
            "dan@contoso.com", "1")));

    // M: ann and bob (cat has one service, dan was deleted before the 7-day period);
    // N: ann (e-mail and a Teams message); bob used one mode.
    assertThat(r.period()).isEqualTo(7L);
    assertThat(r.scenarios()).singleElement().satisfies(s -> {
      assertThat(s.scenario()).isEqualTo(Scenario.COMMUNICATION);
      assertThat(s.numerator()).isEqualTo(1);
      assertThat(s.denominator()).isEqualTo(2);
      assertThat(s.points()).isEqualByComparingTo(new BigDecimal("50.0"));
      assertThat(s.maturity().level()).isEqualTo(300);
    });
    assertThat(r.notComputable()).containsOnlyKeys(Scenario.CONTENT_COLLABORATION,
        Scenario.TEAMWORK, Scenario.MEETINGS, Scenario.MOBILITY, Scenario.DATA_PROTECTION);
  }

  @Test
  void of_withoutActiveUserDetail_communicationIsNotComputable() throws IOException {
    ExportScore.Result r = ExportScore.of(List.of(email("ann@contoso.com", "1")));

    assertThat(r.scenarios()).isEmpty();
    assertThat(r.notComputable().get(Scenario.COMMUNICATION))
        .contains("getOffice365ActiveUserDetail");
  }

  @Test
  void of_twoExportsOfOneReport_isRejectedNamingBoth() throws IOException {
    GraphImport.Imported first = email("ann@contoso.com", "1");
    GraphImport.Imported second = email("bob@contoso.com", "2");

    assertThatThrownBy(() -> ExportScore.of(List.of(first, second)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two exports of getEmailActivityUserDetail")
        .hasMessageContaining(first.source() + " and " + second.source());
  }

  @Test
  void of_exportsOfDifferentPeriods_isRejected() throws IOException {
    GraphImport.Imported d30 = read("getTeamsUserActivityUserDetail", "Report Refresh Date,"
        + "User Principal Name,Team Chat Message Count,Report Period\n"
        + "2026-06-30,ann@contoso.com,1,30\n");

    assertThatThrownBy(() -> ExportScore.of(List.of(email("ann@contoso.com", "1"), d30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different report "
            + "periods");
  }

  @Test
  void of_onlyActiveUserDetail_communicationIsNotComputableNamingTheMissingExports()
      throws IOException {
    GraphImport.Imported activeUsers = read("getOffice365ActiveUserDetail", ACTIVE_HEADER + "\n"
        + active("ann@contoso.com", "", true, false, true)
        + active("bob@contoso.com", "", true, false, true));

    ExportScore.Result r = ExportScore.of(List.of(activeUsers));

    assertThat(r.scenarios()).isEmpty();
    assertThat(r.notComputable().get(Scenario.COMMUNICATION))
        .contains("getEmailActivityUserDetail").contains("getTeamsUserActivityUserDetail")
        .doesNotContain("getYammerActivityUserDetail");
  }

  @Test
  void of_usersLicensedForYammerWithoutYammerExport_communicationIsNotComputable()
      throws IOException {
    GraphImport.Imported activeUsers = read("getOffice365ActiveUserDetail", ACTIVE_HEADER + "\n"
        + active("ann@contoso.com", "", true, true, true));

    ExportScore.Result r = ExportScore.of(List.of(activeUsers, email("ann@contoso.com", "1"),
        teams("ann@contoso.com", "1")));

    assertThat(r.scenarios()).isEmpty();
    assertThat(r.notComputable().get(Scenario.COMMUNICATION))
        .contains("getYammerActivityUserDetail");
  }
}
