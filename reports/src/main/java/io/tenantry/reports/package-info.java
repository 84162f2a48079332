/**
 * Usage reports: the report engine over per-user per-day activity with mergeable partial
 * aggregates, the Microsoft Graph-compatible report catalogue ({@code graph-reports.md} §3) and its
 * CSV/JSON writers, concealed names, and the import of Graph CSV exports. Inputs are read by {@code
 * io.tenantry.reports.input}.
 */
package io.tenantry.reports;
