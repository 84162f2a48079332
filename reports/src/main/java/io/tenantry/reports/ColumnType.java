package io.tenantry.reports;

/**
 * How a report column's values are typed and written ({@code activity-events.md} §7, {@code
 * graph-reports.md} §1.2).
 */
public enum ColumnType {
  /** Text, written as is. */
  TEXT,
  /** A date {@code YYYY-MM-DD}, blank (JSON null) for none. */
  DATE,
  /** A boolean written {@code True}/{@code False}. */
  TRUE_FALSE,
  /** A boolean written {@code Yes}/{@code No}. */
  YES_NO,
  /** An integer count, always written ({@code 0} when zero). */
  COUNT,
  /** An integer the engine has no data for: always blank (JSON null). */
  NOT_MEASURED,
  /** A duration written as {@link java.time.Duration#toString()}. */
  DURATION,
  /** The report period n (a JSON string in the beta shape). */
  PERIOD,
  /** Assigned products joined by {@code +} (a JSON array of strings). */
  PRODUCTS
}
