package io.tenantry.reports.input;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A service whose activity Tenantry counts: the {@code workload} field of {@code events.jsonl}
 * ({@code activity-events.md} §3) and, for each, the licence-assign-date column of {@code users.csv}
 * (§1).
 */
public enum Workload {
  /** Exchange Online (mail and calendar). */
  EXCHANGE("Exchange", "Exchange"),
  /** OneDrive for Business. */
  ONE_DRIVE("OneDrive", "OneDrive"),
  /** SharePoint Online. */
  SHARE_POINT("SharePoint", "SharePoint"),
  /** Microsoft Teams. */
  TEAMS("Teams", "Teams"),
  /** Yammer (Viva Engage). */
  YAMMER("Yammer", "Yammer"),
  /** Skype for Business. */
  SKYPE_FOR_BUSINESS("SkypeForBusiness", "Skype For Business"),
  /** Microsoft 365 Apps (Outlook, Word, Excel, PowerPoint, OneNote, Teams clients). */
  M365_APPS("M365Apps", "Microsoft 365 Apps");

  private static final Set<Workload> OFFICE_365 = EnumSet.of(EXCHANGE, ONE_DRIVE, SHARE_POINT,
      SKYPE_FOR_BUSINESS, YAMMER, TEAMS);

  private final String wireName;
  private final String columnName;

  Workload(String wireName, String columnName) {
    this.wireName = wireName;
    this.columnName = columnName;
  }

  /**
   * Returns the name used in {@code events.jsonl}, e.g. {@code SkypeForBusiness}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the name used in report and {@code users.csv} column headers, e.g. {@code Skype For
   * Business}.
   *
   * @return the column name
   */
  public String columnName() {
    return columnName;
  }

  /**
   * Returns the header of this service's licence-assign-date column in {@code users.csv}, e.g.
   * {@code Teams License Assign Date}.
   *
   * @return the header, as written in {@code activity-events.md} §1
   */
  public String licenceAssignDateColumn() {
    return columnName + " License Assign Date";
  }

  /**
   * Tells whether this is one of the six services that make up "Office 365" in the active-user
   * reports (every workload except Microsoft 365 Apps, §4).
   *
   * @return true for Exchange, OneDrive, SharePoint, Skype for Business, Yammer and Teams
   */
  public boolean isOffice365Service() {
    return OFFICE_365.contains(this);
  }

  /**
   * Returns the six Office 365 services in the order the active-user reports list them: Exchange,
   * OneDrive, SharePoint, Skype for Business, Yammer, Teams.
   *
   * @return a new list
   */
  public static java.util.List<Workload> office365Services() {
    return java.util.List.of(EXCHANGE, ONE_DRIVE, SHARE_POINT, SKYPE_FOR_BUSINESS, YAMMER, TEAMS);
  }

  /**
   * Finds a workload by its exact (case-sensitive) wire name.
   *
   * @param wireName the value of the {@code workload} field
   * @return the workload, or empty when the name is not one of §3's
   */
  public static Optional<Workload> fromWireName(String wireName) {
    for (Workload w : values()) {
      if (w.wireName.equals(wireName)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
