package io.tenantry.notices;

import java.util.Set;

/**
 * An administrator as the notices engines see one: a user principal name and the names of the
 * directory roles the admin holds (from the identity module or the host's directory). Reading
 * rights are derived from the role names by a {@link io.tenantry.notices.spi.NoticeReaderPolicy}.
 *
 * @param upn the user principal name, e.g. {@code alice@contoso.com}
 * @param roles the role names, e.g. {@code Message Center Reader}; sorted, possibly empty
 */
public record Admin(String upn, Set<String> roles) {

  /**
   * Validates the admin.
   *
   * @throws io.tenantry.core.error.ValidationException if the UPN is not a user principal name
   *     or a role name is blank
   */
  public Admin {
    Checks.upn("upn", upn);
    roles = Checks.names("roles", roles == null ? Set.of() : roles);
  }

  /**
   * Creates an admin.
   *
   * @param upn the user principal name
   * @param roles the role names
   * @return the admin
   */
  public static Admin of(String upn, String... roles) {
    return new Admin(upn, Set.of(roles));
  }
}
