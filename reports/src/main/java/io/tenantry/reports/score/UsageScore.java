package io.tenantry.reports.score;

import io.tenantry.core.TenantId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's Usage Score as of one day, as {@code usage-score.md} defines it: the six scenarios,
 * the total, recommendations, the 180-day history and the group-level views. {@link ScoreJson}
 * writes it as {@code score.json}.
 *
 * @param tenant the tenant
 * @param asOf the as-of day R (the window is R−27 … R)
 * @param windowDays the window length, 28
 * @param total the total
 * @param scenarios the six scenarios in the spec's order
 * @param recommendations one per applicable scenario below level 400, in the scenarios' order
 * @param history one entry per day, oldest first, the last one for {@code asOf}
 * @param groups for every dimension (in {@link GroupDimension} order) the views of the values held
 *     by at least ten people, ordered by value
 */
public record UsageScore(TenantId tenant, LocalDate asOf, int windowDays, TotalScore total,
    List<ScenarioResult> scenarios, List<Recommendation> recommendations,
    List<HistoryEntry> history, Map<GroupDimension, List<GroupView>> groups) {

  /**
   * Validates the score and copies its collections.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the scenarios are not the six in the spec's order
   */
  public UsageScore {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(total, "total");
    scenarios = List.copyOf(scenarios);
    recommendations = List.copyOf(recommendations);
    history = List.copyOf(history);
    if (!scenarios.stream().map(ScenarioResult::scenario).toList().equals(Scenario.inOrder())) {
      throw new IllegalArgumentException("a score lists the six scenarios in the spec's order");
    }
    EnumMap<GroupDimension, List<GroupView>> copy = new EnumMap<>(GroupDimension.class);
    for (GroupDimension d : GroupDimension.values()) {
      copy.put(d, List.copyOf(groups.getOrDefault(d, List.of())));
    }
    groups = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns one scenario's line.
   *
   * @param scenario the scenario
   * @return its line
   */
  public ScenarioResult scenario(Scenario scenario) {
    return scenarios.get(scenario.ordinal());
  }

  /**
   * Returns the recommendation for a scenario, if there is one.
   *
   * @param scenario the scenario
   * @return the recommendation, or empty when the scenario is not applicable or at level 400+
   */
  public Optional<Recommendation> recommendation(Scenario scenario) {
    return recommendations.stream().filter(r -> r.scenario() == scenario).findFirst();
  }
}
