package io.tenantry.identity;

/**
 * How much of the directory guests may see ({@code authorizationPolicy.guestUserRoleId},
 * {@code directory-semantics.md} §4.2), identified in Graph by a role template id.
 *
 * <p>Tenantry does not model default read rights ({@code cli.md} scenario rule 3), so the level
 * decides one thing in the Authorizer: under {@link AllowInvitesFrom#ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS}
 * a guest with {@link #SAME_AS_MEMBERS} invites as a member does (§4.1: "incl. guests with member
 * permissions"); a guest at another level needs an inviting role.
 */
public enum GuestAccessLevel {
  /** Guests have the same access as members (the most inclusive level). */
  SAME_AS_MEMBERS("a0b1b346-4d3e-4e8b-98f8-753987be4970", "sameAsMembers"),
  /** Limited access, the default: guests cannot enumerate users and groups. */
  LIMITED("10dae51f-b6af-4016-8d66-8c2a99b929b3", "limited"),
  /** Restricted: guests see only their own directory objects. */
  RESTRICTED("2af84b1e-32c8-42b7-82bc-daa82404023b", "restricted");

  private final String roleId;
  private final String label;

  GuestAccessLevel(String roleId, String label) {
    this.roleId = roleId;
    this.label = label;
  }

  /**
   * Returns the level's {@code guestUserRoleId}.
   *
   * @return the role template id, e.g. {@code 10dae51f-b6af-4016-8d66-8c2a99b929b3}
   */
  public String guestUserRoleId() {
    return roleId;
  }

  /**
   * Returns the level's short name, as the scenario format writes it.
   *
   * @return {@code sameAsMembers}, {@code limited} or {@code restricted}
   */
  public String label() {
    return label;
  }

  /**
   * Parses a level from its {@code guestUserRoleId} (case-insensitive) or its short name (exact).
   *
   * @param text the role template id or the short name
   * @return the level, or null when the text names none
   */
  public static GuestAccessLevel parse(String text) {
    for (GuestAccessLevel v : values()) {
      if (v.roleId.equalsIgnoreCase(text) || v.label.equals(text)) {
        return v;
      }
    }
    return null;
  }
}
