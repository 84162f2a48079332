package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityColumnsTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final LocalDate R = LocalDate.of(2026, 6, 30);
  private static final UserDirectory USERS = UserDirectory.of(T, List.of(
      DirectoryUser.builder("u0", "ann@contoso.com").build(),
      DirectoryUser.builder("u1", "bob@contoso.com").createdDate(R.minusDays(2)).build()));
  private static final GroupDirectory GROUPS = GroupDirectory.empty(T);

  private static ActivityEvent chat(int user, LocalDate day, long count) {
    return ActivityEvent.of(user, day, Workload.TEAMS, Activity.TEAM_CHAT_MESSAGE, count);
  }

  @Test
  void aggregate_amountsBeyondThePackedRange_sumExactly() {
    long big = 3_000_000_000L;
    List<ActivityEvent> events = List.of(chat(0, R, big), chat(0, R, big), chat(0, R, 5),
        chat(0, R, (1L << 25) - 3), chat(0, R, 7));

    PartialAggregate agg = ActivityColumns.of(USERS, GROUPS, events)
        .aggregate(ReportWindow.period(R, Period.D7));

    long total = 2 * big + 5 + (1L << 25) - 3 + 7;
    assertThat(agg.userSum(0, Measure.TEAM_CHAT_MESSAGES)).isEqualTo(total);
    assertThat(agg.dailySum(R, Measure.TEAM_CHAT_MESSAGES)).isEqualTo(total);
    assertThat(agg).isEqualTo(ActivityAggregator.aggregate(USERS, GROUPS,
        ReportWindow.period(R, Period.D7), events));
  }

  @Test
  void aggregate_consecutiveEventsOfOneUserAndActivity_sumExactlyAcrossThePackedLimit() {
    // a two-user directory leaves a packed record 22 bits of count: the first two sum to the
    // largest one, the next ones start new records; other users and activities interleave
    List<ActivityEvent> events = List.of(chat(0, R, 4_000_000), chat(0, R, 194_303),
        chat(0, R, 1), chat(0, R, 3_000_000),
        ActivityEvent.of(0, R, Workload.TEAMS, Activity.PRIVATE_CHAT_MESSAGE, 9),
        chat(0, R, 5), chat(1, R, 2), chat(0, R, 6), chat(0, R.minusDays(1), 7));

    PartialAggregate agg = ActivityColumns.of(USERS, GROUPS, events)
        .aggregate(ReportWindow.period(R, Period.D7));

    assertThat(agg.userSum(0, Measure.TEAM_CHAT_MESSAGES)).isEqualTo(4_000_000L + 194_303 + 1
        + 3_000_000 + 5 + 6 + 7);
    assertThat(agg.userSum(0, Measure.PRIVATE_CHAT_MESSAGES)).isEqualTo(9);
    assertThat(agg.userSum(1, Measure.TEAM_CHAT_MESSAGES)).isEqualTo(2);
    assertThat(agg.dailySum(R, Measure.TEAM_CHAT_MESSAGES)).isEqualTo(4_000_000L + 194_303 + 1
        + 3_000_000 + 5 + 2 + 6);
    assertThat(agg.dailySum(R.minusDays(1), Measure.TEAM_CHAT_MESSAGES)).isEqualTo(7);
  }

  @Test
  void aggregate_userCreatedAfterTheReportDate_countsNowhereThatDay() {
    List<ActivityEvent> events = List.of(chat(0, R.minusDays(5), 2), chat(1, R.minusDays(5), 3),
        chat(1, R, 4));
    ActivityColumns columns = ActivityColumns.of(USERS, GROUPS, events);

    PartialAggregate early = columns.aggregate(ReportWindow.period(R.minusDays(3), Period.D7));
    PartialAggregate late = columns.aggregate(ReportWindow.period(R, Period.D7));

    assertThat(early.dailySum(R.minusDays(5), Measure.TEAM_CHAT_MESSAGES)).isEqualTo(2);
    assertThat(early.dailyUserCount(R.minusDays(5), UserSet.active(Workload.TEAMS))).isEqualTo(1);
    assertThat(early.usersWithActivity()).containsExactly(0);
    assertThat(late.dailySum(R.minusDays(5), Measure.TEAM_CHAT_MESSAGES)).isEqualTo(5);
    assertThat(late.userSum(1, Measure.TEAM_CHAT_MESSAGES)).isEqualTo(7);
    assertThat(late.lastActivity(1, Workload.TEAMS)).isEqualTo(R);
  }

  @Test
  void activeUserDays_eventsOfTwoUsersOverTwoDays_countsEachPairOnce() {
    ActivityColumns columns = ActivityColumns.of(USERS, GROUPS, List.of(chat(0, R, 1),
        chat(0, R, 1), chat(1, R, 1), chat(0, R.minusDays(1), 1)));

    assertThat(columns.activeUserDays()).isEqualTo(3);
    assertThat(columns.sizeInBytes()).isPositive();
  }

  @Test
  void builder_userOutsideTheDirectory_isRejected() {
    ActivityColumns.Builder b = ActivityColumns.builder(USERS, GROUPS);

    assertThatThrownBy(() -> b.add(chat(2, R, 1))).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("user index 2");
  }
}
