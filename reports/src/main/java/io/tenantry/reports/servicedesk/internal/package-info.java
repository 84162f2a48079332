/** The service-desk trend engine's statistics. Not exported. */
package io.tenantry.reports.servicedesk.internal;
