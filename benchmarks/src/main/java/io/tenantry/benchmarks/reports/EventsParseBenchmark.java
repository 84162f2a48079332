package io.tenantry.benchmarks.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming parse of {@code events.jsonl} into parsed {@link ActivityEvent}s, one thread:
 * Tenantry's {@link ActivityEventReader} (every line validated as {@code activity-events.md} §3
 * requires) against the plain Jackson way a host would otherwise write (a {@code readTree} per
 * line, the required fields looked up and turned into the same event, no validation beyond what
 * that needs). The file holds {@code events} lines of one tenant's {@link SyntheticEvents} (users
 * by User Id, {@code date}, workload, activity, count) in the page cache. Milliseconds per file;
 * lines per second is {@code events / score}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class EventsParseBenchmark {
  private static final String[] ACTIVITIES = {"TeamChatMessage", "PrivateChatMessage", "Call",
      "MeetingAttended", "OtherAction"};

  /** The parser measured. */
  @Param({"tenantry", "jackson"})
  public String engine;

  /** How many lines. */
  @Param({"1000000"})
  public int events;

  private Path file;
  private UserDirectory users;

  /**
   * Writes the file.
   *
   * @throws IOException if the file cannot be written
   */
  @Setup
  public void setUp() throws IOException {
    users = directory();
    file = Files.createTempFile("events", ".jsonl");
    write(SyntheticEvents.of(events), file);
  }

  /**
   * Deletes the file.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  static UserDirectory directory() {
    List<DirectoryUser> list = new ArrayList<>(SyntheticEvents.USERS);
    for (int u = 0; u < SyntheticEvents.USERS; u++) {
      list.add(DirectoryUser.builder("user" + u, "user" + u + "@example.com").build());
    }
    return UserDirectory.of(TenantId.of("tenant0"), list);
  }

  static void write(SyntheticEvents data, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < data.size(); i++) {
        w.write("{\"user\":\"user" + data.user()[i] + "\",\"date\":\""
            + SyntheticEvents.FIRST.plusDays(data.day()[i]) + "\",\"workload\":\"Teams\","
            + "\"activity\":\"" + ACTIVITIES[data.activity()[i]] + "\",\"count\":"
            + data.count()[i] + "}\n");
      }
    }
  }

  /**
   * One pass over the file.
   *
   * @return how many events were parsed
   * @throws IOException if reading fails
   */
  @Benchmark
  public long parse() throws IOException {
    long[] n = new long[1];
    Consumer<ActivityEvent> sink = e -> n[0] += e.count();
    if (engine.equals("tenantry")) {
      ActivityEventReader.of(users).read(file, sink, ActivityEventReader.failFast());
    } else {
      jackson(users, file, sink);
    }
    return n[0];
  }

  static void jackson(UserDirectory users, Path file, Consumer<ActivityEvent> sink)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode node = mapper.readTree(line);
        Workload w = Workload.fromWireName(node.get("workload").asText()).orElseThrow();
        sink.accept(ActivityEvent.of(users.resolve(node.get("user").asText()).orElseThrow(),
            LocalDate.parse(node.get("date").asText()), w,
            Activity.find(w, node.get("activity").asText()).orElseThrow(),
            node.path("count").asLong(1)));
      }
    }
  }
}
