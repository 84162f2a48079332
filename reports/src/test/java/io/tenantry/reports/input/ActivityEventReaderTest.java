package io.tenantry.reports.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityEventReaderTest {
  private final UserDirectory dir = UserDirectory.of(TenantId.of("contoso"), List.of(
      DirectoryUser.builder("u1", "Alice@contoso.com").build(),
      DirectoryUser.builder("alice@contoso.com-id", "zed@contoso.com").build()));
  private final ActivityEventReader reader = ActivityEventReader.of(dir);

  private Object parse(String json) {
    return reader.parseLine(json, 7, "events.jsonl");
  }

  private String reason(String json) {
    Object r = parse(json);
    assertThat(r).isInstanceOf(RejectedLine.class);
    return ((RejectedLine) r).toString();
  }

  @Test
  void parse_timeWithOffset_takesUtcDay() {
    ActivityEvent e = (ActivityEvent) parse("{\"user\":\"ALICE@contoso.com\","
        + "\"time\":\"2026-06-01T23:30:00-05:00\",\"workload\":\"Teams\","
        + "\"activity\":\"MeetingAttended\",\"count\":2,\"audioSeconds\":60,\"extra\":{\"a\":[1]}}");
    assertThat(e.user()).isEqualTo(0);
    assertThat(e.day()).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(e.count()).isEqualTo(2);
    assertThat(e.audioSeconds()).isEqualTo(60);
    assertThat(e.meetingTypeOrDefault()).isEqualTo(MeetingType.UNCLASSIFIED);
    assertThat(e.line()).isEqualTo(7);
  }

  @Test
  void parse_userMatchesIdExactlyBeforeUpn() {
    ActivityEvent e = (ActivityEvent) parse("{\"user\":\"alice@contoso.com-id\","
        + "\"date\":\"2026-06-01\",\"workload\":\"Exchange\",\"activity\":\"EmailSent\"}");
    assertThat(e.user()).isEqualTo(1);
  }

  @Test
  void parse_badLines_areRejectedWithReason() {
    String base = "\"user\":\"u1\",\"date\":\"2026-06-01\",";
    assertThat(reason("{" + base + "\"time\":\"2026-06-01T00:00:00Z\",\"workload\":\"Teams\","
        + "\"activity\":\"Call\"}")).contains("both time and date").contains("events.jsonl:7");
    assertThat(reason("{" + base + "\"workload\":\"Teams\"")).contains("not valid JSON");
    assertThat(reason("{" + base + "\"workload\":\"Teams\"}")).startsWith("activity: required");
    assertThat(reason("{" + base + "\"workload\":\"teams\",\"activity\":\"Call\"}"))
        .contains("unknown workload");
    assertThat(reason("{" + base + "\"workload\":\"OneDrive\",\"activity\":\"PageViewed\"}"))
        .contains("unknown activity for workload OneDrive");
    assertThat(reason("{" + base + "\"workload\":\"Teams\",\"activity\":\"Call\",\"count\":0}"))
        .startsWith("count:");
    assertThat(reason("{" + base + "\"workload\":\"Teams\",\"activity\":\"Call\",\"count\":1.5}"))
        .startsWith("count:");
    assertThat(reason("{" + base + "\"workload\":\"Teams\",\"activity\":\"Call\","
        + "\"videoSeconds\":-1}")).startsWith("videoSeconds:");
    assertThat(reason("{" + base + "\"workload\":\"Teams\",\"activity\":\"Call\","
        + "\"meetingType\":\"Weekly\"}")).startsWith("meetingType:");
    assertThat(reason("{" + base + "\"workload\":\"M365Apps\",\"activity\":\"AppUsed\","
        + "\"app\":\"Paint\"}")).startsWith("app:");
    assertThat(reason("{" + base + "\"workload\":\"Teams\",\"activity\":\"Call\","
        + "\"platform\":\"Amiga\"}")).startsWith("platform:");
    assertThat(reason("{" + base + "\"workload\":\"Teams\",\"activity\":\"Call\","
        + "\"tenant\":\"fabrikam\"}")).startsWith("tenant:");
    assertThat(reason("{\"user\":\"nobody\",\"date\":\"2026-06-01\",\"workload\":\"Teams\","
        + "\"activity\":\"Call\"}")).startsWith("user:");
    assertThat(reason("{\"user\":\"u1\",\"time\":\"2026-06-01T10:00:00\",\"workload\":\"Teams\","
        + "\"activity\":\"Call\"}")).startsWith("time:");
  }

  @Test
  void read_stream_skipsBlankLinesAndBomAndCountsRejections() throws IOException {
    String text = "\uFEFF{\"user\":\"u1\",\"date\":\"2026-06-01\",\"workload\":\"Yammer\","
        + "\"activity\":\"MessageRead\",\"tenant\":\"contoso\"}\r\n\n   \n"
        + "not json\n{\"user\":\"u1\",\"date\":\"2026-06-02\",\"workload\":\"Yammer\","
        + "\"activity\":\"MessageLiked\"}";
    List<ActivityEvent> ok = new ArrayList<>();
    List<RejectedLine> bad = new ArrayList<>();
    EventReadSummary s = reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "events.jsonl", ok::add, bad::add);
    assertThat(s).isEqualTo(new EventReadSummary(5, 2, 1, 2));
    assertThat(bad).singleElement().extracting(RejectedLine::line).isEqualTo(4);
    assertThat(ok).extracting(ActivityEvent::line).containsExactly(1, 5);
  }

  @Test
  void read_failFast_throwsAtFirstRejectedLine() {
    byte[] text = "{}\n{\"x\":1}\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(text), "ev.jsonl", e -> { },
        ActivityEventReader.failFast()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ev.jsonl:1");
  }
}
