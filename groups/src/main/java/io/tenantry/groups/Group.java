package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group of one tenant: its id, names, kind, creation day, owners, members (guests included),
 * e-mail addresses and per-group guest setting. An immutable value; change it with the
 * {@code with…} methods.
 *
 * <p>The lifecycle state (live, soft-deleted, purged; expiration) is not part of the group: it is
 * held next to it in a {@link GroupState}, so a restore brings back exactly this value.
 *
 * @param id the group's id, stable for its whole life (a restore keeps it)
 * @param displayName the display name; non-blank
 * @param mailNickname the alias (Graph {@code mailNickname}); may be empty for security groups
 * @param kind Microsoft 365, security or distribution
 * @param createdOn the day the group was created; it exists from that day on
 * @param owners the owners, in the order they were added; no duplicates
 * @param members the members, guests included, in the order they were added; no duplicate user
 * @param memberGroups the groups nested in this one (security groups nest, e.g. in the group allowed
 *     to create Microsoft 365 groups); no duplicates, never the group itself
 * @param proxyAddresses the group's e-mail addresses ({@code SMTP:} primary, {@code smtp:}
 *     secondary), compared case-insensitively for restore conflicts
 * @param guestSetting the group's own guest setting
 */
public record Group(GroupId id, String displayName, String mailNickname, GroupKind kind,
    LocalDate createdOn, List<UserId> owners, List<GroupMember> members,
    List<GroupId> memberGroups, List<String> proxyAddresses, GuestSetting guestSetting) {

  /**
   * Validates the group and copies its lists.
   *
   * @throws NullPointerException if a component or a list element is null
   * @throws ValidationException listing every problem: a blank display name, a duplicate owner,
   *     a duplicate member
   */
  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(mailNickname, "mailNickname");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdOn, "createdOn");
    Objects.requireNonNull(guestSetting, "guestSetting");
    owners = List.copyOf(owners);
    members = List.copyOf(members);
    memberGroups = List.copyOf(memberGroups);
    proxyAddresses = List.copyOf(proxyAddresses);
    Problems problems = new Problems();
    if (displayName.isBlank()) {
      problems.add("group.displayName", "must not be blank (group '" + id + "')", displayName);
    }
    Set<UserId> seen = new HashSet<>();
    for (UserId owner : owners) {
      if (!seen.add(owner)) {
        problems.add("group.owners", "lists an owner twice (group '" + id + "')", owner);
      }
    }
    seen.clear();
    for (GroupMember member : members) {
      if (!seen.add(member.user())) {
        problems.add("group.members", "lists a member twice (group '" + id + "')", member.user());
      }
    }
    if (new HashSet<>(memberGroups).size() != memberGroups.size() || memberGroups.contains(id)) {
      problems.add("group.memberGroups", "lists a group twice or the group itself (group '" + id
          + "')", memberGroups);
    }
    problems.throwIfAny();
  }

  /**
   * Creates a group with no owners, members or addresses, whose alias is its display name with the
   * characters an alias cannot hold removed.
   *
   * @param id the id
   * @param displayName the display name
   * @param kind the kind
   * @param createdOn the creation day
   * @return the group
   * @throws ValidationException if the display name is blank
   */
  public static Group of(GroupId id, String displayName, GroupKind kind, LocalDate createdOn) {
    return new Group(id, displayName, NamingPolicy.toAlias(displayName), kind, createdOn,
        List.of(), List.of(), List.of(), List.of(), GuestSetting.INHERIT);
  }

  /**
   * Returns a copy with other owners.
   *
   * @param newOwners the owners
   * @return the new group
   */
  public Group withOwners(List<UserId> newOwners) {
    return new Group(id, displayName, mailNickname, kind, createdOn, newOwners, members,
        memberGroups, proxyAddresses, guestSetting);
  }

  /**
   * Returns a copy with other members.
   *
   * @param newMembers the members
   * @return the new group
   */
  public Group withMembers(List<GroupMember> newMembers) {
    return new Group(id, displayName, mailNickname, kind, createdOn, owners, newMembers,
        memberGroups, proxyAddresses, guestSetting);
  }

  /**
   * Returns a copy with other nested groups.
   *
   * @param groups the nested groups
   * @return the new group
   */
  public Group withMemberGroups(List<GroupId> groups) {
    return new Group(id, displayName, mailNickname, kind, createdOn, owners, members, groups,
        proxyAddresses, guestSetting);
  }

  /**
   * Returns a copy with other names.
   *
   * @param newDisplayName the display name
   * @param newMailNickname the alias
   * @return the new group
   */
  public Group withNames(String newDisplayName, String newMailNickname) {
    return new Group(id, newDisplayName, newMailNickname, kind, createdOn, owners, members,
        memberGroups, proxyAddresses, guestSetting);
  }

  /**
   * Returns a copy with other e-mail addresses.
   *
   * @param newProxyAddresses the addresses
   * @return the new group
   */
  public Group withProxyAddresses(List<String> newProxyAddresses) {
    return new Group(id, displayName, mailNickname, kind, createdOn, owners, members,
        memberGroups, newProxyAddresses, guestSetting);
  }

  /**
   * Returns a copy with another per-group guest setting.
   *
   * @param setting the setting
   * @return the new group
   */
  public Group withGuestSetting(GuestSetting setting) {
    return new Group(id, displayName, mailNickname, kind, createdOn, owners, members,
        memberGroups, proxyAddresses, setting);
  }

  /**
   * Tells whether the group exists on a day (it exists from its creation day on).
   *
   * @param day the day
   * @return true when {@code day} is not before {@link #createdOn()}
   */
  public boolean existsOn(LocalDate day) {
    return !day.isBefore(createdOn);
  }

  /**
   * Tells whether the group has no owner.
   *
   * @return true when {@link #owners()} is empty
   */
  public boolean isOwnerless() {
    return owners.isEmpty();
  }
}
