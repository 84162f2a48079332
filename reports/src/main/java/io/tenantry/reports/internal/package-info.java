/**
 * The engine of the usage reports and its helpers (CSV reading, header binding, cell parsing). Not
 * exported.
 */
package io.tenantry.reports.internal;
