package io.tenantry.reports.score;

/**
 * A directory attribute by which the Usage Score is broken down into group-level views, in the
 * order {@code score.json} writes them.
 */
public enum GroupDimension {
  /** The {@code Department} column of {@code users.csv}. */
  DEPARTMENT("Department"),
  /** The {@code Company} column. */
  COMPANY("Company"),
  /** The {@code Country} column. */
  COUNTRY("Country"),
  /** The {@code State} column. */
  STATE("State"),
  /** The {@code City} column. */
  CITY("City");

  private final String column;

  GroupDimension(String column) {
    this.column = column;
  }

  /**
   * Returns the {@code users.csv} column name, which is also the key in {@code score.json}.
   *
   * @return e.g. {@code "Department"}
   */
  public String column() {
    return column;
  }
}
