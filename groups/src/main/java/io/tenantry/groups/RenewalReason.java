package io.tenantry.groups;

/** Why a group was renewed. */
public enum RenewalReason {
  /** An owner (or an admin) renewed it. */
  OWNER("Owner"),
  /** Activity in the group renewed it automatically near its expiration. */
  ACTIVITY("Activity");

  private final String fileName;

  RenewalReason(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Returns the name used in JSON output.
   *
   * @return {@code Owner} or {@code Activity}
   */
  public String fileName() {
    return fileName;
  }
}
