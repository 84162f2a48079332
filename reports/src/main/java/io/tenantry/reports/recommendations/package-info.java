/**
 * Tenant recommendations: rules over a tenant's configuration and usage ({@link
 * io.tenantry.reports.recommendations.TenantFacts}) that say what to fix, the objects affected
 * and the one action that fixes it. Built-in rules are driven by {@link
 * io.tenantry.reports.recommendations.RuleSettings}; a host adds its own {@link
 * io.tenantry.reports.recommendations.TenantRule}s to a {@link
 * io.tenantry.reports.recommendations.TenantAdvisor}.
 */
package io.tenantry.reports.recommendations;
