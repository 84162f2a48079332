package io.tenantry.identity;

/** The kind of a group, as far as administration cares ({@code directory-semantics.md} §1.7). */
public enum GroupKind {
  /** A Microsoft 365 ("unified") group. */
  MICROSOFT365,
  /** A security group. */
  SECURITY,
  /** A mail-enabled security group. */
  MAIL_ENABLED_SECURITY,
  /** A distribution group. */
  DISTRIBUTION;

  /**
   * Tells whether a group of this kind may be a member of a restricted management AU (§1.7: only
   * security groups may).
   *
   * @return true for {@link #SECURITY}
   */
  public boolean allowedInRestrictedAdminUnit() {
    return this == SECURITY;
  }
}
