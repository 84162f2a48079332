/** The contract test (TCK) of the service-desk {@code TicketSource} port. */
package io.tenantry.testkit.reports.servicedesk;
