package io.tenantry.groups;

/** A management action on groups that the host's authorizer decides on. */
public enum GroupOperation {
  /** Create a group. */
  CREATE,
  /** Change a group's names, owners, members or settings. */
  UPDATE,
  /** Delete a group (soft for Microsoft 365 groups). */
  DELETE,
  /** Restore a soft-deleted group. */
  RESTORE,
  /** Delete a soft-deleted group for good before its 30 days are over. */
  PURGE,
  /** Renew a group's expiration. */
  RENEW
}
