package io.tenantry.reports.input;

/** The {@code User Type} column of {@code users.csv}: a member (the default) or a guest. */
public enum UserType {
  /** A member of the organisation (also the value of a blank cell). */
  MEMBER,
  /** A guest from outside the organisation. */
  GUEST
}
