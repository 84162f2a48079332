package io.tenantry.groups;

/**
 * The built-in directory roles whose holders the group rules treat specially (exemption from the
 * naming policy and the creation restriction, adding guests when non-admins may not, restoring).
 * Only assignments at tenant scope count; the identity module resolves them.
 */
public enum AdminRole {
  /** Global Administrator: exempt from the naming policy and the creation restriction. */
  GLOBAL_ADMINISTRATOR,
  /** User Administrator: exempt from the naming policy; keeps the ability to create groups. */
  USER_ADMINISTRATOR,
  /** Groups Administrator: manages groups and the expiration policy. */
  GROUPS_ADMINISTRATOR,
  /** Exchange Administrator: keeps the ability to create groups. */
  EXCHANGE_ADMINISTRATOR,
  /** SharePoint Administrator: keeps the ability to create groups. */
  SHAREPOINT_ADMINISTRATOR,
  /** Teams Administrator: keeps the ability to create groups. */
  TEAMS_ADMINISTRATOR,
  /** Directory Writers: keeps the ability to create groups. */
  DIRECTORY_WRITERS,
  /** Intune Administrator: may restore any deleted Microsoft 365 group. */
  INTUNE_ADMINISTRATOR,
  /** Partner Tier1 Support: keeps the ability to create groups. */
  PARTNER_TIER1_SUPPORT,
  /** Partner Tier2 Support: keeps the ability to create groups. */
  PARTNER_TIER2_SUPPORT;

  /**
   * Tells whether the role exempts its holder from the naming policy (Global and User
   * Administrators, directory-semantics §3.5).
   *
   * @return true for the two exempt roles
   */
  public boolean exemptFromNamingPolicy() {
    return this == GLOBAL_ADMINISTRATOR || this == USER_ADMINISTRATOR;
  }

  /**
   * Tells whether the role keeps the ability to create Microsoft 365 groups when creation is
   * restricted to a security group (directory-semantics §3.7).
   *
   * @return true for the admin roles listed there
   */
  public boolean keepsGroupCreation() {
    return this != GROUPS_ADMINISTRATOR && this != INTUNE_ADMINISTRATOR;
  }

}
