package io.tenantry.reports.recommendations;

import java.util.Optional;

/**
 * One tenant recommendation rule. Built-in rules come from {@link BuiltInRules}; a host adds its
 * own by implementing this interface and passing it to {@link TenantAdvisor#with(TenantRule)}.
 *
 * <p>Implementations are pure functions of the facts: thread-safe, no I/O, no clock (the facts
 * carry their day). They look at one tenant's facts only.
 */
public interface TenantRule {

  /**
   * Returns the rule's stable id, e.g. {@code too-many-global-admins}.
   *
   * @return a non-blank id, unique within an advisor
   */
  String id();

  /**
   * Evaluates the rule.
   *
   * @param facts one tenant's facts
   * @return the finding, or empty when the tenant complies
   */
  Optional<Finding> evaluate(TenantFacts facts);
}
