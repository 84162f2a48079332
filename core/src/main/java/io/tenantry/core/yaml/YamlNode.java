package io.tenantry.core.yaml;

import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One node of a parsed YAML document: a mapping, a list, a scalar or null, with the line it starts
 * on and its field path from the document root (e.g. {@code tenants[0].users[2].id}).
 *
 * <p>Scalars keep their text exactly as written; nothing is converted implicitly (YAML 1.2 reading:
 * {@code on}, {@code yes} and {@code 2026-01-01} are text until an accessor reads them as a
 * boolean or a date). The typed accessors never throw on bad input: they record a {@link Problem}
 * naming the path, the value and the file and line in the {@link Problems} they are given and
 * return null (or an empty list), so a caller reports every problem of a file at once.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class YamlNode {

  /** The shape of a node. */
  public enum Kind {
    /** A mapping of keys to nodes (keys are scalars, in document order). */
    MAP,
    /** A sequence of nodes. */
    LIST,
    /** A non-null scalar. */
    SCALAR,
    /** {@code null}, {@code ~} or an empty value. */
    NULL
  }

  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final Kind kind;
  private final String path;
  private final SourceLocation location;
  private final String text;
  private final Map<String, YamlNode> entries;
  private final List<YamlNode> elements;

  YamlNode(Kind kind, String path, SourceLocation location, String text,
      Map<String, YamlNode> entries, List<YamlNode> elements) {
    this.kind = kind;
    this.path = path;
    this.location = location;
    this.text = text;
    this.entries = entries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.elements = elements == null ? List.of() : List.copyOf(elements);
  }

  /**
   * Returns the node's shape.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the node's field path from the root, or {@code "(root)"} for the root.
   *
   * @return e.g. {@code "checks[3].expect"}
   */
  public String path() {
    return path.isEmpty() ? "(root)" : path;
  }

  /**
   * Returns where the node starts.
   *
   * @return the file name and 1-based line
   */
  public SourceLocation location() {
    return location;
  }

  /**
   * Returns the 1-based line the node starts on.
   *
   * @return the line
   */
  public int line() {
    return location.line();
  }

  /** @return true for a mapping */
  public boolean isMap() {
    return kind == Kind.MAP;
  }

  /** @return true for a list */
  public boolean isList() {
    return kind == Kind.LIST;
  }

  /** @return true for a non-null scalar */
  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** @return true for null */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /**
   * Returns a scalar's text as written.
   *
   * @return the text, or null for a mapping, a list or null
   */
  public String text() {
    return text;
  }

  /**
   * Returns a mapping's keys in document order.
   *
   * @return the keys; empty for other kinds
   */
  public Set<String> keys() {
    return entries.keySet();
  }

  /**
   * Returns a mapping's entries in document order.
   *
   * @return the entries; empty for other kinds
   */
  public Map<String, YamlNode> entries() {
    return entries;
  }

  /**
   * Returns a list's elements.
   *
   * @return the elements; empty for other kinds
   */
  public List<YamlNode> elements() {
    return elements;
  }

  /**
   * Returns the value of a mapping key.
   *
   * @param key the key
   * @return the node, or empty when this is not a mapping or has no such key
   */
  public Optional<YamlNode> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /**
   * Tells whether a mapping has a key with a non-null value.
   *
   * @param key the key
   * @return true when the key is present and not null
   */
  public boolean has(String key) {
    YamlNode n = entries.get(key);
    return n != null && !n.isNull();
  }

  /**
   * Creates a problem located at this node, with its text as the rejected value.
   *
   * @param message what is wrong
   * @return the problem
   */
  public Problem problem(String message) {
    return new Problem(path(), message, text, location);
  }

  /**
   * Records a problem located at this node.
   *
   * @param problems where to record it
   * @param message what is wrong
   */
  public void report(Problems problems, String message) {
    problems.add(problem(message));
  }

  /**
   * Checks that this node is a mapping.
   *
   * @param problems where to record a problem
   * @return true when it is a mapping
   */
  public boolean expectMap(Problems problems) {
    if (isMap()) {
      return true;
    }
    report(problems, "must be a mapping (key: value pairs), found " + describe());
    return false;
  }

  /**
   * Records every key of this mapping that is not allowed, at the key's line.
   *
   * @param problems where to record problems
   * @param allowed the keys this mapping may have
   */
  public void allowOnly(Problems problems, String... allowed) {
    Set<String> ok = new TreeSet<>(Arrays.asList(allowed));
    for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
      if (!ok.contains(e.getKey())) {
        YamlNode n = e.getValue();
        problems.add(new Problem(n.path, "unknown key '" + e.getKey() + "'; expected one of "
            + String.join(", ", ok), e.getKey(), n.location));
      }
    }
  }

  /**
   * Reads a required scalar as text.
   *
   * @param key the key
   * @param problems where to record a missing or non-scalar value
   * @return the text, or null after recording a problem
   */
  public String requireString(String key, Problems problems) {
    YamlNode n = entries.get(key);
    if (n == null || n.isNull()) {
      missing(key, problems);
      return null;
    }
    return n.scalarText(problems);
  }

  /**
   * Reads an optional scalar as text.
   *
   * @param key the key
   * @param problems where to record a non-scalar value
   * @return the text, or null when absent, null or invalid
   */
  public String optString(String key, Problems problems) {
    YamlNode n = entries.get(key);
    return n == null || n.isNull() ? null : n.scalarText(problems);
  }

  /**
   * Reads an optional integer.
   *
   * @param key the key
   * @param problems where to record a value that is not an integer
   * @return the integer, or null when absent, null or invalid
   */
  public Integer optInt(String key, Problems problems) {
    YamlNode n = entries.get(key);
    return n == null || n.isNull() ? null : n.asInt(problems);
  }

  /**
   * Reads a required integer.
   *
   * @param key the key
   * @param problems where to record a missing or invalid value
   * @return the integer, or null after recording a problem
   */
  public Integer requireInt(String key, Problems problems) {
    YamlNode n = entries.get(key);
    if (n == null || n.isNull()) {
      missing(key, problems);
      return null;
    }
    return n.asInt(problems);
  }

  /**
   * Reads an optional boolean ({@code true} or {@code false}, any case; YAML 1.1's {@code yes},
   * {@code on} and friends are refused).
   *
   * @param key the key
   * @param problems where to record an invalid value
   * @return the boolean, or null when absent, null or invalid
   */
  public Boolean optBoolean(String key, Problems problems) {
    YamlNode n = entries.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    String t = n.scalarText(problems);
    if (t == null) {
      return null;
    }
    if (t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    n.report(problems, "must be true or false");
    return null;
  }

  /**
   * Reads an optional date written {@code YYYY-MM-DD}.
   *
   * @param key the key
   * @param problems where to record an invalid value
   * @return the date, or null when absent, null or invalid
   */
  public LocalDate optDate(String key, Problems problems) {
    YamlNode n = entries.get(key);
    return n == null || n.isNull() ? null : n.asDate(problems);
  }

  /**
   * Reads a required date written {@code YYYY-MM-DD}.
   *
   * @param key the key
   * @param problems where to record a missing or invalid value
   * @return the date, or null after recording a problem
   */
  public LocalDate requireDate(String key, Problems problems) {
    YamlNode n = entries.get(key);
    if (n == null || n.isNull()) {
      missing(key, problems);
      return null;
    }
    return n.asDate(problems);
  }

  /**
   * Reads an optional list.
   *
   * @param key the key
   * @param problems where to record a value that is not a list
   * @return the elements; empty when absent, null or not a list
   */
  public List<YamlNode> optList(String key, Problems problems) {
    YamlNode n = entries.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isList()) {
      n.report(problems, "must be a list, found " + n.describe());
      return List.of();
    }
    return n.elements;
  }

  /**
   * Reads an optional list of scalars as text.
   *
   * @param key the key
   * @param problems where to record elements that are not scalars
   * @return the texts of the valid elements, in order; empty when absent
   */
  public List<String> optStringList(String key, Problems problems) {
    List<String> out = new ArrayList<>();
    for (YamlNode e : optList(key, problems)) {
      String t = e.scalarText(problems);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Reads this node as a scalar's text.
   *
   * @param problems where to record a node that is not a scalar
   * @return the text, or null after recording a problem
   */
  public String scalarText(Problems problems) {
    if (isScalar()) {
      return text;
    }
    report(problems, "must be a single value, found " + describe());
    return null;
  }

  /**
   * Reads this node as an integer.
   *
   * @param problems where to record a problem
   * @return the integer, or null after recording a problem
   */
  public Integer asInt(Problems problems) {
    String t = scalarText(problems);
    if (t == null) {
      return null;
    }
    if (INTEGER.matcher(t).matches()) {
      try {
        return Integer.valueOf(t);
      } catch (NumberFormatException e) {
        report(problems, "is out of range for an integer");
        return null;
      }
    }
    report(problems, "must be an integer");
    return null;
  }

  /**
   * Reads this node as a date written {@code YYYY-MM-DD}.
   *
   * @param problems where to record a problem
   * @return the date, or null after recording a problem
   */
  public LocalDate asDate(Problems problems) {
    String t = scalarText(problems);
    if (t == null) {
      return null;
    }
    if (DATE.matcher(t).matches()) {
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        report(problems, "is not a valid calendar date");
        return null;
      }
    }
    report(problems, "must be a date written YYYY-MM-DD");
    return null;
  }

  private void missing(String key, Problems problems) {
    String p = path.isEmpty() ? key : path + "." + key;
    problems.add(new Problem(p, "is required", null, location));
  }

  private String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> "'" + text + "'";
      case NULL -> "nothing";
    };
  }

  @Override
  public String toString() {
    return path() + " (" + location + "): " + describe();
  }

  static String child(String parent, String key) {
    Objects.requireNonNull(key);
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
