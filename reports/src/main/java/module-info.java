/**
 * Usage reports: activity ingestion, the aggregation engine and the Microsoft Graph-compatible
 * report catalogue.
 */
module io.tenantry.reports {
  requires transitive io.tenantry.core;
  requires com.fasterxml.jackson.core;
  requires roaringbitmap;

  exports io.tenantry.reports;
  exports io.tenantry.reports.input;
  exports io.tenantry.reports.spi;
  exports io.tenantry.reports.score;
  exports io.tenantry.reports.score.spi;
}
