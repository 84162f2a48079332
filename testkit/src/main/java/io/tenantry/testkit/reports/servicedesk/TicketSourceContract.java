package io.tenantry.testkit.reports.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.servicedesk.Ticket;
import io.tenantry.reports.servicedesk.spi.TicketSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TicketSource} must meet. Extend it and return a source that holds the
 * given tickets:
 *
 * <pre>{@code
 * class MyTicketSourceContractTest extends TicketSourceContract {
 *   @Override protected TicketSource sourceWith(List<Ticket> tickets) { ... }
 * }
 * }</pre>
 */
public abstract class TicketSourceContract {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  /**
   * Returns a source holding exactly the given tickets (of several tenants).
   *
   * @param tickets the tickets
   * @return the source under test
   */
  protected abstract TicketSource sourceWith(List<Ticket> tickets);

  private static Ticket ticket(TenantId tenant, String id, Instant opened) {
    return new Ticket(tenant, id, Workload.TEAMS, 0, opened, null, 1, null, 0);
  }

  /** A tenant's query never returns another tenant's ticket, even one with the same id. */
  @Test
  public void tickets_neverReturnsAnotherTenantsTickets() {
    TicketSource s = sourceWith(List.of(ticket(A, "1", T0), ticket(B, "1", T0),
        ticket(B, "2", T0)));

    assertThat(s.tickets(A, Instant.EPOCH, Instant.MAX)).extracting(Ticket::tenant)
        .containsOnly(A).hasSize(1);
    assertThat(s.tickets(B, Instant.EPOCH, Instant.MAX)).hasSize(2);
    assertThat(s.tickets(TenantId.of("tenant-c"), Instant.EPOCH, Instant.MAX)).isEmpty();
  }

  /** The range includes its start and excludes its end. */
  @Test
  public void tickets_rangeIsHalfOpen() {
    TicketSource s = sourceWith(List.of(ticket(A, "start", T0),
        ticket(A, "inside", T0.plusSeconds(10)), ticket(A, "end", T0.plusSeconds(20))));

    assertThat(s.tickets(A, T0, T0.plusSeconds(20))).extracting(Ticket::id)
        .containsExactlyInAnyOrder("start", "inside");
  }

  /** Reading twice gives the same tickets. */
  @Test
  public void tickets_readsAreRepeatable() {
    TicketSource s = sourceWith(List.of(ticket(A, "1", T0), ticket(A, "2", T0)));

    assertThat(s.tickets(A, Instant.EPOCH, Instant.MAX))
        .containsExactlyInAnyOrderElementsOf(s.tickets(A, Instant.EPOCH, Instant.MAX));
  }
}
