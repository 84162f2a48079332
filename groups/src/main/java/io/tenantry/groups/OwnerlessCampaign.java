package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The weekly asks of the ownerless policy for one group: the recipients fixed at the first notice,
 * who accepted, and how many notices were sent. Immutable; each step returns a new campaign.
 *
 * @param group the group
 * @param recipients the members asked, fixed at the first notice
 * @param accepted who accepted, at most two
 * @param noticesSent the weekly notices sent so far
 * @param weeks the notices the policy sends at most
 */
public record OwnerlessCampaign(GroupId group, List<UserId> recipients, List<UserId> accepted,
    int noticesSent, int weeks) {

  /**
   * Validates the campaign and copies its lists.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if more than two accepted or someone accepted who was not asked
   */
  public OwnerlessCampaign {
    Objects.requireNonNull(group, "group");
    recipients = List.copyOf(recipients);
    accepted = List.copyOf(accepted);
    if (accepted.size() > OwnerlessPolicy.MAX_ACCEPTANCES || !recipients.containsAll(accepted)) {
      throw new IllegalArgumentException("at most two of the asked members may accept, got "
          + accepted);
    }
  }

  /**
   * Tells whether a weekly notice is still due: recipients remain, the weeks are not over and nobody
   * accepted yet.
   *
   * @return true when the next weekly notice should go out
   */
  public boolean noticeDue() {
    return !recipients.isEmpty() && noticesSent < weeks && accepted.isEmpty();
  }

  /**
   * Records a weekly notice.
   *
   * @return the campaign after the notice
   */
  public OwnerlessCampaign noticeSent() {
    return new OwnerlessCampaign(group, recipients, accepted, noticesSent + 1, weeks);
  }

  /**
   * Records a member's acceptance; the caller makes them an owner (and audits it).
   *
   * @param member the member
   * @return the campaign after the acceptance
   * @throws ValidationException if the member was not asked, already accepted, or two members
   *     already accepted
   */
  public OwnerlessCampaign accept(UserId member) {
    if (!recipients.contains(member)) {
      throw new ValidationException(Problem.of("member", "was not asked to become an owner of"
          + " group '" + group + "' (the recipients are fixed at the first notice)", member));
    }
    if (accepted.contains(member)) {
      throw new ValidationException(Problem.of("member", "already accepted", member));
    }
    if (accepted.size() >= OwnerlessPolicy.MAX_ACCEPTANCES) {
      throw new ValidationException(Problem.of("member", "two members already accepted; an admin"
          + " must assign further owners", member));
    }
    List<UserId> next = new ArrayList<>(accepted);
    next.add(member);
    return new OwnerlessCampaign(group, recipients, next, noticesSent, weeks);
  }

  /**
   * Tells whether an admin must now assign an owner: every notice went out and nobody accepted.
   *
   * @return true when the campaign ended without an owner
   */
  public boolean needsAdmin() {
    return accepted.isEmpty() && (recipients.isEmpty() || noticesSent >= weeks);
  }
}
