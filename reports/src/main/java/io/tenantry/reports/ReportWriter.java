package io.tenantry.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Writes a {@link ReportTable} as CSV ({@code activity-events.md} §7) or as JSON in the Graph
 * shape. Stateless and thread-safe; the stream is flushed, not closed.
 *
 * <p>CSV: UTF-8 with a BOM, CRLF after every line including the last, RFC 4180 quoting only for
 * values holding a comma, a double quote, CR or LF; dates {@code YYYY-MM-DD}, blank for none;
 * {@code True}/{@code False} and {@code Yes}/{@code No} per column; counts always written;
 * durations as {@link Duration#toString()}.
 *
 * <p>JSON: {@code {"value":[…]}} with one object per row, camelCase names, booleans as JSON
 * booleans, counts as numbers, dates as strings or null, Assigned Products as an array of strings
 * and Report Period as a string (the beta shape). The three Microsoft 365 Apps reports use their
 * documented v1.0 shape instead: detail rows carry a {@code details} array, count reports one
 * object with a {@code userCounts} array, Report Period as a number.
 */
public final class ReportWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private ReportWriter() {}

  /**
   * Writes CSV.
   *
   * @param table the report
   * @param out the destination
   * @throws IOException if writing fails
   */
  public static void writeCsv(ReportTable table, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    List<Column> cols = table.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(quote(cols.get(i).header()));
    }
    w.write("\r\n");
    for (List<Object> row : table.rows()) {
      for (int i = 0; i < cols.size(); i++) {
        if (i > 0) {
          w.write(',');
        }
        w.write(quote(csvValue(cols.get(i).type(), row.get(i))));
      }
      w.write("\r\n");
    }
    w.flush();
  }

  /**
   * Formats one value as CSV text (unquoted).
   *
   * @param type the column type
   * @param value the value
   * @return the text
   */
  public static String csvValue(ColumnType type, Object value) {
    if (value == null || type == ColumnType.NOT_MEASURED) {
      return "";
    }
    return switch (type) {
      case TRUE_FALSE -> (Boolean) value ? "True" : "False";
      case YES_NO -> (Boolean) value ? "Yes" : "No";
      default -> value.toString();
    };
  }

  static String quote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
    }
    return s;
  }

  /**
   * Writes JSON.
   *
   * @param table the report
   * @param out the destination
   * @throws IOException if writing fails
   */
  public static void writeJson(ReportTable table, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      List<Column> cols = table.columns();
      g.writeStartObject();
      g.writeArrayFieldStart("value");
      switch (table.function()) {
        case GET_M365_APP_USER_DETAIL -> {
          int period = table.indexOf("Report Period");
          for (List<Object> row : table.rows()) {
            g.writeStartObject();
            for (int i = 0; i < period; i++) {
              field(g, cols.get(i), row.get(i), false);
            }
            g.writeArrayFieldStart("details");
            g.writeStartObject();
            for (int i = period; i < cols.size(); i++) {
              field(g, cols.get(i), row.get(i), true);
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
          }
        }
        case GET_M365_APP_USER_COUNTS, GET_M365_APP_PLATFORM_USER_COUNTS -> {
          if (!table.rows().isEmpty()) {
            List<Object> first = table.rows().get(0);
            g.writeStartObject();
            field(g, cols.get(0), first.get(0), true);
            field(g, cols.get(1), first.get(1), true);
            g.writeArrayFieldStart("userCounts");
            for (List<Object> row : table.rows()) {
              g.writeStartObject();
              for (int i = 2; i < cols.size(); i++) {
                field(g, cols.get(i), row.get(i), true);
              }
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
        }
        default -> {
          for (List<Object> row : table.rows()) {
            g.writeStartObject();
            for (int i = 0; i < cols.size(); i++) {
              field(g, cols.get(i), row.get(i), false);
            }
            g.writeEndObject();
          }
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void field(JsonGenerator g, Column c, Object v, boolean periodAsNumber)
      throws IOException {
    g.writeFieldName(c.jsonName());
    if (v == null || c.type() == ColumnType.NOT_MEASURED) {
      g.writeNull();
      return;
    }
    switch (c.type()) {
      case TRUE_FALSE, YES_NO -> g.writeBoolean((Boolean) v);
      case COUNT -> g.writeNumber(((Number) v).longValue());
      case PERIOD -> {
        if (periodAsNumber) {
          g.writeNumber(((Number) v).longValue());
        } else {
          g.writeString(v.toString());
        }
      }
      case PRODUCTS -> {
        g.writeStartArray();
        String s = (String) v;
        if (!s.isEmpty()) {
          for (String p : s.split("\\+")) {
            g.writeString(p);
          }
        }
        g.writeEndArray();
      }
      default -> g.writeString(v.toString());
    }
  }
}
