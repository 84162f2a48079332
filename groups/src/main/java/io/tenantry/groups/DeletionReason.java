package io.tenantry.groups;

/** Why a group was soft-deleted. */
public enum DeletionReason {
  /** The expiration policy deleted it one day after its expiration day. */
  EXPIRED("Expired"),
  /** Someone deleted it. */
  DELETED("Deleted");

  private final String fileName;

  DeletionReason(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Returns the name used in JSON output.
   *
   * @return {@code Expired} or {@code Deleted}
   */
  public String fileName() {
    return fileName;
  }
}
