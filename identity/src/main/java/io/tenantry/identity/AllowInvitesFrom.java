package io.tenantry.identity;

/** Who may invite guests ({@code authorizationPolicy.allowInvitesFrom}, {@code directory-semantics.md} §4.1). */
public enum AllowInvitesFrom {
  /** Anyone in the organisation, guests and non-admins included (the default). */
  EVERYONE("everyone"),
  /** Member users and holders of inviting admin roles. */
  ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS("adminsGuestInvitersAndAllMembers"),
  /** Only holders of inviting admin roles (Global Administrator, User Administrator, Guest Inviter). */
  ADMINS_AND_GUEST_INVITERS("adminsAndGuestInviters"),
  /** No one, admins included. */
  NONE("none");

  private final String graphName;

  AllowInvitesFrom(String graphName) {
    this.graphName = graphName;
  }

  /**
   * Returns the value as Graph writes it.
   *
   * @return e.g. {@code adminsAndGuestInviters}
   */
  public String graphName() {
    return graphName;
  }

  /**
   * Parses a Graph value, exactly as Graph spells it.
   *
   * @param text the value
   * @return the setting, or null when the text names none
   */
  public static AllowInvitesFrom fromGraphName(String text) {
    for (AllowInvitesFrom v : values()) {
      if (v.graphName.equals(text)) {
        return v;
      }
    }
    return null;
  }
}
