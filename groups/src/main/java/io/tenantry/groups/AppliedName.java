package io.tenantry.groups;

import java.util.Objects;

/**
 * The names a group gets once the naming policy is applied: the display name and the alias
 * ({@code mailNickname}), which may differ because characters not allowed in an alias are stripped
 * from the alias only.
 *
 * @param displayName the display name
 * @param mailNickname the alias
 */
public record AppliedName(String displayName, String mailNickname) {

  /**
   * Validates the names.
   *
   * @throws NullPointerException if a component is null
   */
  public AppliedName {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(mailNickname, "mailNickname");
  }
}
