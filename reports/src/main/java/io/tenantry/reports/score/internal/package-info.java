/**
 * The Usage Score engine: event classification, the compiled per-user-day data and the sliding
 * 28-day window sweep that computes every history day in one pass. Not exported.
 */
package io.tenantry.reports.score.internal;
