package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's group settings: the {@code Group.Unified} directory setting (directory-semantics §3.6
 * and §3.7), the guest domain policy (§4.3), the expiration policy (§3.1) and the mail domain new
 * group addresses use. Immutable; change it with the {@code with…} methods.
 *
 * @param enableGroupCreation {@code EnableGroupCreation}: non-admins may create Microsoft 365 groups
 * @param groupCreationAllowedGroupId {@code GroupCreationAllowedGroupId}: the security group whose
 *     members (nested groups included) may create when {@code enableGroupCreation} is false; or null
 * @param usersCanCreateSecurityGroups {@code allowedToCreateSecurityGroups}: non-admins may create
 *     security and distribution groups
 * @param namingPolicy the naming policy of Microsoft 365 groups
 * @param allowGuestsToBeGroupOwner {@code AllowGuestsToBeGroupOwner}
 * @param allowGuestsToAccessGroups {@code AllowGuestsToAccessGroups}
 * @param allowToAddGuests {@code AllowToAddGuests}: non-admins may add guests (a group can only
 *     narrow it)
 * @param guestDomains the allow or deny list of guest domains
 * @param expiration the expiration policy and its enablement day, or null when expiration is off
 * @param mailDomain the domain of new groups' primary addresses, e.g. {@code contoso.onmicrosoft.com}
 */
public record TenantGroupSettings(boolean enableGroupCreation, GroupId groupCreationAllowedGroupId,
    boolean usersCanCreateSecurityGroups, NamingPolicy namingPolicy,
    boolean allowGuestsToBeGroupOwner, boolean allowGuestsToAccessGroups, boolean allowToAddGuests,
    GuestDomainPolicy guestDomains, ExpirationSetting expiration, String mailDomain) {

  /**
   * Validates the settings.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the mail domain is blank
   */
  public TenantGroupSettings {
    Objects.requireNonNull(namingPolicy, "namingPolicy");
    Objects.requireNonNull(guestDomains, "guestDomains");
    Objects.requireNonNull(mailDomain, "mailDomain");
    if (mailDomain.isBlank()) {
      throw new IllegalArgumentException("mailDomain must not be blank");
    }
  }

  /**
   * Returns Microsoft's defaults (no settings object yet): creation open to everyone, no naming
   * policy, guests allowed but not as owners, any guest domain, no expiration, and
   * {@code <tenant>.onmicrosoft.com} as the mail domain.
   *
   * @param tenant the tenant
   * @return the defaults
   */
  public static TenantGroupSettings defaults(TenantId tenant) {
    return new TenantGroupSettings(true, null, true, NamingPolicy.none(), false, true, true,
        GuestDomainPolicy.anyDomain(), null, tenant.value().toLowerCase(java.util.Locale.ROOT)
        + ".onmicrosoft.com");
  }

  /**
   * Returns the expiration setting.
   *
   * @return the setting, or empty when expiration is off
   */
  public Optional<ExpirationSetting> expirationSetting() {
    return Optional.ofNullable(expiration);
  }

  /**
   * Returns the lifecycle engine these settings call for.
   *
   * @return the engine of the expiration policy, or one without expiration
   */
  public LifecycleEngine engine() {
    return expiration == null ? LifecycleEngine.withoutExpiration() : expiration.engine();
  }

  /**
   * Returns a copy that restricts Microsoft 365 group creation to a security group (§3.7).
   *
   * @param allowedGroup the security group, or null to restrict creation to admins
   * @return the new settings
   */
  public TenantGroupSettings withCreationRestrictedTo(GroupId allowedGroup) {
    return new TenantGroupSettings(false, allowedGroup, usersCanCreateSecurityGroups, namingPolicy,
        allowGuestsToBeGroupOwner, allowGuestsToAccessGroups, allowToAddGuests, guestDomains,
        expiration, mailDomain);
  }

  /**
   * Returns a copy with another naming policy.
   *
   * @param policy the naming policy
   * @return the new settings
   */
  public TenantGroupSettings withNamingPolicy(NamingPolicy policy) {
    return new TenantGroupSettings(enableGroupCreation, groupCreationAllowedGroupId,
        usersCanCreateSecurityGroups, policy, allowGuestsToBeGroupOwner, allowGuestsToAccessGroups,
        allowToAddGuests, guestDomains, expiration, mailDomain);
  }

  /**
   * Returns a copy with other guest settings.
   *
   * @param addGuests {@code AllowToAddGuests}
   * @param guestsAsOwners {@code AllowGuestsToBeGroupOwner}
   * @param domains the guest domain policy
   * @return the new settings
   */
  public TenantGroupSettings withGuests(boolean addGuests, boolean guestsAsOwners,
      GuestDomainPolicy domains) {
    return new TenantGroupSettings(enableGroupCreation, groupCreationAllowedGroupId,
        usersCanCreateSecurityGroups, namingPolicy, guestsAsOwners, allowGuestsToAccessGroups,
        addGuests, domains, expiration, mailDomain);
  }

  /**
   * Returns a copy with an expiration policy switched on on a day (or off, with null).
   *
   * @param setting the policy and its enablement day, or null
   * @return the new settings
   */
  public TenantGroupSettings withExpiration(ExpirationSetting setting) {
    return new TenantGroupSettings(enableGroupCreation, groupCreationAllowedGroupId,
        usersCanCreateSecurityGroups, namingPolicy, allowGuestsToBeGroupOwner,
        allowGuestsToAccessGroups, allowToAddGuests, guestDomains, setting, mailDomain);
  }

  /**
   * Tells whether non-admins may add guests to a group: the tenant must allow it, and the group
   * must not block it (a group cannot widen what the tenant forbids).
   *
   * @param group the group
   * @return true when a non-admin may add a guest
   */
  public boolean nonAdminsMayAddGuests(Group group) {
    return allowToAddGuests && group.guestSetting() != GuestSetting.BLOCK;
  }
}
