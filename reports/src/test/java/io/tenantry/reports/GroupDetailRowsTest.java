package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which groups a group detail report lists ({@code graph-reports.md} §1.2): Viva Engage lists every
 * group that existed at any point in the widest 180-day window, whatever the period; Microsoft 365
 * groups deleted before the period's window are left out unless active in it.
 */
class GroupDetailRowsTest {
  private static final LocalDate R = LocalDate.of(2026, 6, 30);

  private static List<String> names(Path dir, ReportFunction function, Period period)
      throws Exception {
    ReportJob job = new ReportJob(TenantId.of("contoso"), "Contoso", ReportWindow.period(R, period),
        List.of(function), null);
    ReportTable table = job.run(dir.resolve("users.csv"), dir.resolve("groups.csv"),
        dir.resolve("events.jsonl"), ActivityEventReader.failFast()).tables().get(0);
    int name = table.indexOf("Group Display Name");
    return table.rows().stream().map(row -> (String) row.get(name)).toList();
  }

  private static Path write(Path dir) throws Exception {
    Files.writeString(dir.resolve("users.csv"), "User Id,User Principal Name,Display Name\r\n"
        + "u1,ann@contoso.com,Ann\r\n");
    Files.writeString(dir.resolve("groups.csv"), "Group Id,Group Display Name,Group Type,"
        + "Owner Principal Name,Created Date,Deleted Date,Member Count,External Member Count,"
        + "Is Yammer Group,Office 365 Connected\r\n"
        + "y1,Yammer live,Public,ann@contoso.com,2025-01-01,,3,0,Yes,No\r\n"
        + "y2,Yammer deleted 20 days ago,Public,ann@contoso.com,2025-01-01,2026-06-10,3,0,Yes,No\r\n"
        + "y3,Yammer deleted 200 days ago,Public,ann@contoso.com,2025-01-01,2025-12-12,3,0,Yes,No\r\n"
        + "m1,M365 deleted 20 days ago,Private,ann@contoso.com,2025-01-01,2026-06-10,3,0,No,No\r\n");
    Files.writeString(dir.resolve("events.jsonl"), "");
    return dir;
  }

  @Test
  void yammerDetail_groupDeletedInsideThe180Days_isListedForEveryPeriod(@TempDir Path tmp)
      throws Exception {
    Path dir = write(tmp);

    for (Period p : Period.values()) {
      assertThat(names(dir, ReportFunction.GET_YAMMER_GROUPS_ACTIVITY_DETAIL, p))
          .as("%s", p).containsExactly("Yammer deleted 20 days ago", "Yammer live");
    }
  }

  @Test
  void m365Detail_groupDeletedBeforeTheWindowWithoutActivity_isLeftOut(@TempDir Path tmp)
      throws Exception {
    Path dir = write(tmp);

    assertThat(names(dir, ReportFunction.GET_OFFICE365_GROUPS_ACTIVITY_DETAIL, Period.D7))
        .isEmpty();
    assertThat(names(dir, ReportFunction.GET_OFFICE365_GROUPS_ACTIVITY_DETAIL, Period.D30))
        .containsExactly("M365 deleted 20 days ago");
  }
}
