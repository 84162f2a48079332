package io.tenantry.groups;

/**
 * A management action on groups that the host's authorizer decides on, with the Entra permission
 * (directory-semantics §2.3) an adapter to identity's Authorizer checks for it.
 */
public enum GroupOperation {
  /** Create a group. */
  CREATE("microsoft.directory/groups/create"),
  /** Change a group's names. */
  UPDATE("microsoft.directory/groups/basic/update"),
  /** Add or remove members. */
  UPDATE_MEMBERS("microsoft.directory/groups/members/update"),
  /** Add or remove owners. */
  UPDATE_OWNERS("microsoft.directory/groups/owners/update"),
  /** Change a group's own settings ({@code Group.Unified.Guest}). */
  UPDATE_SETTINGS("microsoft.directory/groups/settings/update"),
  /** Delete a group (soft for Microsoft 365 groups). */
  DELETE("microsoft.directory/groups/delete"),
  /** Restore a soft-deleted group. */
  RESTORE("microsoft.directory/deletedItems.groups/restore"),
  /** Delete a soft-deleted group for good before its 30 days are over. */
  PURGE("microsoft.directory/deletedItems.groups/delete"),
  /** Renew a group's expiration. */
  RENEW("microsoft.directory/groups/basic/update"),
  /** Create, change or remove the tenant's expiration policy (no target group). */
  MANAGE_POLICY("microsoft.directory/groups/settings/update");

  private final String entraAction;

  GroupOperation(String entraAction) {
    this.entraAction = entraAction;
  }

  /**
   * Returns the Entra permission an authorizer checks for this operation.
   *
   * @return e.g. {@code microsoft.directory/groups/delete}
   */
  public String entraAction() {
    return entraAction;
  }
}
