package io.tenantry.identity;

/** A user's relationship to the tenant ({@code userType}, {@code directory-semantics.md} §4.4). */
public enum UserType {
  /** A member of the organisation. */
  MEMBER("Member"),
  /** A guest (B2B collaboration). */
  GUEST("Guest");

  private final String graphName;

  UserType(String graphName) {
    this.graphName = graphName;
  }

  /**
   * Returns the value as Graph writes it.
   *
   * @return {@code Member} or {@code Guest}
   */
  public String graphName() {
    return graphName;
  }
}
