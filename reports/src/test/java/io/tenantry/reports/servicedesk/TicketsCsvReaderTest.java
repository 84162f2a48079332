package io.tenantry.reports.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.reports.input.Workload;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketsCsvReaderTest {

  @Test
  void read_validRows_bindsColumnsByName() throws IOException {
    String csv = "\uFEFFuser,ticket id,Opened,Resolved,Workload,TIER,Migration Date,Extra\r\n"
        + "u1@contoso.com,T-1,2026-06-01T09:30:00+02:00,2026-06-01T10:00:00Z,Teams,2,2026-05-20,x\r\n"
        + "u0,T-2,2026-06-02,,Exchange,,,\r\n";

    List<Ticket> t = TicketsCsvReader.read(ServiceDeskTrendsTest.T, new StringReader(csv),
        "tickets.csv", ServiceDeskTrendsTest.directory(2));

    assertThat(t).hasSize(2);
    assertThat(t.get(0).user()).isEqualTo(1);
    assertThat(t.get(0).opened()).isEqualTo(Instant.parse("2026-06-01T07:30:00Z"));
    assertThat(t.get(0).timeToResolve().orElseThrow().toMinutes()).isEqualTo(150);
    assertThat(t.get(0).tier()).isEqualTo(2);
    assertThat(t.get(0).migrationDate()).isEqualTo(LocalDate.parse("2026-05-20"));
    assertThat(t.get(1).workload()).isEqualTo(Workload.EXCHANGE);
    assertThat(t.get(1).resolved()).isNull();
    assertThat(t.get(1).tier()).isEqualTo(1);
    assertThat(t.get(1).line()).isEqualTo(3);
  }

  @Test
  void read_badRows_reportsEveryProblemWithItsLine() {
    String csv = "Ticket Id,Workload,User,Opened,Resolved,Tier,Tenant\n"
        + "T-1,Outlook,u0,2026-06-01,,1,\n"
        + "T-2,Teams,nobody,2026-06-01,,1,\n"
        + "T-3,Teams,u0,2026-06-02,2026-06-01,1,\n"
        + "T-4,Teams,u0,yesterday,,0,\n"
        + "T-1,Teams,u0,2026-06-01,,1,fabrikam\n";

    assertThatThrownBy(() -> TicketsCsvReader.read(ServiceDeskTrendsTest.T,
        new StringReader(csv), "tickets.csv", ServiceDeskTrendsTest.directory(1)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems()).extracting(p -> p.location().line() + " " + p.path())
              .containsExactly("2 Workload", "3 User", "4 Resolved", "5 Opened", "5 Tier",
                  "6 Ticket Id", "6 Tenant");
          assertThat(e.problems()).extracting(Problem::value).contains("Outlook", "nobody");
        });
  }

  @Test
  void read_aliasHeaders_areAccepted() throws IOException {
    String csv = "Ticket Id,User Principal Name,Workload,Opened,Resolved,Highest Tier\n"
        + "INC1,u1@contoso.com,OneDrive,2025-12-17T12:49:00Z,2025-12-17T17:49:00Z,3\n";

    List<Ticket> t = TicketsCsvReader.read(ServiceDeskTrendsTest.T, new StringReader(csv),
        "tickets.csv", ServiceDeskTrendsTest.directory(2));

    assertThat(t).singleElement().satisfies(x -> {
      assertThat(x.user()).isEqualTo(1);
      assertThat(x.tier()).isEqualTo(3);
    });
  }

  @Test
  void read_missingRequiredColumn_isRefused() {
    assertThatThrownBy(() -> TicketsCsvReader.read(ServiceDeskTrendsTest.T,
        new StringReader("Ticket Id,User\nT-1,u0\n"), "tickets.csv",
        ServiceDeskTrendsTest.directory(1)))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly("Workload", "Opened"));
  }

  @Test
  void read_rowsWithTooFewOrTooManyFields_areRefusedWithBothCounts() {
    String csv = "Ticket Id,Workload,User,Opened,Resolved,Tier\n"
        + "T-1,Teams,u0,2026-06-24\n"
        + "T-2,Teams,u0,2026-06-24,,1\n"
        + "T-3,Teams,u0,2026-06-24,,1,surplus\n";

    assertThatThrownBy(() -> TicketsCsvReader.read(ServiceDeskTrendsTest.T,
        new StringReader(csv), "tickets.csv", ServiceDeskTrendsTest.directory(1)))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "row: has 4 fields but the header has 6 (tickets.csv:2)",
                "row: has 7 fields but the header has 6 (tickets.csv:4)"));
  }
}
