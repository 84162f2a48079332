package io.tenantry.identity;

import io.tenantry.core.UserId;
import java.util.Objects;

/**
 * One row of the admin-center user list: the user, its UPN and whether it is a guest (guests are
 * marked as guests, {@code directory-semantics.md} §4.6 and 9.8).
 *
 * @param id the user
 * @param userPrincipalName the UPN, possibly empty
 * @param type member or guest
 */
public record UserListing(UserId id, String userPrincipalName, UserType type) {
  /**
   * Validates the row.
   *
   * @throws NullPointerException if a component is null
   */
  public UserListing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Tells whether the row is a guest.
   *
   * @return true for guests
   */
  public boolean isGuest() {
    return type == UserType.GUEST;
  }
}
