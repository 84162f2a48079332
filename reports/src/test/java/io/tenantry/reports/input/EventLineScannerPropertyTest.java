package io.tenantry.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The byte scanner of {@link ActivityEventReader} agrees with the Jackson path on random files:
 * same accepted events, same rejections (line, field, reason, value) and the same summary, on
 * valid lines, lines with escapes, non-ASCII text, unknown, duplicate and null fields, nested
 * values, every JSON kind in every field, and byte-level damage (inserted, deleted or replaced
 * bytes, invalid UTF-8, BOMs, CR, truncation, missing final newline).
 */
class EventLineScannerPropertyTest {
  private static final UserDirectory DIR = UserDirectory.of(TenantId.of("contoso"), List.of(
      DirectoryUser.builder("u1", "Alice@contoso.com").build(),
      DirectoryUser.builder("Ünï😀", "bob@contoso.com").build(),
      DirectoryUser.builder("u\"2", "Çarol@contoso.com").build()));

  private static final String[] NAMES = {"user", "time", "date", "workload", "activity", "count",
      "platform", "meetingType", "audioSeconds", "videoSeconds", "screenShareSeconds", "app",
      "group", "file", "site", "tenant", "extra", "id", "us\\u0065r", "ünknown", "", "User"};

  private static final String[] VALUES = {"\"u1\"", "\"alice@CONTOSO.com\"", "\"Ünï😀\"",
      "\"\\u00dcn\\u00ef\\ud83d\\ude00\"", "\"u\\\"2\"", "\"çarol@contoso.com\"", "\"u\\u0031\"",
      "\"nobody\"", "\"2026-06-01\"", "\"2026-02-29\"", "\"2028-02-29\"", "\"2026-13-01\"",
      "\"2026-6-1\"", "\"2026-06-01T23:30:00-05:00\"", "\"2026-06-01T10:00:00\"", "\"Teams\"",
      "\"Te\\u0061ms\"", "\"teams\"", "\"Call\"", "\"MeetingAttended\"", "\"PageViewed\"",
      "\"EmailSent\"", "\"Exchange\"", "\"SharePoint\"", "\"M365Apps\"", "\"AppUsed\"",
      "\"Word\"", "\"Web\"", "\"Amiga\"", "\"AdHoc\"", "\"Weekly\"", "\"contoso\"",
      "\"fabrikam\"", "\"中文\"", "\"\"", "\" \"", "\"\\uD800\"", "\"\\uDE00x\"",
      "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\"", "1", "0", "-0", "-1", "3", "2.5", "1e3", "1E+2", "-0.0",
      "99999999999999999999", "123456789012345678", "1234567890123456789",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "true", "false",
      "null", "{}", "{\"a\":[1,{\"b\":null}]}", "[1,2]", "[]"};

  private static final String[][] VALID = {
      {"\"Teams\"", "\"Call\"", "\"TeamChatMessage\"", "\"MeetingAttended\"", "\"OtherAction\""},
      {"\"Exchange\"", "\"EmailSent\"", "\"EmailReceived\""},
      {"\"SharePoint\"", "\"PageViewed\"", "\"FileSynced\""},
      {"\"M365Apps\"", "\"AppUsed\""}};

  private static final String[] SPACE = {"", "", "", " ", "  ", "\t", "\r"};
  private static final String[] JUNK = {"", "not json", "[1]", "\"x\"", "42", "{", "}", "{}",
      "{\"user\":}", "{\"a\" 1}", "{\"a\":1,}", "{,}", "{\"a\":1}{}", "{} x", "nul", "{'a':1}",
      "{\"a\":tru}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":.5}", "{\"a\":+1}",
      "// c", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}"};

