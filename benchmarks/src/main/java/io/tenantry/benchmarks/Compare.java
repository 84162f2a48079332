package io.tenantry.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JMH JSON result files and prints one line per measure: a comparison of Tenantry with a
 * peer, or a figure of Tenantry alone. With {@code --markdown FILE} it also writes the table, with
 * the machine (cores, memory, CPU model), the JVM, the date and the run settings, to FILE; with
 * {@code --json FILE}, all the results as one JSON array. {@code benchmarks/run} calls it.
 *
 * <h2>The convention a benchmark follows to show up</h2>
 *
 * <ul>
 *   <li><b>Sides.</b> A benchmark's {@code engine} {@code @Param} names the side of each run:
 *       {@code tenantry} is ours, any other value is a peer, named by it: a tool ({@code jcasbin},
 *       {@code duckdb}, {@code tink-aes128-gcm}) or a plain baseline ({@code naive}). A benchmark
 *       without an {@code engine} parameter is ours alone.</li>
 *   <li><b>Measures.</b> Every run gives its primary score, named {@code Class.method[params]}
 *       (the parameters other than {@code engine}, sorted by name), and one measure per secondary
 *       result that is not a profiler's (JMH prefixes those with {@code ·}, and {@code -prof gc}
 *       or {@code -prof stack} output is not shown), named {@code Class.method:result[params]}: in
 *       practice the fields and methods of an {@code @AuxCounters} state. Runs of different
 *       engines with the same name are compared.</li>
 *   <li><b>Lines.</b> {@code NAME vs PEER ours=X peer=Y ratio=Z UNIT} for each peer of a measure
 *       that Tenantry also ran; {@code NAME ours=X UNIT} for a measure without a peer (a snapshot
 *       build time, heap bytes per assignment, the lifecycle's daily pass); {@code NAME vs PEER
 *       ours=- peer=Y ratio=- UNIT} when the peer ran and Tenantry did not (its trial failed), and
 *       the exit status is then 1.</li>
 *   <li><b>Ratio.</b> Always "how many times better Tenantry is": ours ÷ peer when the unit is a
 *       rate ({@code ops/s}, {@code ops/ms}, anything ending in {@code /s}), peer ÷ ours for every
 *       other unit, which are costs (time per operation, {@code #} counts, bytes).</li>
 *   <li><b>Counters.</b> An {@code @AuxCounters(Type.EVENTS)} counter (unit {@code #}) is shown as
 *       its mean per measurement iteration (JMH itself sums them), so a benchmark reports a
 *       quantity such as heap bytes per assignment by setting its counter field to that quantity in
 *       every measured iteration (in the benchmark method or an {@code @Setup(Level.Iteration)}).
 *       Name such a counter after its unit ({@code heapBytesPerAssignment}); it is a cost, lower
 *       is better. A run with such a counter shows its counters only, not its primary score (the
 *       time of the call that reports them).</li>
 *   <li><b>Programs.</b> A measure JMH cannot take (the memory an engine keeps after a load) may
 *       come from a plain program that prints lines in the format above; {@code benchmarks/run}
 *       lists such programs and hands their output over with {@code --lines}.</li>
 * </ul>
 *
 * <p>Lines are ordered by measure name, then by the order the peers ran.
 */
public final class Compare {
  private static final String OURS = "tenantry";
  private static final String ENGINE = "engine";
  private static final Pattern VS = Pattern.compile(
      "(\\S+) vs (\\S+) ours=(\\S+) peer=(\\S+) ratio=\\S+ (.+)");
  private static final Pattern ALONE = Pattern.compile("(\\S+) ours=(\\S+) (.+)");

  private Compare() {}

  /**
   * One figure of one side.
   *
   * @param score the score
   * @param error the 99.9% half-width JMH gives (NaN when it cannot tell)
   * @param unit the unit
   */
  record Figure(double score, double error, String unit) {}

  /**
   * One output line.
   *
   * @param name the measure, {@code Class.method[params]} or {@code Class.method:result[params]}
   * @param peerName the peer's engine name, or null for a line of ours alone
   * @param ours Tenantry's figure, or null when only the peer ran
   * @param peer the peer's figure, or null for a line of ours alone
   */
  record Row(String name, String peerName, Figure ours, Figure peer) {
    String unit() {
      return ours != null ? ours.unit() : peer.unit();
    }

    boolean complete() {
      return peerName == null || ours != null;
    }

    double ratio() {
      return higherIsBetter(unit()) ? ours.score() / peer.score() : peer.score() / ours.score();
    }
  }

  /**
   * Prints the lines of one or more JMH JSON files.
   *
   * @param args {@code RESULT.json... [--markdown RESULTS.md] [--json ALL.json] [--lines
   *     MORE.txt]}: the JMH result files, where to write the table, where to write all results as
   *     one JSON array, and lines in this format that plain programs printed (measures JMH cannot
   *     take, such as the memory an engine keeps), added after the others
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    List<Path> inputs = new ArrayList<>();
    Path markdown = null;
    Path merged = null;
    Path extra = null;
    boolean usage = args.length == 0;
    for (int i = 0; i < args.length && !usage; i++) {
      if (args[i].equals("--markdown") && i + 1 < args.length) {
        markdown = Path.of(args[++i]);
      } else if (args[i].equals("--json") && i + 1 < args.length) {
        merged = Path.of(args[++i]);
      } else if (args[i].equals("--lines") && i + 1 < args.length) {
        extra = Path.of(args[++i]);
      } else if (args[i].startsWith("-")) {
        usage = true;
      } else {
        inputs.add(Path.of(args[i]));
      }
    }
    if (usage || inputs.isEmpty()) {
      System.err.println("usage: Compare RESULT.json... [--markdown RESULTS.md] [--json ALL.json]"
          + " [--lines MORE.txt]");
      System.exit(64);
    }
    ObjectMapper json = new ObjectMapper();
    ArrayNode results = json.createArrayNode();
    for (Path p : inputs) {
      json.readTree(p.toFile()).forEach(results::add);
    }
    if (merged != null) {
      json.writerWithDefaultPrettyPrinter().writeValue(merged.toFile(), results);
    }
    List<JsonNode> all = new ArrayList<>();
    results.forEach(all::add);
    List<Row> rows = rows(all);
    print(rows, System.out);
    if (extra != null) {
      List<Row> more = parse(Files.readAllLines(extra, StandardCharsets.UTF_8));
      print(more, System.out);
      rows.addAll(more);
    }
    if (markdown != null) {
      Files.writeString(markdown, markdown(rows, all, Machine.local(),
          ZonedDateTime.now(ZoneOffset.UTC)), StandardCharsets.UTF_8);
    }
    for (Row r : rows) {
      if (!r.complete()) {
        System.err.println("Compare: " + r.name() + " has a " + r.peerName()
            + " result but no tenantry result (did its trial fail?)");
      }
    }
    if (rows.stream().anyMatch(r -> !r.complete())) {
      System.exit(1);
    }
  }

  /**
   * Turns JMH results into lines, following the convention above.
   *
   * @param results the JMH result objects, from one or more files
   * @return the lines, by measure name
   */
  static List<Row> rows(Iterable<JsonNode> results) {
    Map<String, Map<String, Figure>> byName = new TreeMap<>(Compare::natural);
    for (JsonNode r : results) {
      String bench = r.get("benchmark").asText();
      bench = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
      Map<String, String> params = new TreeMap<>();
      String engine = OURS;
      JsonNode p = r.get("params");
      if (p != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().equals(ENGINE)) {
            engine = e.getValue().asText();
          } else {
            params.put(e.getKey(), e.getValue().asText());
          }
        }
      }
      StringBuilder suffix = new StringBuilder();
      if (!params.isEmpty()) {
        suffix.append('[');
        params.forEach((k, v) -> suffix.append(suffix.length() > 1 ? "," : "").append(k)
            .append('=').append(v));
        suffix.append(']');
      }
      String eng = engine;
      boolean counters = false;
      JsonNode secondary = r.get("secondaryMetrics");
      if (secondary != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getKey().startsWith("·")) {
            Figure f = figure(e.getValue());
            counters |= f.unit().equals("#");
            byName.computeIfAbsent(bench + ":" + e.getKey() + suffix, k -> new LinkedHashMap<>())
                .put(eng, f);
          }
        }
      }
      if (!counters) {
        byName.computeIfAbsent(bench + suffix, k -> new LinkedHashMap<>())
            .put(eng, figure(r.get("primaryMetric")));
      }
    }
    List<Row> rows = new ArrayList<>();
    byName.forEach((name, engines) -> {
      Figure ours = engines.get(OURS);
      if (engines.size() == 1 && ours != null) {
        rows.add(new Row(name, null, ours, null));
      }
      engines.forEach((engine, figure) -> {
        if (!engine.equals(OURS)) {
          rows.add(new Row(name, engine, ours, figure));
        }
      });
    });
    return rows;
  }

  /**
   * Reads lines in the output format back into rows (blank lines are skipped).
   *
   * @param lines the lines
   * @return the rows, in the lines' order
   * @throws IllegalArgumentException naming the line, if one is not in the format
   */
  static List<Row> parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = VS.matcher(line);
      Matcher a = ALONE.matcher(line);
      try {
        if (m.matches()) {
          rows.add(new Row(m.group(1), m.group(2), parsed(m.group(3), m.group(5)),
              parsed(m.group(4), m.group(5))));
        } else if (a.matches()) {
          rows.add(new Row(a.group(1), null, parsed(a.group(2), a.group(3)), null));
        } else {
          throw new IllegalArgumentException("line " + (i + 1) + " is not a Compare line: " + line);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " has a figure that is not a"
            + " number: " + line, e);
      }
    }
    return rows;
  }

  private static Figure parsed(String value, String unit) {
    return value.equals("-") ? null : new Figure(Double.parseDouble(value), Double.NaN, unit);
  }

  /**
   * Orders names as text, but runs of digits by their value, so {@code bytes=16384} comes before
   * {@code bytes=1048576}.
   */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String da = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String db = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int c = da.length() != db.length() ? Integer.compare(da.length(), db.length())
            : da.compareTo(db);
        if (c != 0) {
          return c;
        }
      } else if (x != y) {
        return Character.compare(x, y);
      } else {
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  /** A metric's score; for an events counter ({@code #}), its mean per measured iteration. */
  private static Figure figure(JsonNode metric) {
    String unit = metric.get("scoreUnit").asText();
    double score = metric.get("score").asDouble();
    double error = metric.path("scoreError").asDouble(Double.NaN);
    if (unit.equals("#") && metric.has("rawData")) {
      double sum = 0;
      int n = 0;
      for (JsonNode fork : metric.get("rawData")) {
        for (JsonNode v : fork) {
          sum += v.asDouble();
          n++;
        }
      }
      if (n > 0) {
        return new Figure(sum / n, Double.NaN, unit);
      }
    }
    return new Figure(score, error, unit);
  }

  static boolean higherIsBetter(String unit) {
    return unit.startsWith("ops/") || unit.endsWith("/s");
  }

  /**
   * Prints the lines.
   *
   * @param rows the lines
   * @param out where to print
   */
  static void print(List<Row> rows, PrintStream out) {
    for (Row r : rows) {
      if (r.peerName() == null) {
        out.printf(Locale.ROOT, "%s ours=%s %s%n", r.name(), num(r.ours().score()), r.unit());
      } else if (r.ours() == null) {
        out.printf(Locale.ROOT, "%s vs %s ours=- peer=%s ratio=- %s%n", r.name(), r.peerName(),
            num(r.peer().score()), r.unit());
      } else {
        out.printf(Locale.ROOT, "%s vs %s ours=%s peer=%s ratio=%s %s%n", r.name(), r.peerName(),
            num(r.ours().score()), num(r.peer().score()), num(r.ratio()), r.unit());
      }
    }
  }

  /**
   * The machine the results were measured on.
   *
   * @param cores the processors the JVM sees
   * @param memory the total memory, as {@code /proc/meminfo} gives it, or "unknown memory"
   * @param cpu the CPU model, from {@code /proc/cpuinfo}, or "unknown CPU"
   * @param load the load averages of {@code /proc/loadavg}, or "unknown" (a loaded machine makes
   *     the figures noisy)
   */
  record Machine(int cores, String memory, String cpu, String load) {
    static Machine local() {
      String load;
      try {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        load = f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
      } catch (IOException e) {
        load = "unknown";
      }
      return new Machine(Runtime.getRuntime().availableProcessors(),
          procField("/proc/meminfo", "MemTotal", "unknown memory"),
          procField("/proc/cpuinfo", "model name", "unknown CPU"), load);
    }

    private static String procField(String file, String field, String unknown) {
      try {
        for (String line : Files.readAllLines(Path.of(file))) {
          if (line.startsWith(field)) {
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (value.endsWith(" kB")) {
              long kib = Long.parseLong(value.substring(0, value.length() - 3).trim());
              return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
            }
            return value;
          }
        }
      } catch (IOException | NumberFormatException e) {
        return unknown;
      }
      return unknown;
    }
  }

  /**
   * Renders the table.
   *
   * @param rows the lines
   * @param results the JMH results (for the JVM and the run settings)
   * @param machine the machine
   * @param when the time of the report
   * @return the markdown
   */
  static String markdown(List<Row> rows, List<JsonNode> results, Machine machine,
      ZonedDateTime when) {
    StringBuilder sb = new StringBuilder("# Benchmark results\n\n");
    sb.append("- Date: ").append(when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append('\n');
    JsonNode first = results.isEmpty() ? null : results.get(0);
    String jvm = first == null ? System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version")
        : first.path("vmName").asText() + " " + first.path("jdkVersion").asText() + " ("
            + first.path("vmVersion").asText() + "), JMH " + first.path("jmhVersion").asText();
    sb.append("- JVM: ").append(jvm).append('\n');
    sb.append("- Machine: ").append(machine.cores()).append(" cores, ").append(machine.memory())
        .append(", ").append(machine.cpu()).append("; load average (1, 5, 15 min) when written: ")
        .append(machine.load()).append('\n');
    sb.append("- Ratio: how many times better Tenantry is (rates ours/peer, costs peer/ours); ")
        .append("± is JMH's 99.9% error.\n\n");
    sb.append("| benchmark | peer | Tenantry | peer | ratio | unit |\n")
        .append("|---|---|---:|---:|---:|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.name()).append(" | ")
          .append(r.peerName() == null ? "—" : r.peerName()).append(" | ")
          .append(cell(r.ours())).append(" | ").append(cell(r.peer())).append(" | ")
          .append(r.peerName() == null || r.ours() == null ? "—" : num(r.ratio())).append(" | ")
          .append(r.unit()).append(" |\n");
    }
    sb.append("\nRun settings (forks × (warm-up + measured iterations), mode):\n\n");
    Map<String, Map<String, List<String>>> settings = new TreeMap<>();
    for (JsonNode r : results) {
      String bench = r.get("benchmark").asText();
      String s = r.path("forks").asInt() + " × (" + r.path("warmupIterations").asInt() + " × "
          + r.path("warmupTime").asText() + " + " + r.path("measurementIterations").asInt()
          + " × " + r.path("measurementTime").asText() + "), " + r.path("mode").asText();
      List<String> engines = settings
          .computeIfAbsent(bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1),
              k -> new LinkedHashMap<>())
          .computeIfAbsent(s, k -> new ArrayList<>());
      String engine = r.path("params").path(ENGINE).asText(OURS);
      if (!engines.contains(engine)) {
        engines.add(engine);
      }
    }
    settings.forEach((bench, bySetting) -> bySetting.forEach((s, engines) -> {
      sb.append("- ").append(bench);
      if (bySetting.size() > 1) {
        sb.append(" (").append(String.join(", ", engines)).append(')');
      }
      sb.append(": ").append(s).append('\n');
    }));
    return sb.toString();
  }

  private static String cell(Figure f) {
    if (f == null) {
      return "—";
    }
    return Double.isNaN(f.error()) ? num(f.score()) : num(f.score()) + " ± " + num(f.error());
  }

  private static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
