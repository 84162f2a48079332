package io.tenantry.reports.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two months (May and June 2026) of a five-user tenant, counted by hand:
 * a — Teams since January, active 04-20, 05-10, 06-15; b — Teams from 06-10, first active 06-12;
 * c — no licence, mail sent 05-03 (and only received in June); d — Teams, deleted 05-20;
 * e — created after the as-of day. Cost Center: a, b CC1; c, d CC2.
 */
class UsageAnalyticsTest {
  static final TenantId T = TenantId.of("contoso");
  static final LocalDate R = LocalDate.parse("2026-06-30");

  static UserDirectory directory() {
    LocalDate jan = LocalDate.parse("2026-01-01");
    return UserDirectory.of(T, List.of(
        DirectoryUser.builder("a", "a@contoso.com").licence(Workload.TEAMS, jan)
            .attribute("Cost Center", "CC1").build(),
        DirectoryUser.builder("b", "b@contoso.com").licence(Workload.TEAMS, R.minusDays(20))
            .attribute("Cost Center", "CC1").build(),
        DirectoryUser.builder("c", "c@contoso.com").attribute("Cost Center", "CC2").build(),
        DirectoryUser.builder("d", "d@contoso.com").licence(Workload.TEAMS, jan)
            .deletedDate(LocalDate.parse("2026-05-20")).attribute("Cost Center", "CC2").build(),
        DirectoryUser.builder("e", "e@contoso.com").licence(Workload.TEAMS, jan)
            .createdDate(R.plusDays(5)).attribute("Cost Center", "CC1").build()));
  }

  static List<UsageRow> rows(String dimension) {
    UsageAnalytics.Computation c = UsageAnalytics.start(T, directory(),
        new UsageAnalytics.Options(R, 2, dimension));
    c.accept(ActivityEvent.of(0, LocalDate.parse("2026-04-20"), Workload.TEAMS,
        Activity.TEAM_CHAT_MESSAGE, 1));
    c.accept(ActivityEvent.of(0, LocalDate.parse("2026-05-10"), Workload.TEAMS, Activity.CALL, 1));
    c.accept(ActivityEvent.of(0, LocalDate.parse("2026-06-15"), Workload.TEAMS, Activity.CALL, 1));
    c.accept(ActivityEvent.of(1, LocalDate.parse("2026-06-12"), Workload.TEAMS, Activity.CALL, 1));
    c.accept(ActivityEvent.of(2, LocalDate.parse("2026-05-03"), Workload.EXCHANGE,
        Activity.EMAIL_SENT, 1));
    c.accept(ActivityEvent.of(2, LocalDate.parse("2026-06-01"), Workload.EXCHANGE,
        Activity.EMAIL_RECEIVED, 1));
    c.accept(ActivityEvent.of(4, LocalDate.parse("2026-06-01"), Workload.TEAMS, Activity.CALL, 1));
    c.accept(ActivityEvent.of(0, R.plusDays(1), Workload.TEAMS, Activity.CALL, 1));
    return c.finish();
  }

  static String figures(List<UsageRow> rows, Granularity g, Product p, String value,
      String start) {
    UsageRow r = rows.stream().filter(x -> x.granularity() == g && x.product() == p
        && x.dimensionValue().equals(value) && x.periodStart().toString().equals(start))
        .findFirst().orElseThrow();
    return r.enabledUsers() + " " + r.activeUsers() + " " + r.firstTimeUsers() + " "
        + r.returningUsers() + " " + r.cumulativeActiveUsers() + " " + r.activeUsersPercent()
        + " " + r.returningUsersPercent();
  }

  @Test
  void monthly_teams_enabledActiveFirstTimeReturningCumulative() {
    List<UsageRow> rows = rows(null);

    // enabled, active, first-time, returning, cumulative, active %, returning %
    assertThat(figures(rows, Granularity.MONTHLY, Product.TEAMS, "", "2026-05-01"))
        .isEqualTo("2 1 0 1 1 50.0 100.0");
    assertThat(figures(rows, Granularity.MONTHLY, Product.TEAMS, "", "2026-06-01"))
        .isEqualTo("2 2 1 1 2 100.0 50.0");
  }

