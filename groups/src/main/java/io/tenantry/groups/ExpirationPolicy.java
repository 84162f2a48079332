package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's group expiration policy (Graph {@code groupLifecyclePolicy}, directory-semantics
 * §3.1): one per tenant, applying to Microsoft 365 groups only.
 *
 * @param lifetimeDays days until a group expires, and how far a renewal extends it; at least 30
 * @param managedGroupTypes which Microsoft 365 groups the policy manages
 * @param selected the managed groups when {@code Selected} (at most 500); ignored otherwise
 * @param alternateNotificationEmails where notices of groups without owners go, in order
 */
public record ExpirationPolicy(int lifetimeDays, ManagedGroupTypes managedGroupTypes,
    Set<GroupId> selected, List<String> alternateNotificationEmails) {

  /**
   * Validates the policy, collecting every problem.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws ValidationException listing every problem: {@code policy.lifetimeDays} under 30,
   *     {@code policy.selected} with more than 500 groups, a blank {@code
   *     policy.alternateNotificationEmails} entry
   */
  public ExpirationPolicy {
    Objects.requireNonNull(managedGroupTypes, "managedGroupTypes");
    selected = Set.copyOf(selected);
    alternateNotificationEmails = List.copyOf(alternateNotificationEmails);
    Problems problems = new Problems();
    if (lifetimeDays < LifecycleRules.MIN_LIFETIME_DAYS) {
      problems.add("policy.lifetimeDays", "must be at least " + LifecycleRules.MIN_LIFETIME_DAYS
          + " days", lifetimeDays);
    }
    if (selected.size() > LifecycleRules.MAX_SELECTED_GROUPS) {
      problems.add("policy.selected", "lists " + selected.size() + " groups; at most "
          + LifecycleRules.MAX_SELECTED_GROUPS + " are allowed", selected.size());
    }
    for (int i = 0; i < alternateNotificationEmails.size(); i++) {
      if (alternateNotificationEmails.get(i).isBlank()) {
        problems.add("policy.alternateNotificationEmails[" + i + "]", "must not be blank",
            alternateNotificationEmails.get(i));
      }
    }
    problems.throwIfAny();
  }

  /**
   * Creates a policy managing every Microsoft 365 group.
   *
   * @param lifetimeDays the lifetime, at least 30
   * @param alternateNotificationEmails addresses for ownerless groups
   * @return the policy
   * @throws ValidationException if the lifetime is under 30
   */
  public static ExpirationPolicy all(int lifetimeDays, List<String> alternateNotificationEmails) {
    return new ExpirationPolicy(lifetimeDays, ManagedGroupTypes.ALL, Set.of(),
        alternateNotificationEmails);
  }

  /**
   * Tells whether the policy manages a group: a Microsoft 365 group in its scope. Security and
   * distribution groups are never managed.
   *
   * @param group the group
   * @return true when the group's expiration is governed by this policy
   */
  public boolean manages(Group group) {
    if (group.kind() != GroupKind.MICROSOFT_365) {
      return false;
    }
    return switch (managedGroupTypes) {
      case ALL -> true;
      case SELECTED -> selected.contains(group.id());
      case NONE -> false;
    };
  }

  /**
   * Computes a managed group's first expiration day E: its creation day plus the lifetime, or, for a
   * group created before the policy was switched on whose E would fall before {@code enabledOn +
   * 35}, exactly {@code enabledOn + 35}.
   *
   * @param group the group
   * @param enabledOn the day the policy was switched on
   * @return E
   */
  public LocalDate initialExpiration(Group group, LocalDate enabledOn) {
    return expirationFrom(group.createdOn(), enabledOn);
  }

  /**
   * Computes an expiration day from a clock origin (creation or last renewal): origin + lifetime,
   * raised to {@code enabledOn + 35} when the origin is before {@code enabledOn} and the result
   * would fall earlier. Used when the policy is switched on or changed (9.12).
   *
   * @param origin the creation or last renewal day
   * @param enabledOn the day the policy (or its change) takes effect
   * @return E
   */
  public LocalDate expirationFrom(LocalDate origin, LocalDate enabledOn) {
    LocalDate e = origin.plusDays(lifetimeDays);
    LocalDate floor = enabledOn.plusDays(LifecycleRules.ENABLEMENT_GRACE_DAYS);
    if (origin.isBefore(enabledOn) && e.isBefore(floor)) {
      return floor;
    }
    return e;
  }

  /**
   * Returns who receives a group's expiration notices: its owners in order, or the alternate
   * addresses when it has no owner (an empty list when it has neither).
   *
   * @param group the group
   * @return the recipients
   */
  public List<String> noticeRecipients(Group group) {
    if (!group.owners().isEmpty()) {
      return group.owners().stream().map(Object::toString).toList();
    }
    return alternateNotificationEmails;
  }
}
