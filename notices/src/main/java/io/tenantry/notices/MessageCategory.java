package io.tenantry.notices;

import java.util.Arrays;
import java.util.Optional;

/**
 * The category of a message center post, as the Microsoft 365 message center (and Graph's
 * {@code serviceUpdateCategory}) names them.
 */
public enum MessageCategory {
  /** A change that admins should plan for. */
  PLAN_FOR_CHANGE("planForChange"),
  /** Something admins should do to prevent or fix an issue. */
  PREVENT_OR_FIX_ISSUES("preventOrFixIssues"),
  /** Information only. */
  STAY_INFORMED("stayInformed");

  private final String wireName;

  MessageCategory(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name used in files and by Graph.
   *
   * @return the camelCase name, e.g. {@code planForChange}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds the category with the given wire name (exact match).
   *
   * @param wireName a name such as {@code stayInformed}
   * @return the category, or empty when the name is unknown
   */
  public static Optional<MessageCategory> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
  }

  /**
   * Returns a human-readable label for digests and e-mails.
   *
   * @return e.g. {@code Plan for change}
   */
  public String label() {
    return switch (this) {
      case PLAN_FOR_CHANGE -> "Plan for change";
      case PREVENT_OR_FIX_ISSUES -> "Prevent or fix issues";
      case STAY_INFORMED -> "Stay informed";
    };
  }
}
