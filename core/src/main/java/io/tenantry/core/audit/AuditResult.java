package io.tenantry.core.audit;

/** Whether an audited activity succeeded. Failures are audited as well as successes. */
public enum AuditResult {
  /** The activity did what was asked. */
  SUCCESS("Success"),
  /** The activity was refused or failed; the record's details say why. */
  FAILURE("Failure");

  private final String wireName;

  AuditResult(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name written in audit output ({@code Success} / {@code Failure}).
   *
   * @return the external name
   */
  public String wireName() {
    return wireName;
  }
}
