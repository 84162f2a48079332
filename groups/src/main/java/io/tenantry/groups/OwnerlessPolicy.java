package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ownerless group policy (directory-semantics §3.2), separate from expiration: each week, ask the
 * most active members of a group without owners to become owners.
 *
 * <p>Guests are never asked. When {@code allowedGroup} is set, only its members (nested groups
 * included, as the caller's predicate decides) are asked. The recipients are fixed at the first
 * notice ({@link OwnerlessCampaign}); up to two of them may accept; after {@code weeks} notices an
 * admin must assign an owner.
 *
 * @param membersToNotify how many members to ask (at least 1)
 * @param weeks how many weekly notices (at least 1)
 * @param allowedGroup the security group whose members may be asked, or null for any member
 * @param targetGroups the groups the policy covers, or empty for every Microsoft 365 group
 * @param sender the user or group mailbox the notices come from (not a shared mailbox)
 */
public record OwnerlessPolicy(int membersToNotify, int weeks, GroupId allowedGroup,
    Set<GroupId> targetGroups, String sender) {

  /** The most members of a group who may accept ownership. */
  public static final int MAX_ACCEPTANCES = 2;

  /**
   * Validates the policy.
   *
   * @throws ValidationException listing every problem: a count or a number of weeks under 1, a
   *     blank sender
   */
  public OwnerlessPolicy {
    Objects.requireNonNull(sender, "sender");
    targetGroups = Set.copyOf(targetGroups);
    Problems problems = new Problems();
    if (membersToNotify < 1) {
      problems.add("ownerlessPolicy.membersToNotify", "must be at least 1", membersToNotify);
    }
    if (weeks < 1) {
      problems.add("ownerlessPolicy.weeks", "must be at least 1", weeks);
    }
    if (sender.isBlank()) {
      problems.add("ownerlessPolicy.sender", "must name a user or group mailbox", sender);
    }
    problems.throwIfAny();
  }

  /**
   * Tells whether the policy covers a group now: a live Microsoft 365 group without owners, among
   * the target groups when they are listed.
   *
   * @param group the group
   * @return true when its members should be asked
   */
  public boolean covers(Group group) {
    return group.kind() == GroupKind.MICROSOFT_365 && group.isOwnerless()
        && (targetGroups.isEmpty() || targetGroups.contains(group.id()));
  }

  /**
   * Starts a campaign for a group: picks the members to ask, most active first.
   *
   * @param group the group
   * @param mostActiveFirst users ranked by activity in the group, most active first
   * @param inAllowedGroup tells whether a user may be asked (membership of {@code allowedGroup});
   *     ignored when {@code allowedGroup} is null
   * @return the campaign, with no recipient when the policy does not cover the group
   */
  public OwnerlessCampaign start(Group group, List<UserId> mostActiveFirst,
      Predicate<UserId> inAllowedGroup) {
    List<UserId> picked = new ArrayList<>();
    if (covers(group)) {
      Set<UserId> members = new java.util.HashSet<>();
      group.members().stream().filter(m -> !m.guest()).forEach(m -> members.add(m.user()));
      for (UserId u : mostActiveFirst) {
        if (picked.size() == membersToNotify) {
          break;
        }
        if (members.contains(u) && !picked.contains(u)
            && (allowedGroup == null || inAllowedGroup.test(u))) {
          picked.add(u);
        }
      }
    }
    return new OwnerlessCampaign(group.id(), picked, List.of(), 0, weeks);
  }
}
