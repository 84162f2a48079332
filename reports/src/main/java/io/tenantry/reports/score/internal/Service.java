package io.tenantry.reports.score.internal;

/**
 * The seven licensed services of {@code users.csv}, each with a licence assign date column.
 */
public enum Service {
  /** Exchange. */
  EXCHANGE,
  /** OneDrive. */
  ONEDRIVE,
  /** SharePoint. */
  SHAREPOINT,
  /** Skype for Business. */
  SKYPE_FOR_BUSINESS,
  /** Yammer. */
  YAMMER,
  /** Teams. */
  TEAMS,
  /** Microsoft 365 Apps. */
  M365_APPS
}
