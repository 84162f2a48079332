package io.tenantry.reports.score;

import java.util.Objects;

/**
 * A person a recommendation targets: counted in the scenario's denominator but not in its
 * numerator.
 *
 * @param userId the directory's User Id
 * @param userPrincipalName the sign-in name
 * @param displayName the display name; blank when the directory has none
 */
public record TargetPerson(String userId, String userPrincipalName, String displayName) {

  /**
   * Validates the person.
   *
   * @throws NullPointerException if any component is null
   * @throws IllegalArgumentException if {@code userId} or {@code userPrincipalName} is blank
   */
  public TargetPerson {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(displayName, "displayName");
    if (userId.isBlank() || userPrincipalName.isBlank()) {
      throw new IllegalArgumentException("a target needs a user id and a principal name (id '"
          + userId + "', upn '" + userPrincipalName + "')");
    }
  }

  /**
   * Returns the name to greet the person with: the display name, or the principal name when the
   * directory has no display name.
   *
   * @return a non-blank name
   */
  public String greetingName() {
    return displayName.isBlank() ? userPrincipalName : displayName;
  }
}
