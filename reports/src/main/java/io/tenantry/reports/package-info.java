/**
 * Usage reports: streaming readers for users.csv, groups.csv and events.jsonl, the columnar aggregation engine with mergeable partial aggregates, the Microsoft Graph-compatible report catalogue and its CSV/JSON writers, Graph export import, concealed names, the Usage Score, recommendations and campaigns, usage analytics and service-desk trends.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.reports;
