package io.tenantry.reports.recommendations;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant recommendation engine: a list of {@link TenantRule}s evaluated over a tenant's
 * {@link TenantFacts}. Start from {@link #builtIn(RuleSettings)}, add a host's own rules with
 * {@link #with(TenantRule)}, drop any with {@link #without(String)}. Immutable and thread-safe.
 */
public final class TenantAdvisor {
  private final Map<String, TenantRule> rules;

  private TenantAdvisor(Map<String, TenantRule> rules) {
    this.rules = rules;
  }

  /**
   * Returns an advisor with the six built-in rules.
   *
   * @param settings the thresholds
   * @return the advisor
   */
  public static TenantAdvisor builtIn(RuleSettings settings) {
    Map<String, TenantRule> m = new LinkedHashMap<>();
    BuiltInRules.all(Objects.requireNonNull(settings, "settings")).forEach(r -> m.put(r.id(), r));
    return new TenantAdvisor(m);
  }

  /**
   * Returns an advisor with one more rule, evaluated after the others.
   *
   * @param rule the rule
   * @return a new advisor
   * @throws IllegalArgumentException if a rule with the same id is already present
   */
  public TenantAdvisor with(TenantRule rule) {
    Objects.requireNonNull(rule, "rule");
    if (rules.containsKey(rule.id())) {
      throw new IllegalArgumentException("a rule with id '" + rule.id() + "' is already present");
    }
    Map<String, TenantRule> m = new LinkedHashMap<>(rules);
    m.put(rule.id(), rule);
    return new TenantAdvisor(m);
  }

  /**
   * Returns an advisor without a rule.
   *
   * @param ruleId the rule's id
   * @return a new advisor (the same rules when none has that id)
   */
  public TenantAdvisor without(String ruleId) {
    Map<String, TenantRule> m = new LinkedHashMap<>(rules);
    m.remove(ruleId);
    return new TenantAdvisor(m);
  }

  /**
   * Returns the ids of the rules, in evaluation order.
   *
   * @return the ids
   */
  public List<String> ruleIds() {
    return List.copyOf(rules.keySet());
  }

  /**
   * Evaluates every rule.
   *
   * @param tenant the tenant
   * @param facts the tenant's facts
   * @return the findings, in rule order
   * @throws AccessDeniedException if the facts belong to another tenant
   */
  public List<Finding> evaluate(TenantId tenant, TenantFacts facts) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(facts, "facts");
    if (!facts.tenant().equals(tenant)) {
      throw new AccessDeniedException("the facts of tenant " + facts.tenant()
          + " cannot be evaluated for tenant " + tenant);
    }
    List<Finding> out = new ArrayList<>();
    for (TenantRule r : rules.values()) {
      Optional<Finding> f = r.evaluate(facts);
      f.ifPresent(out::add);
    }
    return out;
  }
}
