package io.tenantry.reports.servicedesk;

import io.tenantry.reports.input.Workload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A week whose figure rose abnormally against the trailing eight weeks: its robust z-score
 * {@code (value − median) ÷ (1.4826 × MAD)} reached the threshold. When the baseline's MAD is 0
 * the mean absolute deviation (× 1.2533) stands in; when that is 0 too, any value above the flat
 * baseline is a spike and {@code robustZ} is null.
 *
 * @param weekStart the first day of the week
 * @param weekEnd the last day of the week
 * @param workload the workload
 * @param metric {@code ticketsPerActiveUser} or {@code escalationRateTier<N>}
 * @param value the week's value
 * @param baselineMedian the median of the trailing weeks' values
 * @param baselineMad the median absolute deviation of the trailing weeks' values
 * @param robustZ the robust z-score, 2 decimals; null for a flat baseline
 * @param threshold the threshold in force
 * @param tickets the week's tickets
 * @param activeUsers the week's active users of the workload, or null without events
 * @param escalated for an escalation metric, the tickets that reached the tier; otherwise null
 */
public record Spike(LocalDate weekStart, LocalDate weekEnd, Workload workload, String metric,
    BigDecimal value, BigDecimal baselineMedian, BigDecimal baselineMad, BigDecimal robustZ,
    BigDecimal threshold, int tickets, Integer activeUsers, Integer escalated) {

  /**
   * Validates the spike.
   *
   * @throws NullPointerException if a required component is null
   */
  public Spike {
    Objects.requireNonNull(weekStart, "weekStart");
    Objects.requireNonNull(weekEnd, "weekEnd");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(baselineMedian, "baselineMedian");
    Objects.requireNonNull(baselineMad, "baselineMad");
    Objects.requireNonNull(threshold, "threshold");
  }
}
