package io.tenantry.reports.servicedesk.spi;

import io.tenantry.core.TenantId;
import io.tenantry.reports.servicedesk.Ticket;
import java.time.Instant;
import java.util.List;

/**
 * The port through which service-desk tickets reach the trend engine; a host implements it over
 * its ticketing system, or uses {@link InMemoryTicketSource} (which {@code tickets.csv} fills).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call names one tenant and returns only that tenant's tickets;
 *       a ticket of another tenant is never returned, whatever it references.</li>
 *   <li><b>Range.</b> {@link #tickets} returns the tickets opened at or after {@code from} and
 *       strictly before {@code until}, in any order; each ticket once.</li>
 *   <li><b>Threads and blocking.</b> Implementations are thread-safe; calls may block on I/O.</li>
 *   <li><b>Idempotency.</b> Reads only; calling twice gives the same tickets unless the source
 *       changed in between.</li>
 *   <li><b>Failures.</b> Storage or remote failures surface as {@link
 *       io.tenantry.core.error.PortFailureException} carrying the cause.</li>
 * </ul>
 */
public interface TicketSource {

  /**
   * Returns one tenant's tickets opened in a time range.
   *
   * @param tenant the tenant
   * @param from the earliest opening time, inclusive
   * @param until the latest opening time, exclusive
   * @return the tickets
   * @throws io.tenantry.core.error.PortFailureException if the source failed
   */
  List<Ticket> tickets(TenantId tenant, Instant from, Instant until);
}
