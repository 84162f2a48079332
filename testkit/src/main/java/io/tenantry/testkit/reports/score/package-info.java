/**
 * Test support for the Usage Score: a naive reference implementation ({@link
 * io.tenantry.testkit.reports.score.NaiveUsageScore}) and random tenants ({@link
 * io.tenantry.testkit.reports.score.ScoreInputs}).
 */
package io.tenantry.testkit.reports.score;
