package io.tenantry.notices;

import java.util.Set;

/**
 * An admin's message center preferences: the services followed and whether e-mail is wanted
 * (major update e-mails and the weekly digest). An admin with no saved preferences follows nothing
 * and wants no e-mail ({@link #NONE}): nobody is mailed without having opted in.
 *
 * @param followedServices the services whose messages the admin follows, sorted
 * @param email whether the admin wants e-mail
 */
public record AdminPreferences(Set<String> followedServices, boolean email) {

  /** The preferences of an admin who saved none: no service followed, no e-mail. */
  public static final AdminPreferences NONE = new AdminPreferences(Set.of(), false);

  /**
   * Validates the preferences.
   *
   * @throws io.tenantry.core.error.ValidationException if a service name is blank
   */
  public AdminPreferences {
    followedServices = Checks.names("followedServices",
        Checks.present("followedServices", followedServices));
  }
}
