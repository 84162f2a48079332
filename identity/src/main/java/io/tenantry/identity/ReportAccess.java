package io.tenantry.identity;

/**
 * How much usage-report data a principal may read ({@code graph-reports.md} §2.1): nothing,
 * tenant-level aggregates only, or per-user detail (which includes the aggregates).
 */
public enum ReportAccess {
  /** No usage reports. */
  NONE,
  /** Tenant-level aggregates, no per-user rows. */
  AGGREGATE,
  /** Every report, per-user detail included. */
  DETAIL;

  /**
   * Returns the broader of two levels.
   *
   * @param other the other level
   * @return the level granting more
   */
  public ReportAccess max(ReportAccess other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
