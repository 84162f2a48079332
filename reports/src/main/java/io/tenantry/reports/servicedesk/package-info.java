/**
 * Service-desk trends: tickets through the {@link
 * io.tenantry.reports.servicedesk.spi.TicketSource} port or {@code tickets.csv} ({@link
 * io.tenantry.reports.servicedesk.TicketsCsvReader}), weekly volume and volume per active user per
 * workload, time to resolve, escalation rates, newly migrated versus run-state callers, and
 * robust z-score spike detection ({@link io.tenantry.reports.servicedesk.ServiceDeskTrends}).
 */
package io.tenantry.reports.servicedesk;
