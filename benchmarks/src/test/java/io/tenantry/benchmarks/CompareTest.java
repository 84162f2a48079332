package io.tenantry.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A JMH result object as JMH 1.37 writes it, with the fields Compare reads. */
  private static ObjectNode result(String benchmark, Map<String, String> params, double score,
      String unit) {
    ObjectNode r = JSON.createObjectNode();
    r.put("benchmark", "io.tenantry.benchmarks.x." + benchmark);
    r.put("mode", unit.startsWith("ops") ? "thrpt" : "avgt");
    r.put("forks", 1).put("warmupIterations", 1).put("warmupTime", "1 s")
        .put("measurementIterations", 2).put("measurementTime", "1 s");
    r.put("jmhVersion", "1.37").put("vmName", "OpenJDK 64-Bit Server VM")
        .put("jdkVersion", "17.0.15").put("vmVersion", "17.0.15+6");
    ObjectNode p = r.putObject("params");
    params.forEach(p::put);
    r.set("primaryMetric", metric(score, unit, score, score));
    r.putObject("secondaryMetrics");
    return r;
  }

  private static ObjectNode metric(double score, String unit, double... raw) {
    ObjectNode m = JSON.createObjectNode();
    m.put("score", score).put("scoreError", 1.5).put("scoreUnit", unit);
    ArrayNode fork = m.putArray("rawData").addArray();
    for (double v : raw) {
      fork.add(v);
    }
    return m;
  }

  private static String lines(List<JsonNode> results) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Compare.print(Compare.rows(results), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rows_throughputOfBothSides_ratioIsOursOverPeer() {
    List<JsonNode> in = List.of(
        result("AuthzBenchmark.check", Map.of("engine", "tenantry", "assignments", "10000"), 1000,
            "ops/s"),
        result("AuthzBenchmark.check", Map.of("engine", "jcasbin", "assignments", "10000"), 10,
            "ops/s"));

    assertThat(lines(in)).isEqualTo(
        "AuthzBenchmark.check[assignments=10000] vs jcasbin ours=1000 peer=10.0 ratio=100 ops/s\n");
  }

  @Test
  void rows_timePerOperation_ratioIsPeerOverOurs() {
    List<JsonNode> in = List.of(
        result("UsageScoreBenchmark.score", Map.of("engine", "tenantry", "users", "10"), 2,
            "ms/op"),
        result("UsageScoreBenchmark.score", Map.of("engine", "naive", "users", "10"), 8, "ms/op"));

    assertThat(lines(in)).isEqualTo(
        "UsageScoreBenchmark.score[users=10] vs naive ours=2.00 peer=8.00 ratio=4.00 ms/op\n");
  }

  @Test
  void rows_benchmarkWithoutEngine_printsOursAlone() {
    List<JsonNode> in = List.of(
        result("GroupLifecycleBenchmark.dailyPass", Map.of("groups", "1000"), 12.5, "ms/op"));

    assertThat(lines(in)).isEqualTo("GroupLifecycleBenchmark.dailyPass[groups=1000] ours=12.5 ms/op\n");
  }

  @Test
  void rows_eventsCounterOfBothSides_comparedAsACostPerIterationInsteadOfTheScore() {
    ObjectNode ours = result("AuthzBenchmark.load", Map.of("engine", "tenantry"), 5, "ms/op");
    ((ObjectNode) ours.get("secondaryMetrics")).set("heapBytesPerAssignment",
        metric(240, "#", 80, 80, 80));
    ((ObjectNode) ours.get("secondaryMetrics")).set("·gc.alloc.rate", metric(9, "MB/sec", 9));
    ObjectNode peer = result("AuthzBenchmark.load", Map.of("engine", "jcasbin"), 50, "ms/op");
    ((ObjectNode) peer.get("secondaryMetrics")).set("heapBytesPerAssignment",
        metric(2400, "#", 800, 800, 800));

    assertThat(lines(List.of(ours, peer))).isEqualTo(
        "AuthzBenchmark.load:heapBytesPerAssignment vs jcasbin ours=80.0 peer=800 ratio=10.0"
            + " #\n");
  }

  @Test
  void rows_peerWithoutTenantry_isAnIncompleteLine() {
    List<JsonNode> in = List.of(
        result("ReportsBenchmark.report", Map.of("engine", "duckdb"), 300, "ms/op"));

    List<Compare.Row> rows = Compare.rows(in);

    assertThat(rows).singleElement().satisfies(r -> assertThat(r.complete()).isFalse());
    assertThat(lines(in)).isEqualTo("ReportsBenchmark.report vs duckdb ours=- peer=300 ratio=- ms/op\n");
  }

  @Test
  void rows_numericParameters_orderedByValue() {
    List<JsonNode> in = List.of(
        result("StoreBenchmark.putGet", Map.of("bytes", "1048576"), 1, "ops/s"),
        result("StoreBenchmark.putGet", Map.of("bytes", "16384"), 2, "ops/s"),
        result("StoreBenchmark.putGet", Map.of("bytes", "1024"), 3, "ops/s"));

    assertThat(Compare.rows(in)).extracting(Compare.Row::name).containsExactly(
        "StoreBenchmark.putGet[bytes=1024]", "StoreBenchmark.putGet[bytes=16384]",
        "StoreBenchmark.putGet[bytes=1048576]");
  }

  @Test
  void parse_printedLines_giveTheSameLinesBack() {
    String printed = "ReportsFootprint.memory[events=1000000] vs duckdb ours=12.5 peer=40.0"
        + " ratio=3.20 bytes/active-user-day\n"
        + "GroupLifecycleBenchmark.dailyPass[groups=1000] ours=12.5 ms/op\n";

    List<Compare.Row> rows = Compare.parse(List.of(printed.split("\n")));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Compare.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(printed);
  }

  @Test
  void parse_lineInAnotherFormat_isRefusedWithItsNumber() {
    assertThatThrownBy(() -> Compare.parse(List.of("", "memory: 12 bytes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2 is not a Compare line: memory: 12 bytes");
  }

  @Test
  void markdown_anyResults_namesMachineJvmDateAndEveryLine() {
    List<JsonNode> in = new ArrayList<>(List.of(
        result("StoreBenchmark.putGet", Map.of("engine", "tenantry", "bytes", "1024"), 10,
            "ops/s"),
        result("StoreBenchmark.putGet", Map.of("engine", "tink-aes128-gcm", "bytes", "1024"), 20,
            "ops/s"),
        result("GroupLifecycleBenchmark.dailyPass", Map.of(), 3, "ms/op")));

    String md = Compare.markdown(Compare.rows(in), in,
        new Compare.Machine(2, "23.4 GiB", "AMD EPYC 9R14", "0.50 0.40 0.30"),
        ZonedDateTime.of(2026, 11, 28, 1, 2, 0, 0, ZoneOffset.UTC));

    assertThat(md).contains("- Date: 2026-11-28 01:02 UTC\n")
        .contains("- JVM: OpenJDK 64-Bit Server VM 17.0.15 (17.0.15+6), JMH 1.37\n")
        .contains("- Machine: 2 cores, 23.4 GiB, AMD EPYC 9R14; load average (1, 5, 15 min) when"
            + " written: 0.50 0.40 0.30\n")
        .contains("| StoreBenchmark.putGet[bytes=1024] | tink-aes128-gcm | 10.0 ± 1.50 | 20.0 ± 1.50"
            + " | 0.500 | ops/s |\n")
        .contains("| GroupLifecycleBenchmark.dailyPass | — | 3.00 ± 1.50 | — | — | ms/op |\n")
        .contains("- StoreBenchmark.putGet: 1 × (1 × 1 s + 2 × 1 s), thrpt\n");
  }

  @Test
  void markdown_enginesRunWithOtherSettings_listsEachSetting() {
    ObjectNode naive = result("UsageScoreBenchmark.score", Map.of("engine", "naive"), 9, "ms/op");
    naive.put("warmupIterations", 0);
    List<JsonNode> in = List.of(
        result("UsageScoreBenchmark.score", Map.of("engine", "tenantry"), 1, "ms/op"), naive);

    String md = Compare.markdown(Compare.rows(in), in, new Compare.Machine(2, "1 GiB", "cpu", "1 1 1"),
        ZonedDateTime.of(2026, 11, 28, 1, 2, 0, 0, ZoneOffset.UTC));

    assertThat(md).contains("- UsageScoreBenchmark.score (tenantry): 1 × (1 × 1 s + 2 × 1 s), avgt\n")
        .contains("- UsageScoreBenchmark.score (naive): 1 × (0 × 1 s + 2 × 1 s), avgt\n");
  }
}
