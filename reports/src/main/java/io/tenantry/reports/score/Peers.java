package io.tenantry.reports.score;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Peer benchmark values per scenario ({@code peers.json}: {@code {"Communication": 55.0, ...}}).
 * A scenario without a value has no peer comparison.
 *
 * @param values the peer points by scenario, each within 0–100
 */
public record Peers(Map<Scenario, BigDecimal> values) {

  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException if the map, a key or a value is null
   * @throws IllegalArgumentException if a value lies outside 0–100
   */
  public Peers {
    EnumMap<Scenario, BigDecimal> copy = new EnumMap<>(Scenario.class);
    values.forEach((k, v) -> {
      Objects.requireNonNull(k, "scenario");
      Objects.requireNonNull(v, () -> "peer value of " + k.displayName());
      if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("peer value of " + k.displayName()
            + " must lie within 0-100, got " + v);
      }
      copy.put(k, v);
    });
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the empty benchmark (no peer comparison at all).
   *
   * @return peers without values
   */
  public static Peers none() {
    return new Peers(Map.of());
  }

  /**
   * Returns a scenario's peer value.
   *
   * @param scenario the scenario
   * @return the value, or empty when none was given
   */
  public Optional<BigDecimal> of(Scenario scenario) {
    return Optional.ofNullable(values.get(scenario));
  }

  /**
   * Reads {@code peers.json}.
   *
   * @param file the file
   * @return the peers
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if the file cannot be read
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static Peers read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
  }

  /**
   * Parses the text of a {@code peers.json}: one JSON object whose keys are scenario names exactly
   * as {@code usage-score.md} writes them and whose values are numbers within 0–100. Every
   * problem (unknown scenario, duplicate key, non-number, out of range, malformed JSON) is
   * reported with its line.
   *
   * @param json the text
   * @param fileName the file name used in problems
   * @return the peers
   * @throws io.tenantry.core.error.ValidationException listing every problem
   */
  public static Peers parse(String json, String fileName) {
    Problems problems = new Problems();
    EnumMap<Scenario, BigDecimal> values = new EnumMap<>(Scenario.class);
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try (JsonParser p = new JsonFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problems.add(at(fileName, p), "$", "must be a JSON object of scenario names to numbers",
            p.currentToken() == null ? null : p.getText());
        problems.throwIfAny();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        SourceLocation where = at(fileName, p);
        JsonToken value = p.nextToken();
        Optional<Scenario> scenario = Scenario.byName(key);
        if (scenario.isEmpty()) {
          problems.add(where, key, "is not a scenario; expected one of Communication, Content "
              + "collaboration, Teamwork, Meetings, Mobility, Data protection", key);
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
          problems.add(where, key, "must be a number within 0-100", p.getText());
          p.skipChildren();
          continue;
        }
        BigDecimal v = p.getDecimalValue();
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
          problems.add(where, key, "must lie within 0-100", v.toPlainString());
        } else if (values.put(scenario.get(), v) != null) {
          problems.add(where, key, "is given twice", v.toPlainString());
        }
      }
      if (p.nextToken() != null) {
        problems.add(at(fileName, p), "$", "unexpected content after the object", p.getText());
      }
    } catch (JsonProcessingException e) {
      problems.add(new SourceLocation(fileName, e.getLocation() == null ? 0
          : Math.max(0, e.getLocation().getLineNr())), "$", "is not valid JSON: " + e.getOriginalMessage(),
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems.throwIfAny();
    return new Peers(values);
  }

  private static SourceLocation at(String fileName, JsonParser p) {
    return new SourceLocation(fileName, Math.max(0, p.currentTokenLocation().getLineNr()));
  }
}
