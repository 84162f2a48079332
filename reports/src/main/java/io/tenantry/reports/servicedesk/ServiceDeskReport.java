package io.tenantry.reports.servicedesk;

import io.tenantry.core.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's service-desk trends: weekly rows per workload and segment, and the spikes found.
 *
 * @param tenant the tenant
 * @param asOf the last day of the last week
 * @param weeks how many weeks the rows cover
 * @param maxTier the highest tier reported in the escalation rates (at least 3)
 * @param eventsGiven whether activity events were given (active users and the normalized volume
 *     are null otherwise)
 * @param trends rows by week (oldest first), workload, then segment
 * @param spikes spikes by week, workload, then metric
 */
public record ServiceDeskReport(TenantId tenant, LocalDate asOf, int weeks, int maxTier,
    boolean eventsGiven, List<WeeklyTrend> trends, List<Spike> spikes) {

  /**
   * Validates the report and copies its lists.
   *
   * @throws NullPointerException if a component is null
   */
  public ServiceDeskReport {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(asOf, "asOf");
    trends = List.copyOf(trends);
    spikes = List.copyOf(spikes);
  }
}
