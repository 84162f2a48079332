package io.tenantry.reports.analytics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes usage-analytics rows as CSV in the report conventions of {@code activity-events.md} §7
 * (UTF-8 with a BOM, CRLF after every line, quotes only where needed, blank for null), with the
 * column names of the usage analytics model: Granularity, Timeframe (the period's first day),
 * Period End, Content Date, Product, the dimension's column (when sliced), EnabledUsers,
 * ActiveUsers, FirstTimeUsers, MoMReturningUsers, CumulativeActiveUsers, ActiveUsers(%),
 * MoMReturningUsers(%). ("MoM" keeps the model's name; for daily and weekly rows it means the
 * previous day or week.)
 */
public final class UsageAnalyticsCsv {
  private UsageAnalyticsCsv() {}

  /**
   * Renders rows.
   *
   * @param rows the rows, in the order to write them
   * @param dimension the slicing column's name, or null when the rows are not sliced
   * @return the CSV bytes
   */
  public static byte[] toBytes(List<UsageRow> rows, String dimension) {
    Objects.requireNonNull(rows, "rows");
    StringBuilder sb = new StringBuilder("\uFEFF");
    StringBuilder header = new StringBuilder("Granularity,Timeframe,Period End,Content Date,"
        + "Product,");
    if (dimension != null) {
      header.append(cell(dimension)).append(',');
    }
    header.append("EnabledUsers,ActiveUsers,FirstTimeUsers,MoMReturningUsers,"
        + "CumulativeActiveUsers,ActiveUsers(%),MoMReturningUsers(%)");
    sb.append(header).append("\r\n");
    for (UsageRow r : rows) {
      sb.append(r.granularity().name().charAt(0))
          .append(r.granularity().name().substring(1).toLowerCase(java.util.Locale.ROOT))
          .append(',').append(r.periodStart()).append(',').append(r.periodEnd()).append(',')
          .append(r.contentDate()).append(',').append(cell(r.product().label())).append(',');
      if (dimension != null) {
        sb.append(cell(r.dimensionValue())).append(',');
      }
      sb.append(r.enabledUsers()).append(',').append(r.activeUsers()).append(',')
          .append(r.firstTimeUsers()).append(',').append(r.returningUsers()).append(',')
          .append(r.cumulativeActiveUsers()).append(',').append(text(r.activeUsersPercent()))
          .append(',').append(text(r.returningUsersPercent())).append("\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String text(BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }

  private static String cell(String c) {
    if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\r') >= 0
        || c.indexOf('\n') >= 0) {
      return '"' + c.replace("\"", "\"\"") + '"';
    }
    return c;
  }
}
