package io.tenantry.identity;

import java.util.function.Predicate;

/**
 * The areas of the Microsoft 365 admin center a principal may open. An area opens when one of the
 * principal's usable assignments holds an action in it (read or write); AU-scoped assignments open
 * only Users and Groups, since "no organization-level features are available to an AU-scoped role"
 * ({@code directory-semantics.md} §1.6). A Reports Reader therefore gets only
 * {@link #USAGE_REPORTS}: the reduced homepage.
 */
public enum AdminCenterArea {
  /** Users (active users, guest users, deleted users). */
  USERS(p -> dir(p, "users") || dir(p, "deletedItems.users")),
  /** Groups. */
  GROUPS(p -> dir(p, "groups") || p.namespace().equals("microsoft.directory")
      && (p.entity().startsWith("groups.") || p.entity().equals("groupsAssignableToRoles")
      || p.entity().equals("deletedItems.groups"))),
  /** Domains. */
  DOMAINS(p -> dir(p, "domains")),
  /** Roles and role assignments. */
  ROLES(p -> dir(p, "roleAssignments") || dir(p, "roleDefinitions") || dir(p, "directoryRoles")),
  /** Billing (subscriptions, purchases). */
  BILLING(p -> p.namespace().equals("microsoft.commerce.billing")),
  /** Usage reports. */
  USAGE_REPORTS(p -> p.namespace().equals("microsoft.office365.usageReports")),
  /** Service health. */
  SERVICE_HEALTH(p -> p.namespace().equals("microsoft.office365.serviceHealth")),
  /** Message center. */
  MESSAGE_CENTER(p -> p.namespace().equals("microsoft.office365.messageCenter")),
  /** Organization settings (organization, authorization policy, group settings). */
  SETTINGS(p -> dir(p, "organization") || dir(p, "authorizationPolicy") || dir(p, "groupSettings"));

  private final Predicate<Permission> opens;

  AdminCenterArea(Predicate<Permission> opens) {
    this.opens = opens;
  }

  /**
   * Tells whether holding a permission opens this area.
   *
   * @param granted a permission a role grants
   * @return true when the permission belongs to the area
   */
  public boolean openedBy(Permission granted) {
    return opens.test(granted);
  }

  private static boolean dir(Permission p, String entity) {
    return p.namespace().equals("microsoft.directory")
        && (p.entity().equals(entity) || p.entity().equals(Permission.ALL_ENTITIES));
  }
}
