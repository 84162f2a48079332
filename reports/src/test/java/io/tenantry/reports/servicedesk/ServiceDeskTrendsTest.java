package io.tenantry.reports.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import java.io.StringReader;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.servicedesk.spi.InMemoryTicketSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceDeskTrendsTest {
  static final TenantId T = TenantId.of("contoso");
  static final LocalDate R = LocalDate.parse("2026-06-30");

  static UserDirectory directory(int users) {
    List<DirectoryUser> list = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      DirectoryUser.Builder b = DirectoryUser.builder("u" + i, "u" + i + "@contoso.com");
      if (i == 0) {
        b.attribute("Migration Date", "2026-06-10");
      }
      list.add(b.build());
    }
    return UserDirectory.of(T, list);
  }

  static Instant at(LocalDate day, int hour) {
    return day.atStartOfDay(ZoneOffset.UTC).plusHours(hour).toInstant();
  }

  static Ticket ticket(String id, Workload w, int user, LocalDate day, Integer hoursToResolve,
      int tier) {
    return new Ticket(T, id, w, user, at(day, 8),
        hoursToResolve == null ? null : at(day, 8 + hoursToResolve), tier, null, 0);
  }

  static WeeklyTrend row(ServiceDeskReport r, LocalDate weekEnd, Workload w, Segment s) {
    return r.trends().stream().filter(t -> t.weekEnd().equals(weekEnd) && t.workload() == w
        && t.segment() == s).findFirst().orElseThrow();
  }

  @Test
  void ticketsPerActiveUser_hundredFromTenIsWorseThanThousandFromThousand() {
    UserDirectory dir = directory(1000);
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, dir, new ServiceDeskTrends.Options(R, 1, 3.5));
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      c.accept(ActivityEvent.of(i, R, Workload.TEAMS, Activity.TEAM_CHAT_MESSAGE, 1));
    }
    for (int i = 0; i < 1000; i++) {
      c.accept(ActivityEvent.of(i, R.minusDays(6), Workload.EXCHANGE, Activity.EMAIL_SENT, 1));
    }
    c.accept(ActivityEvent.of(999, R, Workload.EXCHANGE, Activity.EMAIL_RECEIVED, 1));
    for (int i = 0; i < 100; i++) {
      tickets.add(ticket("t" + i, Workload.TEAMS, i % 10, R, 1, 1));
    }
    for (int i = 0; i < 1000; i++) {
      tickets.add(ticket("e" + i, Workload.EXCHANGE, i, R.minusDays(i % 7), 1, 1));
    }

    ServiceDeskReport r = c.finish(tickets);

    WeeklyTrend teams = row(r, R, Workload.TEAMS, Segment.ALL);
    WeeklyTrend exchange = row(r, R, Workload.EXCHANGE, Segment.ALL);
    assertThat(teams.tickets()).isEqualTo(100);
    assertThat(teams.activeUsers()).isEqualTo(10);
    assertThat(teams.ticketsPerActiveUser()).isEqualTo(new BigDecimal("10.0000"));
    assertThat(exchange.tickets()).isEqualTo(1000);
    assertThat(exchange.activeUsers()).isEqualTo(1000);
    assertThat(exchange.ticketsPerActiveUser()).isEqualTo(new BigDecimal("1.0000"));
    assertThat(teams.ticketsPerActiveUser()).isGreaterThan(exchange.ticketsPerActiveUser());
  }

  @Test
  void timeToResolve_medianAndNearestRankP90_overResolvedTicketsOnly() {
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, directory(5), new ServiceDeskTrends.Options(R, 2, 3.5));
    List<Ticket> tickets = List.of(
        ticket("a", Workload.TEAMS, 1, R, 1, 1),
        ticket("b", Workload.TEAMS, 1, R, 2, 2),
        ticket("c", Workload.TEAMS, 2, R.minusDays(1), 3, 3),
        ticket("d", Workload.TEAMS, 2, R.minusDays(6), 4, 1),
        ticket("e", Workload.TEAMS, 3, R.minusDays(2), null, 2),
        ticket("old", Workload.TEAMS, 3, R.minusDays(7), 100, 1));

    ServiceDeskReport r = c.finish(tickets);

    WeeklyTrend w = row(r, R, Workload.TEAMS, Segment.ALL);
    assertThat(w.weekStart()).isEqualTo(R.minusDays(6));
    assertThat(w.tickets()).isEqualTo(5);
    assertThat(w.resolved()).isEqualTo(4);
    assertThat(w.medianHoursToResolve()).isEqualTo(new BigDecimal("2.50"));
    assertThat(w.p90HoursToResolve()).isEqualTo(new BigDecimal("4.00"));
    // tiers 1, 2, 3, 1, 2: reached 2+ → 3 of 5, reached 3 → 1 of 5
    assertThat(w.escalationRate(2)).isEqualTo(new BigDecimal("0.6000"));
    assertThat(w.escalationRate(3)).isEqualTo(new BigDecimal("0.2000"));
    assertThat(w.activeUsers()).isNull();
    assertThat(w.ticketsPerActiveUser()).isNull();
    WeeklyTrend before = row(r, R.minusDays(7), Workload.TEAMS, Segment.ALL);
    assertThat(before.tickets()).isEqualTo(1);
    assertThat(before.medianHoursToResolve()).isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void segments_newlyMigratedWithinThirtyDaysOfTheTicket() {
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, directory(5), new ServiceDeskTrends.Options(R, 1, 3.5));
    c.accept(ActivityEvent.of(0, R, Workload.TEAMS, Activity.CALL, 1));
    c.accept(ActivityEvent.of(1, R, Workload.TEAMS, Activity.CALL, 1));
    List<Ticket> tickets = List.of(
        // u0 migrated 2026-06-10 (users.csv): 20 days → newly migrated
        ticket("a", Workload.TEAMS, 0, R, 1, 1),
        // the ticket's own date wins: 31 days before → run state
        new Ticket(T, "b", Workload.TEAMS, 0, at(R, 9), null, 1, R.minusDays(31), 0),
        // migration on the ticket's day → newly migrated
        new Ticket(T, "c", Workload.TEAMS, 1, at(R, 9), null, 2, R, 0),
        // migrated after the ticket → run state
        new Ticket(T, "d", Workload.TEAMS, 1, at(R, 9), null, 1, R.plusDays(1), 0));

    ServiceDeskReport r = c.finish(tickets);

    assertThat(row(r, R, Workload.TEAMS, Segment.NEWLY_MIGRATED).tickets()).isEqualTo(2);
    assertThat(row(r, R, Workload.TEAMS, Segment.RUN_STATE).tickets()).isEqualTo(2);
    assertThat(row(r, R, Workload.TEAMS, Segment.ALL).tickets()).isEqualTo(4);
    // active users: u0 (migrated 06-10, within 30 days of the week) newly, u1 run state
    assertThat(row(r, R, Workload.TEAMS, Segment.NEWLY_MIGRATED).activeUsers()).isEqualTo(1);
    assertThat(row(r, R, Workload.TEAMS, Segment.RUN_STATE).activeUsers()).isEqualTo(1);
    assertThat(row(r, R, Workload.TEAMS, Segment.NEWLY_MIGRATED).escalationRate(2))
        .isEqualTo(new BigDecimal("0.5000"));
  }

  /** 20 tickets a week, {@code escalated[w]} of them reaching tier 2, weeks oldest first. */
  private static List<Ticket> weekly(int[] escalated, int weeks) {
    List<Ticket> out = new ArrayList<>();
    for (int w = 0; w < weeks; w++) {
      LocalDate day = R.minusDays(7L * (weeks - 1 - w));
      for (int i = 0; i < 20; i++) {
        out.add(ticket("w" + w + "-" + i, Workload.SHARE_POINT, i, day, 2,
            i < escalated[w] ? 2 : 1));
      }
    }
    return out;
  }

  @Test
  void spikes_escalationRateFarAboveTheTrailingEightWeeks_isReportedWithItsFigures() {
    int[] escalated = {2, 3, 2, 2, 3, 2, 3, 2, 2, 10, 3};
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, directory(20), new ServiceDeskTrends.Options(R, 3, 3.5));

    ServiceDeskReport r = c.finish(weekly(escalated, 11));

    assertThat(r.spikes()).singleElement().satisfies(s -> {
      assertThat(s.weekEnd()).isEqualTo(R.minusDays(7));
      assertThat(s.metric()).isEqualTo("escalationRateTier2");
      assertThat(s.value()).isEqualTo(new BigDecimal("0.5000"));
      assertThat(s.baselineMedian()).isEqualTo(new BigDecimal("0.1000"));
      assertThat(s.baselineMad()).isEqualTo(new BigDecimal("0.0000"));
      // baseline weeks 1-8: 0.15, 0.1, 0.1, 0.15, 0.1, 0.15, 0.1, 0.1 → median 0.1, MAD 0;
      // mean absolute deviation 0.15 / 8 = 0.01875, × 1.2533 → z = 0.4 / 0.0234994 = 17.02
      assertThat(s.robustZ()).isEqualTo(new BigDecimal("17.02"));
      assertThat(s.tickets()).isEqualTo(20);
      assertThat(s.escalated()).isEqualTo(10);
    });
  }

  @Test
  void spikes_thresholdIsConfigurable() {
    int[] escalated = {2, 3, 2, 2, 3, 2, 3, 2, 2, 10, 3};
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, directory(20), new ServiceDeskTrends.Options(R, 3, 20));

    assertThat(c.finish(weekly(escalated, 11)).spikes()).isEmpty();
  }

  @Test
  void spikes_normalizedVolumeRise_andFlatBaseline() {
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, directory(40), new ServiceDeskTrends.Options(R, 1, 3.5));
    List<Ticket> tickets = new ArrayList<>();
    for (int w = 0; w < 9; w++) {
      LocalDate day = R.minusDays(7L * (8 - w));
      for (int u = 0; u < 10; u++) {
        c.accept(ActivityEvent.of(u, day, Workload.ONE_DRIVE, Activity.FILE_SYNCED, 1));
      }
      int n = w == 8 ? 30 : 10;    // 1 ticket per active user, then 3
      for (int i = 0; i < n; i++) {
        tickets.add(ticket("o" + w + "-" + i, Workload.ONE_DRIVE, i % 10, day, 1, 1));
      }
    }

    ServiceDeskReport r = c.finish(tickets);

    assertThat(r.spikes()).singleElement().satisfies(s -> {
      assertThat(s.metric()).isEqualTo("ticketsPerActiveUser");
      assertThat(s.value()).isEqualTo(new BigDecimal("3.0000"));
      assertThat(s.robustZ()).isNull();     // the baseline is flat at 1.0
      assertThat(s.activeUsers()).isEqualTo(10);
      assertThat(s.tickets()).isEqualTo(30);
    });
  }

  @Test
  void finish_ticketOfAnotherTenant_isDenied() {
    ServiceDeskTrends.Computation c =
        ServiceDeskTrends.start(T, directory(2), ServiceDeskTrends.Options.of(R));
    Ticket foreign = new Ticket(TenantId.of("fabrikam"), "x", Workload.TEAMS, 0, at(R, 1), null,
        1, null, 0);

    assertThatThrownBy(() -> c.finish(List.of(foreign)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void ticketSource_returnsOnlyTheTenantsTicketsInRange() {
    InMemoryTicketSource source = new InMemoryTicketSource().addAll(List.of(
        ticket("a", Workload.TEAMS, 0, R, 1, 1),
        ticket("old", Workload.TEAMS, 0, R.minusYears(2), 1, 1),
        new Ticket(TenantId.of("fabrikam"), "a", Workload.TEAMS, 0, at(R, 1), null, 1, null, 0)));

    ServiceDeskReport r = ServiceDeskTrends.start(T, directory(2),
        new ServiceDeskTrends.Options(R, 1, 3.5)).finish(source);

    assertThat(row(r, R, Workload.TEAMS, Segment.ALL).tickets()).isEqualTo(1);
    assertThat(source.tickets(TenantId.of("fabrikam"), Instant.EPOCH, Instant.MAX))
        .extracting(Ticket::tenant).containsOnly(TenantId.of("fabrikam"));
  }

  @Test
  void activeUsers_eventsOfAUserCreatedAfterAsOf_countNowhere() {
    List<DirectoryUser> users = List.of(
        DirectoryUser.builder("u1", "u1@contoso.com").build(),
        DirectoryUser.builder("u2", "u2@contoso.com").createdDate(R).build(),
        DirectoryUser.builder("u3", "u3@contoso.com").createdDate(R.plusDays(15)).build());
    ServiceDeskTrends.Computation c = ServiceDeskTrends.start(T, UserDirectory.of(T, users),
        new ServiceDeskTrends.Options(R, 1, 3.5));
    for (int u = 0; u < 3; u++) {
      c.accept(ActivityEvent.of(u, R.minusDays(5), Workload.SHARE_POINT,
          Activity.PAGE_VIEWED, 1));
    }

    ServiceDeskReport r = c.finish(List.of(ticket("t1", Workload.SHARE_POINT, 0, R, 1, 1)));

    WeeklyTrend all = row(r, R, Workload.SHARE_POINT, Segment.ALL);
    assertThat(all.activeUsers()).isEqualTo(2);
    assertThat(all.ticketsPerActiveUser()).isEqualByComparingTo("0.5");
  }

  @Test
  void start_badMigrationDate_namesTheDirectorysOwnFile() throws Exception {
    UserDirectory dir = UsersCsvReader.read(T, new StringReader(
        "User Id,User Principal Name,Migration Date\n"
            + "u1,u1@x.com,27/05/2026\n"
            + "u2,u2@x.com,2026-05-27\n"), "/data/directory.csv");

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ServiceDeskTrends.start(T, dir, ServiceDeskTrends.Options.of(R)));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location().toString()).isEqualTo("/data/directory.csv:2");
      assertThat(p.path()).isEqualTo("Migration Date");
      assertThat(p.value()).isEqualTo("27/05/2026");
    });
  }
}
