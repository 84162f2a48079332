package io.tenantry.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a distribution list can be upgraded to a Microsoft 365 group, with every reason it cannot.
 *
 * <p>The spec is silent; the rules are Microsoft's published eligibility list for the Outlook
 * upgrade, reduced to what Tenantry's model holds: the group must be a distribution list; it must
 * not contain other groups nor be nested in one; it must have at least one member (a list with
 * owners only is not eligible); it may have at most 100 owners; its alias must hold only characters
 * allowed in an alias.
 *
 * @param eligible true when nothing stands in the way
 * @param reasons why not, one line each; empty when eligible
 */
public record DistributionListUpgrade(boolean eligible, List<String> reasons) {

  /** The most owners an upgradable list may have. */
  public static final int MAX_OWNERS = 100;

  /**
   * Validates the verdict and copies the reasons.
   *
   * @throws IllegalArgumentException if it is eligible with reasons, or not eligible without one
   */
  public DistributionListUpgrade {
    reasons = List.copyOf(reasons);
    if (eligible != reasons.isEmpty()) {
      throw new IllegalArgumentException("an upgrade verdict is eligible exactly when it has no"
          + " reason against it");
    }
  }

  /**
   * Checks a group.
   *
   * @param group the group
   * @param nestedInAnotherGroup whether a live group contains it
   * @return the verdict
   */
  public static DistributionListUpgrade check(Group group, boolean nestedInAnotherGroup) {
    Objects.requireNonNull(group, "group");
    List<String> reasons = new ArrayList<>();
    if (group.kind() != GroupKind.DISTRIBUTION) {
      reasons.add("only distribution lists can be upgraded; '" + group.id() + "' is a "
          + group.kind().fileName() + " group");
    }
    if (!group.memberGroups().isEmpty()) {
      reasons.add("it contains other groups " + group.memberGroups());
    }
    if (nestedInAnotherGroup) {
      reasons.add("it is a member of another group");
    }
    if (group.members().isEmpty()) {
      reasons.add("it has no members" + (group.owners().isEmpty() ? "" : " (owners only)"));
    }
    if (group.owners().size() > MAX_OWNERS) {
      reasons.add("it has " + group.owners().size() + " owners; at most " + MAX_OWNERS
          + " are allowed");
    }
    if (!NamingPolicy.toAlias(group.mailNickname()).equals(group.mailNickname())
        || group.mailNickname().isEmpty()) {
      reasons.add("its alias '" + group.mailNickname() + "' holds characters not allowed in an"
          + " alias");
    }
    return new DistributionListUpgrade(reasons.isEmpty(), reasons);
  }
}
