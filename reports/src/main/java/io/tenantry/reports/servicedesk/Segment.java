package io.tenantry.reports.servicedesk;

/** Which callers a trend row covers. */
public enum Segment {
  /** Every caller. */
  ALL("All"),
  /** Callers migrated within the last 30 days (0 to 30 days before the ticket's day). */
  NEWLY_MIGRATED("Newly migrated"),
  /** Every other caller: migrated longer ago, later, or never. */
  RUN_STATE("Run state");

  private final String label;

  Segment(String label) {
    this.label = label;
  }

  /**
   * Returns the label written in the CSV and JSON tables.
   *
   * @return e.g. {@code "Newly migrated"}
   */
  public String label() {
    return label;
  }
}
