package io.tenantry.reports.input;

import java.util.Optional;

/**
 * The {@code app} of a Microsoft 365 Apps event ({@code activity-events.md} §3), in the column order
 * of the Microsoft 365 Apps reports.
 */
public enum App {
  /** Outlook. */
  OUTLOOK("Outlook"),
  /** Word. */
  WORD("Word"),
  /** Excel. */
  EXCEL("Excel"),
  /** PowerPoint. */
  POWER_POINT("PowerPoint"),
  /** OneNote. */
  ONE_NOTE("OneNote"),
  /** The Teams client (feeds only the Microsoft 365 Apps reports, never the Teams reports). */
  TEAMS("Teams");

  private final String wireName;

  App(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name used in {@code events.jsonl} and in the report headers.
   *
   * @return the wire name, e.g. {@code PowerPoint}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds an app by its exact (case-sensitive) wire name.
   *
   * @param wireName the value of the {@code app} field
   * @return the app, or empty when unknown
   */
  public static Optional<App> fromWireName(String wireName) {
    for (App a : values()) {
      if (a.wireName.equals(wireName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