  @Test
  void monthly_microsoft365_isAnyProduct() {
    List<UsageRow> rows = rows(null);

    assertThat(figures(rows, Granularity.MONTHLY, Product.MICROSOFT_365, "", "2026-05-01"))
        .isEqualTo("2 2 1 1 1 100.0 50.0");
    assertThat(figures(rows, Granularity.MONTHLY, Product.MICROSOFT_365, "", "2026-06-01"))
        .isEqualTo("2 2 1 1 2 100.0 50.0");
    assertThat(figures(rows, Granularity.MONTHLY, Product.EXCHANGE, "", "2026-05-01"))
        .isEqualTo("0 1 1 0 0 null 0.0");
    assertThat(figures(rows, Granularity.MONTHLY, Product.EXCHANGE, "", "2026-06-01"))
        .isEqualTo("0 0 0 0 0 null null");
  }

  @Test
  void dailyAndWeekly_periodsAndContentDate() {
    List<UsageRow> rows = rows(null);

    assertThat(figures(rows, Granularity.DAILY, Product.TEAMS, "", "2026-06-12"))
        .isEqualTo("2 1 1 0 2 50.0 0.0");
    // ISO weeks: 2026-05-01 is a Friday, so the first week starts on Monday 2026-04-27
    List<UsageRow> weekly = rows.stream().filter(r -> r.granularity() == Granularity.WEEKLY
        && r.product() == Product.TEAMS).toList();
    assertThat(weekly.get(0).periodStart()).isEqualTo(LocalDate.parse("2026-04-27"));
    assertThat(weekly.get(weekly.size() - 1).periodEnd()).isEqualTo(LocalDate.parse("2026-07-05"));
    assertThat(weekly.get(weekly.size() - 1).contentDate()).isEqualTo(R);
    assertThat(figures(rows, Granularity.WEEKLY, Product.TEAMS, "", "2026-06-15"))
        .isEqualTo("2 1 0 0 2 50.0 0.0");
    assertThat(rows.stream().filter(r -> r.granularity() == Granularity.DAILY
        && r.product() == Product.TEAMS)).hasSize(61);
  }

  @Test
  void extraColumn_slicesTheViews() {
    List<UsageRow> rows = rows("cost center");

    assertThat(rows).extracting(UsageRow::dimensionValue).containsOnly("CC1", "CC2");
    assertThat(figures(rows, Granularity.MONTHLY, Product.TEAMS, "CC2", "2026-05-01"))
        .isEqualTo("1 0 0 0 0 0.0 null");
    assertThat(figures(rows, Granularity.MONTHLY, Product.TEAMS, "CC1", "2026-06-01"))
        .isEqualTo("2 2 1 1 2 100.0 50.0");
  }

  @Test
  void csv_slicedRows_writeTheDimensionColumnAndBlankForNull() {
    List<UsageRow> rows = rows("Cost Center").stream().filter(r -> r.granularity()
        == Granularity.MONTHLY && r.product() == Product.EXCHANGE).toList();

    String csv = new String(UsageAnalyticsCsv.toBytes(rows, "Cost Center"),
        java.nio.charset.StandardCharsets.UTF_8);

    assertThat(csv).startsWith("\uFEFFGranularity,Timeframe,Period End,Content Date,Product,"
        + "Cost Center,EnabledUsers,ActiveUsers,FirstTimeUsers,MoMReturningUsers,"
        + "CumulativeActiveUsers,ActiveUsers(%),MoMReturningUsers(%)\r\n");
    // c (CC2) sent mail in May: active, first-time, nobody enabled for Exchange
    assertThat(csv).contains("Monthly,2026-05-01,2026-05-31,2026-05-31,Exchange,CC2,0,1,1,0,0,,0.0\r\n");
    assertThat(csv).contains("Monthly,2026-06-01,2026-06-30,2026-06-30,Exchange,CC1,0,0,0,0,0,,\r\n");
  }

  @Test
  void unknownDimension_isRefused() {
    assertThatThrownBy(() -> UsageAnalytics.start(T, directory(),
        new UsageAnalytics.Options(R, 2, "Shoe Size")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void directoryOfAnotherTenant_isDenied() {
    assertThatThrownBy(() -> UsageAnalytics.start(TenantId.of("fabrikam"), directory(),
        new UsageAnalytics.Options(R, 2, null)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void options_monthsBeyondTwelve_areRefused() {
    assertThatThrownBy(() -> new UsageAnalytics.Options(R, 13, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new UsageAnalytics.Options(R, 12, null).months()).isEqualTo(12);
  }
}
