/**
 * Usage reports: activity ingestion, the aggregation engine and the Microsoft Graph-compatible
 * report catalogue.
 */
module io.tenantry.reports {
  requires transitive io.tenantry.core;
  requires transitive io.tenantry.identity;
  requires com.fasterxml.jackson.core;
  requires transitive roaringbitmap;

  exports io.tenantry.reports;
  exports io.tenantry.reports.input;
  exports io.tenantry.reports.analytics;
  exports io.tenantry.reports.recommendations;
  exports io.tenantry.reports.spi;
  exports io.tenantry.reports.score;
  exports io.tenantry.reports.score.spi;
  exports io.tenantry.reports.servicedesk;
  exports io.tenantry.reports.servicedesk.spi;
}
