package io.tenantry.reports.servicedesk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ServiceDeskReport} as the files {@code tenantry servicedesk} writes:
 * {@value #TRENDS_CSV}, {@value #SPIKES_CSV} and {@value #JSON}. CSV follows the report
 * conventions of {@code activity-events.md} §7 (UTF-8 with a BOM, CRLF after every line, quotes
 * only where needed, blank for null); JSON is UTF-8, two-space indented, camelCase, nulls
 * written.
 *
 * <p>Trend columns: Week Start, Week End, Workload, Segment, Tickets, Active Users, Tickets Per
 * Active User, Resolved, Median Hours To Resolve, P90 Hours To Resolve, then Escalation Rate Tier 2
 * … Tier N. Spike columns: Week Start, Week End, Workload, Metric, Value, Baseline Median, Baseline
 * MAD, Robust Z, Threshold, Tickets, Active Users, Escalated.
 */
public final class ServiceDeskFiles {
  /** The weekly trend table. */
  public static final String TRENDS_CSV = "servicedesk-trends.csv";
  /** The spike table. */
  public static final String SPIKES_CSV = "servicedesk-spikes.csv";
  /** Both tables as one JSON document. */
  public static final String JSON = "servicedesk.json";

  private ServiceDeskFiles() {}

  /**
   * Returns the trend table.
   *
   * @param report the report
   * @return the CSV bytes
   */
  public static byte[] trendsCsv(ServiceDeskReport report) {
    List<String> header = new ArrayList<>(List.of("Week Start", "Week End", "Workload", "Segment",
        "Tickets", "Active Users", "Tickets Per Active User", "Resolved",
        "Median Hours To Resolve", "P90 Hours To Resolve"));
    for (int tier = 2; tier <= report.maxTier(); tier++) {
      header.add("Escalation Rate Tier " + tier);
    }
    StringBuilder sb = new StringBuilder("\uFEFF");
    line(sb, header);
    for (WeeklyTrend r : report.trends()) {
      List<String> cells = new ArrayList<>(List.of(r.weekStart().toString(),
          r.weekEnd().toString(), r.workload().wireName(), r.segment().label(),
          Integer.toString(r.tickets()), text(r.activeUsers()), text(r.ticketsPerActiveUser()),
          Integer.toString(r.resolved()), text(r.medianHoursToResolve()),
          text(r.p90HoursToResolve())));
      r.escalationRates().forEach(v -> cells.add(text(v)));
      line(sb, cells);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the spike table.
   *
   * @param report the report
   * @return the CSV bytes
   */
  public static byte[] spikesCsv(ServiceDeskReport report) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    line(sb, List.of("Week Start", "Week End", "Workload", "Metric", "Value", "Baseline Median",
        "Baseline MAD", "Robust Z", "Threshold", "Tickets", "Active Users", "Escalated"));
    for (Spike s : report.spikes()) {
      line(sb, List.of(s.weekStart().toString(), s.weekEnd().toString(), s.workload().wireName(),
          s.metric(), text(s.value()), text(s.baselineMedian()), text(s.baselineMad()),
          text(s.robustZ()), text(s.threshold()), Integer.toString(s.tickets()),
          text(s.activeUsers()), text(s.escalated())));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns both tables as JSON: {@code tenant, asOf, weeks, eventsGiven, trends, spikes}.
   *
   * @param report the report
   * @return the JSON bytes, ending with a line feed
   */
  public static byte[] json(ServiceDeskReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withSeparators(
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pretty.indentArraysWith(indenter);
    pretty.indentObjectsWith(indenter);
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeStringField("tenant", report.tenant().value());
      g.writeStringField("asOf", report.asOf().toString());
      g.writeNumberField("weeks", report.weeks());
      g.writeBooleanField("eventsGiven", report.eventsGiven());
      g.writeArrayFieldStart("trends");
      for (WeeklyTrend r : report.trends()) {
        g.writeStartObject();
        g.writeStringField("weekStart", r.weekStart().toString());
        g.writeStringField("weekEnd", r.weekEnd().toString());
        g.writeStringField("workload", r.workload().wireName());
        g.writeStringField("segment", r.segment().label());
        g.writeNumberField("tickets", r.tickets());
        integer(g, "activeUsers", r.activeUsers());
        decimal(g, "ticketsPerActiveUser", r.ticketsPerActiveUser());
        g.writeNumberField("resolved", r.resolved());
        decimal(g, "medianHoursToResolve", r.medianHoursToResolve());
        decimal(g, "p90HoursToResolve", r.p90HoursToResolve());
        g.writeObjectFieldStart("escalationRates");
        for (int i = 0; i < r.escalationRates().size(); i++) {
          decimal(g, "tier" + (i + 2), r.escalationRates().get(i));
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("spikes");
      for (Spike s : report.spikes()) {
        g.writeStartObject();
        g.writeStringField("weekStart", s.weekStart().toString());
        g.writeStringField("weekEnd", s.weekEnd().toString());
        g.writeStringField("workload", s.workload().wireName());
        g.writeStringField("metric", s.metric());
        decimal(g, "value", s.value());
        decimal(g, "baselineMedian", s.baselineMedian());
        decimal(g, "baselineMad", s.baselineMad());
        decimal(g, "robustZ", s.robustZ());
        decimal(g, "threshold", s.threshold());
        g.writeNumberField("tickets", s.tickets());
        integer(g, "activeUsers", s.activeUsers());
        integer(g, "escalated", s.escalated());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void decimal(JsonGenerator g, String name, BigDecimal v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeFieldName(name);
      g.writeNumber(v.toPlainString());
    }
  }

  private static void integer(JsonGenerator g, String name, Integer v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\r') >= 0
          || c.indexOf('\n') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    sb.append("\r\n");
  }
}
