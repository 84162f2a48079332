/**
 * Usage analytics ({@code graph-reports.md} §5): daily, weekly and monthly enabled, active,
 * first-time, returning and cumulative active users per product, sliced by any {@code users.csv}
 * column. Entry point: {@link io.tenantry.reports.analytics.UsageAnalytics}.
 */
package io.tenantry.reports.analytics;
