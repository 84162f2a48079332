package io.tenantry.reports.servicedesk.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.reports.servicedesk.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TicketSource} held in memory, per tenant. Thread-safe.
 */
public final class InMemoryTicketSource implements TicketSource {
  private final Map<TenantId, Map<String, Ticket>> byTenant = new HashMap<>();

  /** Creates an empty source. */
  public InMemoryTicketSource() {}

  /**
   * Adds tickets, each under its own tenant.
   *
   * @param tickets the tickets
   * @return this source
   * @throws ConflictException of kind {@code DUPLICATE_ID} if a tenant already holds a different
   *     ticket with the same id (adding an equal ticket again is a no-op)
   */
  public synchronized InMemoryTicketSource addAll(List<Ticket> tickets) {
    for (Ticket t : tickets) {
      Map<String, Ticket> mine = byTenant.computeIfAbsent(t.tenant(), k -> new HashMap<>());
      Ticket old = mine.putIfAbsent(t.id(), t);
      if (old != null && !old.equals(t)) {
        throw new ConflictException("DUPLICATE_ID", "tenant " + t.tenant()
            + " already holds a different ticket " + t.id());
      }
    }
    return this;
  }

  @Override
  public synchronized List<Ticket> tickets(TenantId tenant, Instant from, Instant until) {
    Objects.requireNonNull(tenant, "tenant");
    List<Ticket> out = new ArrayList<>();
    for (Ticket t : byTenant.getOrDefault(tenant, Map.of()).values()) {
      if (!t.opened().isBefore(from) && t.opened().isBefore(until)) {
        out.add(t);
      }
    }
    return out;
  }
}
