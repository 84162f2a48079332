package io.tenantry.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result file and prints one line per comparison, {@code NAME ours=X peer=Y
 * ratio=Z UNIT}, pairing every benchmark run with {@code engine=tenantry} against the runs of the
 * same benchmark and parameters with another engine. The ratio is always "how many times better we
 * are": ours ÷ peer for throughput units, peer ÷ ours for time units. With {@code --markdown FILE}
 * it also writes the table, with the machine, the JVM and the date, to FILE.
 */
public final class Compare {
  private Compare() {}

  /** One comparison line. */
  record Row(String name, String peerName, double ours, double peer, String unit) {
    double ratio() {
      boolean timePerOp = unit.contains("/op");
      return timePerOp ? peer / ours : ours / peer;
    }
  }

  /**
   * Prints the comparisons of a JMH JSON file.
   *
   * @param args {@code RESULT.json [--markdown RESULTS.md]}
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("--markdown"))) {
      System.err.println("usage: Compare RESULT.json [--markdown RESULTS.md]");
      System.exit(64);
    }
    List<Row> rows = rows(new ObjectMapper().readTree(Path.of(args[0]).toFile()));
    print(rows, System.out);
    if (args.length == 3) {
      Files.writeString(Path.of(args[2]), markdown(rows), StandardCharsets.UTF_8);
    }
  }

  static List<Row> rows(JsonNode results) {
    Map<String, Map<String, JsonNode>> byKey = new TreeMap<>();
    for (JsonNode r : results) {
      String bench = r.get("benchmark").asText();
      bench = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
      Map<String, String> params = new TreeMap<>();
      String engine = null;
      JsonNode p = r.get("params");
      if (p != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().equals("engine")) {
            engine = e.getValue().asText();
          } else {
            params.put(e.getKey(), e.getValue().asText());
          }
        }
      }
      if (engine == null) {
        continue;
      }
      String key = bench + (params.isEmpty() ? "" : params.toString().replace(", ", ",")
          .replace('{', '[').replace('}', ']'));
      byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(engine, r.get("primaryMetric"));
    }
    List<Row> rows = new ArrayList<>();
    byKey.forEach((key, engines) -> {
      JsonNode ours = engines.get("tenantry");
      if (ours == null) {
        return;
      }
      engines.forEach((engine, metric) -> {
        if (!engine.equals("tenantry")) {
          rows.add(new Row(key, engine, ours.get("score").asDouble(), metric.get("score").asDouble(),
              ours.get("scoreUnit").asText()));
        }
      });
    });
    return rows;
  }

  static void print(List<Row> rows, PrintStream out) {
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%s vs %s ours=%s peer=%s ratio=%s %s%n", r.name(), r.peerName(),
          num(r.ours()), num(r.peer()), num(r.ratio()), r.unit());
    }
  }

  static String markdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("# Benchmark results\n\n");
    sb.append("- Date: ").append(LocalDate.now(java.time.ZoneOffset.UTC)).append('\n');
    sb.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append('\n');
    sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(cpuModel()).append('\n');
    sb.append("- Ratio: how many times better Tenantry is (throughput ours/peer, time peer/ours).\n\n");
    sb.append("| benchmark | peer | Tenantry | peer | ratio | unit |\n|---|---|---:|---:|---:|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.name()).append(" | ").append(r.peerName()).append(" | ")
          .append(num(r.ours())).append(" | ").append(num(r.peer())).append(" | ")
          .append(num(r.ratio())).append(" | ").append(r.unit())
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown CPU";
    }
    return "unknown CPU";
  }

  private static String num(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