  @Property(tries = 300)
  void read_scannerAndJackson_agreeOnEveryLine(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 12) int lines) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    if (rnd.nextInt(8) == 0) {
      file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (int i = 0; i < lines; i++) {
      byte[] line = line(rnd);
      if (rnd.nextInt(3) == 0) {
        line = damage(rnd, line);
      }
      file.writeBytes(line);
      if (i < lines - 1 || rnd.nextBoolean()) {
        file.writeBytes(rnd.nextInt(4) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }
    }
    byte[] bytes = file.toByteArray();

    assertThat(read(ActivityEventReader.of(DIR), bytes))
        .isEqualTo(read(ActivityEventReader.jacksonOnly(DIR), bytes));
  }

  @Property(tries = 200)
  void read_validLines_areAcceptedByBoth(@ForAll long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < 20; i++) {
      file.writeBytes(valid(rnd).getBytes(StandardCharsets.UTF_8));
      file.write('\n');
    }
    byte[] bytes = file.toByteArray();

    Outcome scanned = read(ActivityEventReader.of(DIR), bytes);
    assertThat(scanned.rejected()).isEmpty();
    assertThat(scanned.events()).hasSize(20);
    assertThat(scanned).isEqualTo(read(ActivityEventReader.jacksonOnly(DIR), bytes));
  }

  private record Outcome(List<ActivityEvent> events, List<RejectedLine> rejected,
      EventReadSummary summary) {}

  private static Outcome read(ActivityEventReader reader, byte[] bytes) throws IOException {
    List<ActivityEvent> events = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    EventReadSummary summary = reader.read(new ByteArrayInputStream(bytes), "events.jsonl",
        events::add, rejected::add);
    return new Outcome(events, rejected, summary);
  }

  private static String pick(SplittableRandom rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  /** A valid event in random field order, with optional fields and random spacing. */
  private static String valid(SplittableRandom rnd) {
    String[] wa = VALID[rnd.nextInt(VALID.length)];
    List<String> fields = new ArrayList<>();
    fields.add(field(rnd, "user", pick(rnd, new String[] {"\"u1\"", "\"ALICE@contoso.com\"",
        "\"Ünï😀\"", "\"u\\\"2\"", "\"\\u0075\\u0031\""})));
    fields.add(rnd.nextBoolean() ? field(rnd, "date", "\"2026-0" + (1 + rnd.nextInt(9)) + "-1"
        + rnd.nextInt(10) + "\"") : field(rnd, "time", "\"2026-06-01T23:30:00-05:00\""));
    fields.add(field(rnd, "workload", wa[0]));
    fields.add(field(rnd, "activity", wa[1 + rnd.nextInt(wa.length - 1)]));
    if (rnd.nextBoolean()) {
      fields.add(field(rnd, "count", Integer.toString(1 + rnd.nextInt(1000))));
    }
    if (rnd.nextInt(4) == 0) {
      fields.add(field(rnd, "extra", pick(rnd, VALUES)));
    }
    if (rnd.nextInt(4) == 0) {
      fields.add(field(rnd, "file", "\"" + text(rnd) + "\""));
    }
    if (rnd.nextInt(4) == 0) {
      fields.add(field(rnd, "platform", "null"));
    }
    if (rnd.nextInt(3) == 0) {
      fields.add(field(rnd, rnd.nextBoolean() ? "group" : "site", "\"" + text(rnd) + "\""));
    }
    return object(rnd, fields);
  }

  private static byte[] line(SplittableRandom rnd) {
    switch (rnd.nextInt(6)) {
      case 0:
        return pick(rnd, JUNK).getBytes(StandardCharsets.UTF_8);
      case 1:
      case 2:
        return valid(rnd).getBytes(StandardCharsets.UTF_8);
      default:
        List<String> fields = new ArrayList<>();
        int n = rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
          String value = rnd.nextInt(6) == 0 ? "\"" + text(rnd) + "\"" : pick(rnd, VALUES);
          fields.add(field(rnd, pick(rnd, NAMES), value));
        }
        return object(rnd, fields).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String field(SplittableRandom rnd, String name, String value) {
    return "\"" + name + "\"" + pick(rnd, SPACE) + ":" + pick(rnd, SPACE) + value;
  }

  private static String object(SplittableRandom rnd, List<String> fields) {
    for (int i = fields.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = fields.get(i);
      fields.set(i, fields.get(j));
      fields.set(j, t);
    }
    StringBuilder s = new StringBuilder(pick(rnd, SPACE)).append('{').append(pick(rnd, SPACE));
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        s.append(pick(rnd, SPACE)).append(',').append(pick(rnd, SPACE));
      }
      s.append(fields.get(i));
    }
    return s.append(pick(rnd, SPACE)).append('}').append(pick(rnd, SPACE)).toString();
  }

  /** Random string content, JSON-escaped in one of the ways a writer may choose. */
  private static String text(SplittableRandom rnd) {
    StringBuilder s = new StringBuilder();
    int n = rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      int cp = switch (rnd.nextInt(6)) {
        case 0 -> rnd.nextInt(0x20);
        case 5 -> "\b\f\n\r\t\"\\/".charAt(rnd.nextInt(8));
        case 1 -> 0x80 + rnd.nextInt(0x780);
        case 2 -> 0x800 + rnd.nextInt(0xF800);
        case 3 -> 0x10000 + rnd.nextInt(0x100000);
        default -> 0x20 + rnd.nextInt(0x60);
      };
      int shortEscape = "\b\f\n\r\t\"\\/".indexOf(cp);
      if (shortEscape >= 0 && rnd.nextBoolean()) {
        s.append('\\').append("bfnrt\"\\/".charAt(shortEscape));
      } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        s.append(String.format("\\u%04X", cp));
      } else if (cp < 0x20 || cp == '"' || cp == '\\' || (cp > 0x7F && rnd.nextInt(3) == 0)) {
        for (char c : Character.toChars(cp)) {
          s.append(String.format(rnd.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
        }
      } else {
        s.appendCodePoint(cp);
      }
    }
    return s.toString();
  }

  /** Inserts, deletes or replaces a byte, or cuts the line short. */
  private static byte[] damage(SplittableRandom rnd, byte[] line) {
    int at = rnd.nextInt(line.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (rnd.nextInt(4)) {
      case 0 -> {
        out.write(line, 0, at);
        out.write(rnd.nextInt(256));
        out.write(line, at, line.length - at);
      }
      case 1 -> {
        out.write(line, 0, at);
        if (at < line.length) {
          out.write(line, at + 1, line.length - at - 1);
        }
      }
      case 2 -> {
        out.write(line, 0, at);
        if (at < line.length) {
          out.write(pick(rnd, new String[] {"\u00ff", "\"", "\\", "{", ",", "\u0000", " "})
              .getBytes(StandardCharsets.ISO_8859_1)[0]);
          out.write(line, at + 1, line.length - at - 1);
        }
      }
      default -> out.write(line, 0, at);
    }
    return out.toByteArray();
  }
}
