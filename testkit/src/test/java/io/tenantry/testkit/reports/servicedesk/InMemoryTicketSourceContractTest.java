package io.tenantry.testkit.reports.servicedesk;

import io.tenantry.reports.servicedesk.Ticket;
import io.tenantry.reports.servicedesk.spi.InMemoryTicketSource;
import io.tenantry.reports.servicedesk.spi.TicketSource;
import java.util.List;

class InMemoryTicketSourceContractTest extends TicketSourceContract {
  @Override
  protected TicketSource sourceWith(List<Ticket> tickets) {
    return new InMemoryTicketSource().addAll(tickets);
  }
}
