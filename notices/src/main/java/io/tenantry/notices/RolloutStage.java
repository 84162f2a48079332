package io.tenantry.notices;

/**
 * A stage of a major update's rollout, in the order the stages happen. A notification is sent
 * once at each stage (see {@link MessageCenter#fireStageNotifications}).
 */
public enum RolloutStage {
  /** The change is announced in the message center. */
  ANNOUNCED("announced", "Announced"),
  /** First release (targeted release) begins. */
  FIRST_RELEASE("firstRelease", "First release (targeted release) starts"),
  /** General availability begins: every user gets the change. */
  GENERAL_AVAILABILITY("generalAvailability", "General availability starts");

  private final String wireName;
  private final String label;

  RolloutStage(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  /**
   * Returns the name used in files.
   *
   * @return e.g. {@code firstRelease}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns a human-readable label.
   *
   * @return e.g. {@code General availability starts}
   */
  public String label() {
    return label;
  }
}
