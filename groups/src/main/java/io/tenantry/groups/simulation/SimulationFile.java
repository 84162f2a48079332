package io.tenantry.groups.simulation;

import io.tenantry.core.TenantId;
import io.tenantry.groups.ExpirationPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A validated {@code groups simulate} input: the tenant, the policy and the day it is switched on,
 * the simulated range, the groups and what people do. Read one with {@link SimulationReader}.
 *
 * @param fileName the file name as given, for messages
 * @param tenant the tenant
 * @param policyEnabledOn the day the policy is in force from
 * @param from the first simulated day; not after {@code policyEnabledOn} nor after {@code to}
 * @param to the last simulated day, inclusive
 * @param policy the expiration policy
 * @param groups the groups, in file order, with distinct ids
 * @param actions the actions, in file order
 * @param warnings what the reader accepted but the user should know (e.g. a selected id that is not
 *     a Microsoft 365 group), each naming the file and line
 */
public record SimulationFile(String fileName, TenantId tenant, LocalDate policyEnabledOn,
    LocalDate from, LocalDate to, ExpirationPolicy policy, List<SimulatedGroup> groups,
    List<SimulatedAction> actions, List<String> warnings) {

  /**
   * Validates the value and copies its lists.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code from} is after {@code to} or after
   *     {@code policyEnabledOn}
   */
  public SimulationFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(policyEnabledOn, "policyEnabledOn");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(policy, "policy");
    if (from.isAfter(to) || from.isAfter(policyEnabledOn)) {
      throw new IllegalArgumentException("from " + from + " must not be after to " + to
          + " nor after policyEnabledOn " + policyEnabledOn);
    }
    groups = List.copyOf(groups);
    actions = List.copyOf(actions);
    warnings = List.copyOf(warnings);
  }
}
