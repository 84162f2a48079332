package io.tenantry.identity;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An administrative unit ({@code directory-semantics.md} §1): a container that scopes
 * administration. Assigned AUs list their member users and groups; a dynamic AU has a
 * {@link MembershipRule} over users instead (and no listed members). A restricted management AU
 * ({@code restricted}, §1.7) protects its members from every admin not scoped on it.
 *
 * <p>Adding a group brings the group object into scope, not its members (§1.3). AUs do not nest.
 * {@link #toAssigned} and {@link #withRule} switch the membership type (§1.2).
 *
 * @param id the AU's id
 * @param name its display name
 * @param memberUsers the ids of its directly assigned users
 * @param memberGroups its directly assigned groups
 * @param rule the dynamic membership rule, or null for an assigned AU
 * @param restricted whether it is a restricted management AU
 */
public record AdministrativeUnit(AdminUnitId id, String name, Set<String> memberUsers, Set<GroupId> memberGroups,
    MembershipRule rule, boolean restricted) {
  /**
   * Validates the AU and copies the sets.
   *
   * @throws NullPointerException if the id, name or a set is null
   */
  public AdministrativeUnit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    memberUsers = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(memberUsers));
    memberGroups = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(memberGroups));
  }

  /**
   * Tells whether membership is computed from a rule.
   *
   * @return true for a dynamic AU
   */
  public boolean isDynamic() {
    return rule != null;
  }

  /**
   * Returns the membership rule.
   *
   * @return the rule, or empty for an assigned AU
   */
  public Optional<MembershipRule> membershipRule() {
    return Optional.ofNullable(rule);
  }

  /**
   * Switches a dynamic AU to assigned membership (§1.2): the rule stops being processed and the
   * users it matches now in {@code directory} stay as listed members (groups may then be added). An
   * assigned AU is returned as it is.
   *
   * @param directory the tenant's directory the rule is evaluated in (the AU's own tenant)
   * @return the assigned AU, with the same id, name and restriction
   */
  public AdministrativeUnit toAssigned(Directory directory) {
    if (!isDynamic()) {
      return this;
    }
    Set<String> current = new LinkedHashSet<>();
    for (User u : directory.memberUsers(this)) {
      current.add(u.id().value());
    }
    return new AdministrativeUnit(id, name, current, Set.of(), null, restricted);
  }

  /**
   * Switches the AU to dynamic membership under a rule (§1.2): the listed users and groups are
   * dropped and the rule decides the members from now on (a dynamic AU holds users only).
   *
   * @param newRule the membership rule
   * @return the dynamic AU, with the same id, name and restriction
   * @throws NullPointerException if {@code newRule} is null
   */
  public AdministrativeUnit withRule(MembershipRule newRule) {
    Objects.requireNonNull(newRule, "newRule");
    return new AdministrativeUnit(id, name, Set.of(), Set.of(), newRule, restricted);
  }
}
