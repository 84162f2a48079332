/**
 * Test support for the reports module: {@link io.tenantry.testkit.reports.NaiveReportOracle}, a
 * naive reference implementation of the aggregation engine, and {@link
 * io.tenantry.testkit.reports.ActivityScenario}, random small tenants for property tests.
 */
package io.tenantry.testkit.reports;
