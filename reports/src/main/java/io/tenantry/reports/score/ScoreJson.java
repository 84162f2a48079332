package io.tenantry.reports.score;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link UsageScore} as {@code score.json}, in exactly the shape and key order of {@code
 * usage-score.md}: {@code tenant, asOf, windowDays, total, scenarios, recommendations, history,
 * groups}.
 *
 * <p>Formatting: UTF-8, two-space indentation, {@code "key": value}, a final line feed. Points
 * and percentages are written with one decimal ({@code 60.0}); integers ({@code max}, {@code
 * numerator}, {@code users}, {@code targets}) without. Not-applicable values are JSON {@code
 * null}. Every scenario line always carries {@code peer} and {@code peerDelta}, null when no peer
 * value was given, and every history day lists all six scenarios, so the shape never depends on
 * the data. {@code targets} is the number of target people: names never leave the library through
 * {@code score.json}, only through {@link Recommendation#renderCampaign()} and the {@link
 * io.tenantry.reports.score.spi.CampaignSender}.
 */
public final class ScoreJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ScoreJson() {}

  /**
   * Returns the {@code score.json} bytes.
   *
   * @param score the score
   * @return UTF-8 JSON ending with a line feed
   */
  public static byte[] toBytes(UsageScore score) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      write(score, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes {@code score.json} to a stream (left open).
   *
   * @param score the score
   * @param out the stream
   * @throws IOException if the stream fails
   */
  public static void write(UsageScore score, OutputStream out) throws IOException {
    Objects.requireNonNull(score, "score");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pretty.indentArraysWith(indenter);
    pretty.indentObjectsWith(indenter);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeStringField("tenant", score.tenant().value());
      g.writeStringField("asOf", score.asOf().toString());
      g.writeNumberField("windowDays", score.windowDays());
      g.writeObjectFieldStart("total");
      decimal(g, "points", score.total().points());
      g.writeNumberField("max", score.total().max());
      decimal(g, "percent", score.total().percent());
      g.writeEndObject();
      g.writeArrayFieldStart("scenarios");
      for (ScenarioResult s : score.scenarios()) {
        g.writeStartObject();
        g.writeStringField("name", s.scenario().displayName());
        g.writeNumberField("numerator", s.numerator());
        g.writeNumberField("denominator", s.denominator());
        decimal(g, "points", s.points());
        if (s.maturity() == null) {
          g.writeNullField("maturity");
        } else {
          g.writeObjectFieldStart("maturity");
          g.writeNumberField("level", s.maturity().level());
          g.writeStringField("name", s.maturity().displayName());
          g.writeEndObject();
        }
        decimal(g, "peer", s.peer());
        decimal(g, "peerDelta", s.peerDelta());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("recommendations");
      for (Recommendation r : score.recommendations()) {
        g.writeStartObject();
        g.writeStringField("scenario", r.scenario().displayName());
        g.writeStringField("action", r.action());
        decimal(g, "expectedGain", r.expectedGain());
        g.writeNumberField("targets", r.targets().size());
        g.writeObjectFieldStart("campaign");
        g.writeStringField("subject", r.campaign().subject());
        g.writeStringField("template", r.campaign().template());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("history");
      for (HistoryEntry h : score.history()) {
        g.writeStartObject();
        g.writeStringField("date", h.date().toString());
        decimal(g, "percent", h.percent());
        g.writeObjectFieldStart("scenarios");
        for (Map.Entry<Scenario, BigDecimal> e : h.points().entrySet()) {
          decimal(g, e.getKey().displayName(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("groups");
      for (Map.Entry<GroupDimension, List<GroupView>> e : score.groups().entrySet()) {
        g.writeArrayFieldStart(e.getKey().column());
        for (GroupView v : e.getValue()) {
          g.writeStartObject();
          g.writeStringField("value", v.value());
          g.writeNumberField("users", v.users());
          decimal(g, "percent", v.percent());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeFieldName(name);
      g.writeNumber(value.setScale(Math.max(1, value.scale()), java.math.RoundingMode.UNNECESSARY)
          .toPlainString());
    }
  }
}
