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
 * {@link #toAssigned} and {@link #withRule} switch the membership type (§1.2). A dynamic AU's rule
 * processing may be {@linkplain #paused paused} and {@linkplain #resumed resumed} (§1.2: "Paused
 * stops evaluation without deleting the rule"): a paused AU lists, in {@code memberUsers}, the
 * users its rule matched when it was paused, and those are its members until processing resumes.
 * It stays dynamic meanwhile, so members still cannot be added or removed by hand.
 * {@link Directory.Builder#build} refuses a paused assigned AU, and a dynamic AU that lists groups,
 * or lists users while its rule is processed.
 *
 * @param id the AU's id
 * @param name its display name
 * @param memberUsers the ids of its directly assigned users; for a paused dynamic AU, its members
 *     at the pause
 * @param memberGroups its directly assigned groups
 * @param rule the dynamic membership rule, or null for an assigned AU
 * @param restricted whether it is a restricted management AU
 * @param processing whether a dynamic AU's rule is processed ({@link RuleProcessingState#ON} for an
 *     assigned AU)
 */
public record AdministrativeUnit(AdminUnitId id, String name, Set<String> memberUsers, Set<GroupId> memberGroups,
    MembershipRule rule, boolean restricted, RuleProcessingState processing) {
  /**
   * Validates the AU and copies the sets.
   *
   * @throws NullPointerException if the id, name, a set or the processing state is null
   */
  public AdministrativeUnit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(processing, "processing");
    memberUsers = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(memberUsers));
    memberGroups = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(memberGroups));
  }

  /**
   * An AU whose rule, if it has one, is processed ({@link RuleProcessingState#ON}).
   *
   * @param id the AU's id
   * @param name its display name
   * @param memberUsers the ids of its directly assigned users
   * @param memberGroups its directly assigned groups
   * @param rule the dynamic membership rule, or null for an assigned AU
   * @param restricted whether it is a restricted management AU
   * @throws NullPointerException if the id, name or a set is null
   */
  public AdministrativeUnit(AdminUnitId id, String name, Set<String> memberUsers, Set<GroupId> memberGroups,
      MembershipRule rule, boolean restricted) {
    this(id, name, memberUsers, memberGroups, rule, restricted, RuleProcessingState.ON);
  }

  /**
   * Tells whether this is a dynamic AU whose rule processing is paused: its members are then its
   * listed {@link #memberUsers}, not the rule's matches.
   *
   * @return true for a paused dynamic AU
   */
  public boolean isPaused() {
    return rule != null && processing == RuleProcessingState.PAUSED;
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
    return new AdministrativeUnit(id, name, currentMembers(directory), Set.of(), null, restricted);
  }

  /**
   * Pauses a dynamic AU's rule processing (§1.2): the rule is kept, and the users it matches now in
   * {@code directory} stay the members, unchanged, until {@link #resumed}. A paused AU is returned as
   * it is.
   *
   * @param directory the tenant's directory the rule is evaluated in (the AU's own tenant)
   * @return the paused AU, with the same id, name, rule and restriction
   * @throws IllegalStateException if this is an assigned AU (it has no rule to pause)
   */
  public AdministrativeUnit paused(Directory directory) {
    if (!isDynamic()) {
      throw new IllegalStateException("administrative unit " + id.value()
          + " has assigned membership: there is no rule processing to pause");
    }
    if (isPaused()) {
      return this;
    }
    return new AdministrativeUnit(id, name, currentMembers(directory), Set.of(), rule, restricted,
        RuleProcessingState.PAUSED);
  }

  /** The ids of the users that are this AU's members in the directory now, in its order. */
  private Set<String> currentMembers(Directory directory) {
    Set<String> current = new LinkedHashSet<>();
    for (User u : directory.memberUsers(this)) {
      current.add(u.id().value());
    }
    return current;
  }

  /**
   * Resumes a paused AU's rule processing: the rule decides the members again, evaluated against the
   * directory as it is. An AU whose rule is processed, or an assigned AU, is returned as it is.
   *
   * @return the AU with its rule processed
   */
  public AdministrativeUnit resumed() {
    if (!isPaused()) {
      return this;
    }
    return new AdministrativeUnit(id, name, Set.of(), Set.of(), rule, restricted);
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
