package io.tenantry.groups;

import java.util.Objects;

/**
 * An action the engine ignored because it cannot apply, with the reason; the simulation prints it as
 * a warning and carries on.
 *
 * @param action the ignored action
 * @param reason why it was ignored
 */
public record SkippedAction(LifecycleAction action, Reason reason) {

  /** Why an action cannot apply. */
  public enum Reason {
    /** The tenant has no group with that id. */
    UNKNOWN_GROUP("unknown group"),
    /** The group was purged. */
    PURGED_GROUP("the group was purged"),
    /** The group is created later. */
    NOT_YET_CREATED("the group is not created yet"),
    /** The group is soft-deleted (renew and delete need a live group). */
    DELETED_GROUP("the group is deleted"),
    /** The group is live (restore needs a soft-deleted group). */
    LIVE_GROUP("the group is not deleted"),
    /** The expiration policy does not manage the group (renew needs a managed group). */
    UNMANAGED_GROUP("the expiration policy does not manage the group");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    /**
     * Returns the reason as a phrase for messages.
     *
     * @return e.g. {@code "unknown group"}
     */
    public String text() {
      return text;
    }
  }

  /**
   * Validates the value.
   *
   * @throws NullPointerException if a component is null
   */
  public SkippedAction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Describes the skipped action, e.g. {@code "2026-04-02 renew of group 'g9' ignored: unknown
   * group"}.
   *
   * @return the message
   */
  public String message() {
    return action.date() + " " + action.kind().fileName() + " of group '" + action.group()
        + "' ignored: " + reason.text();
  }
}
