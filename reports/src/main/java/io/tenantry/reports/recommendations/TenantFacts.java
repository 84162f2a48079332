package io.tenantry.reports.recommendations;

import io.tenantry.core.TenantId;
import io.tenantry.reports.score.UsageScore;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the tenant recommendation rules look at: a snapshot of one tenant's configuration and
 * usage, assembled by the host from its directory, group policies and activity.
 *
 * @param tenant the tenant
 * @param asOf the day the facts hold
 * @param globalAdministrators principal names holding the Global Administrator role
 * @param passwordExpirationPolicy whether a password expiration policy is configured
 * @param groupExpirationEnabled whether a Microsoft 365 group expiration policy is on
 * @param groups the Microsoft 365 groups with their last activity
 * @param guests the guest users with their last activity
 * @param activeUsers the users active in the last 28 days, with their MFA registration
 * @param usageScore the tenant's Usage Score, or null when none was computed
 */
public record TenantFacts(TenantId tenant, LocalDate asOf, List<String> globalAdministrators,
    boolean passwordExpirationPolicy, boolean groupExpirationEnabled, List<GroupFact> groups,
    List<GuestFact> guests, List<ActiveUserFact> activeUsers, UsageScore usageScore) {

  /**
   * Validates the facts and copies the lists.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the Usage Score belongs to another tenant
   */
  public TenantFacts {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(asOf, "asOf");
    globalAdministrators = List.copyOf(globalAdministrators);
    groups = List.copyOf(groups);
    guests = List.copyOf(guests);
    activeUsers = List.copyOf(activeUsers);
    if (usageScore != null && !usageScore.tenant().equals(tenant)) {
      throw new IllegalArgumentException("the Usage Score of tenant " + usageScore.tenant()
          + " is not a fact of tenant " + tenant);
    }
  }

  /**
   * A Microsoft 365 group and its last activity.
   *
   * @param id the group id
   * @param displayName the group name
   * @param lastActivity the last day with activity, or null when never active
   * @param created the day the group was created, or null when unknown
   */
  public record GroupFact(String id, String displayName, LocalDate lastActivity,
      LocalDate created) {
    /**
     * Validates the group.
     *
     * @throws NullPointerException if the id or name is null
     */
    public GroupFact {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
    }
  }

  /**
   * A guest user and its last activity.
   *
   * @param userPrincipalName the guest's principal name
   * @param lastActivity the last day with activity, or null when never active
   * @param created the day the guest was invited, or null when unknown
   */
  public record GuestFact(String userPrincipalName, LocalDate lastActivity, LocalDate created) {
    /**
     * Validates the guest.
     *
     * @throws NullPointerException if the principal name is null
     */
    public GuestFact {
      Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    }
  }

  /**
   * An active user and whether it registered for multi-factor authentication.
   *
   * @param userPrincipalName the user's principal name
   * @param mfaRegistered whether MFA is registered
   */
  public record ActiveUserFact(String userPrincipalName, boolean mfaRegistered) {
    /**
     * Validates the user.
     *
     * @throws NullPointerException if the principal name is null
     */
    public ActiveUserFact {
      Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    }
  }
}
