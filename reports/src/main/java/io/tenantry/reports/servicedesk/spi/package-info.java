/**
 * Ports of the service-desk trends: {@link io.tenantry.reports.servicedesk.spi.TicketSource}, with
 * the in-memory {@link io.tenantry.reports.servicedesk.spi.InMemoryTicketSource}.
 */
package io.tenantry.reports.servicedesk.spi;
