package io.tenantry.groups;

import io.tenantry.core.UserId;
import java.util.Objects;

/**
 * A member of a group: a user of the tenant or a guest (a B2B user from another organisation).
 *
 * @param user the member's id
 * @param guest true when the member is a guest user ({@code userType == Guest})
 */
public record GroupMember(UserId user, boolean guest) {

  /**
   * Validates the member.
   *
   * @throws NullPointerException if {@code user} is null
   */
  public GroupMember {
    Objects.requireNonNull(user, "user");
  }

  /**
   * Creates a member who is a user of the tenant.
   *
   * @param user the user
   * @return the member
   */
  public static GroupMember member(UserId user) {
    return new GroupMember(user, false);
  }

  /**
   * Creates a member who is a guest.
   *
   * @param user the guest user
   * @return the member
   */
  public static GroupMember guest(UserId user) {
    return new GroupMember(user, true);
  }
}
