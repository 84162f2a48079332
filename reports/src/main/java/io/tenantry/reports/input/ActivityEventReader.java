package io.tenantry.reports.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.internal.Cells;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads {@code events.jsonl} ({@code activity-events.md} §3) in one streaming pass against one
 * tenant's {@link UserDirectory}: one JSON object per line, blank lines skipped, a leading BOM
 * accepted, unknown fields ignored. Every line is validated, lines dated after the report date
 * included; each accepted line goes to a sink, each rejected line (with its number and reason) to a
 * rejection handler, so nothing is dropped silently.
 *
 * <p>A line is rejected when it is not a JSON object, has both {@code time} and {@code date} or
 * neither, lacks {@code user}, {@code workload} or {@code activity}, names an unknown workload,
 * activity (for that workload), platform, {@code meetingType} or {@code app}, has a count that is
 * not an integer ≥ 1, seconds that are not integers ≥ 0, a {@code tenant} other than the
 * directory's (tenant isolation), or a {@code user} that is neither a User Id (exact) nor a user
 * principal name (ignoring case) of the directory. JSON {@code null} counts as absent. Enumerated
 * values are matched exactly (case-sensitive), as §3 writes them.
 *
 * <p>Immutable and thread-safe; each {@code read} call is independent.
 */
public final class ActivityEventReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final UserDirectory directory;
  private final TenantId tenant;

  private ActivityEventReader(UserDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.tenant = directory.tenant();
  }

  /**
   * Creates a reader for the tenant of a directory.
   *
   * @param directory the tenant's users; events are resolved against it
   * @return the reader
   */
  public static ActivityEventReader of(UserDirectory directory) {
    return new ActivityEventReader(directory);
  }

  /**
   * A rejection handler that stops at the first rejected line (the CLI default).
   *
   * @return a handler that throws a {@link ValidationException} naming the file, line and reason
   */
  public static Consumer<RejectedLine> failFast() {
    return r -> {
      throw new ValidationException(r.toProblem());
    };
  }

  /**
   * Reads a file.
   *
   * @param file the file
   * @param sink receives each accepted event, in file order
   * @param onRejected receives each rejected line; may throw to stop the pass
   * @return what the pass did
   * @throws IOException if the file cannot be read
   */
  public EventReadSummary read(Path file, Consumer<ActivityEvent> sink,
      Consumer<RejectedLine> onRejected) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), sink, onRejected);
    }
  }

  /**
   * Reads a stream of UTF-8 bytes.
   *
   * @param in the bytes (not closed)
   * @param source the file name for rejections
   * @param sink receives each accepted event, in file order
   * @param onRejected receives each rejected line; may throw to stop the pass
   * @return what the pass did
   * @throws IOException if reading fails
   */
  public EventReadSummary read(InputStream in, String source, Consumer<ActivityEvent> sink,
      Consumer<RejectedLine> onRejected) throws IOException {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(onRejected, "onRejected");
    byte[] buf = new byte[1 << 16];
    int len = 0;
    long lines = 0;
    long accepted = 0;
    long rejected = 0;
    long blank = 0;
    boolean eof = false;
    int start = 0;
    while (true) {
      int nl = -1;
      for (int i = start; i < len; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl < 0 && !eof) {
        // compact and refill (growing the buffer for a very long line)
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, len - start);
          len -= start;
          start = 0;
        }
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          eof = true;
        } else {
          len += n;
        }
        continue;
      }
      int end = nl < 0 ? len : nl;
      if (nl < 0 && start >= len) {
        break;
      }
      lines++;
      int from = start;
      if (lines == 1 && end - from >= 3 && (buf[from] & 0xFF) == 0xEF
          && (buf[from + 1] & 0xFF) == 0xBB && (buf[from + 2] & 0xFF) == 0xBF) {
        from += 3;
      }
      int to = end;
      if (to > from && buf[to - 1] == '\r') {
        to--;
      }
      start = nl < 0 ? len : nl + 1;
      if (isBlank(buf, from, to)) {
        blank++;
        continue;
      }
      Object result = parse(buf, from, to - from, (int) lines, source);
      if (result instanceof ActivityEvent e) {
        accepted++;
        sink.accept(e);
      } else {
        rejected++;
        onRejected.accept((RejectedLine) result);
      }
    }
    return new EventReadSummary(lines, accepted, rejected, blank);
  }

  private static boolean isBlank(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0B) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses and validates one line.
   *
   * @param text the line without its line end
   * @param lineNumber the 1-based line number
   * @param source the file name
   * @return the accepted event, or the rejection
   */
  public Object parseLine(String text, int lineNumber, String source) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return parse(b, 0, b.length, lineNumber, source);
  }

  /** A raw field value: its token and text. */
  private record Raw(JsonToken token, String text) {
    boolean isString() {
      return token == JsonToken.VALUE_STRING;
    }

    boolean isInt() {
      return token == JsonToken.VALUE_NUMBER_INT;
    }
  }

  private Object parse(byte[] bytes, int off, int len, int lineNo, String source) {
    Raw user = null;
    Raw time = null;
    Raw date = null;
    Raw workload = null;
    Raw activity = null;
    Raw count = null;
    Raw platform = null;
    Raw meetingType = null;
    Raw audio = null;
    Raw video = null;
    Raw screen = null;
    Raw app = null;
    Raw group = null;
    Raw file = null;
    Raw site = null;
    Raw tenantField = null;
    try (JsonParser p = JSON.createParser(bytes, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new RejectedLine(source, lineNo, "line", "must be a JSON object", null);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        Raw raw = null;
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          raw = new Raw(v, null);
        } else if (v != JsonToken.VALUE_NULL) {
          raw = new Raw(v, p.getText());
        }
        switch (name) {
          case "user" -> user = raw;
          case "time" -> time = raw;
          case "date" -> date = raw;
          case "workload" -> workload = raw;
          case "activity" -> activity = raw;
          case "count" -> count = raw;
          case "platform" -> platform = raw;
          case "meetingType" -> meetingType = raw;
          case "audioSeconds" -> audio = raw;
          case "videoSeconds" -> video = raw;
          case "screenShareSeconds" -> screen = raw;
          case "app" -> app = raw;
          case "group" -> group = raw;
          case "file" -> file = raw;
          case "site" -> site = raw;
          case "tenant" -> tenantField = raw;
          default -> { }
        }
      }
      if (t != JsonToken.END_OBJECT) {
        return new RejectedLine(source, lineNo, "line", "is not valid JSON", null);
      }
      if (p.nextToken() != null) {
        return new RejectedLine(source, lineNo, "line",
            "is not valid JSON: more than one value on the line", null);
      }
    } catch (JsonProcessingException e) {
      return new RejectedLine(source, lineNo, "line", "is not valid JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""), null);
    } catch (IOException e) {
      return new RejectedLine(source, lineNo, "line", "is not valid JSON: " + e.getMessage(), null);
    }

    // tenant isolation first
    if (tenantField != null) {
      if (!tenantField.isString()) {
        return reject(source, lineNo, "tenant", "must be a string", tenantField);
      }
      if (!tenantField.text().equals(tenant.value())) {
        return reject(source, lineNo, "tenant", "belongs to another tenant than '"
            + tenant.value() + "' (tenant isolation)", tenantField);
      }
    }
    if (time != null && date != null) {
      return new RejectedLine(source, lineNo, "time",
          "has both time and date; give exactly one", null);
    }
    if (user == null) {
      return new RejectedLine(source, lineNo, "user", "required field is missing", null);
    }
    if (time == null && date == null) {
      return new RejectedLine(source, lineNo, "date",
          "required field is missing: give time or date", null);
    }
    if (workload == null) {
      return new RejectedLine(source, lineNo, "workload", "required field is missing", null);
    }
    if (activity == null) {
      return new RejectedLine(source, lineNo, "activity", "required field is missing", null);
    }
    if (!user.isString() || user.text().isBlank()) {
      return reject(source, lineNo, "user", "must be a non-blank string", user);
    }
    LocalDate day;
    if (time != null) {
      if (!time.isString()) {
        return reject(source, lineNo, "time", "must be an ISO-8601 instant with offset", time);
      }
      try {
        day = OffsetDateTime.parse(time.text(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      } catch (DateTimeParseException e) {
        return reject(source, lineNo, "time",
            "must be an ISO-8601 instant with offset, e.g. 2026-06-01T23:30:00-05:00", time);
      }
    } else {
      day = date.isString() ? Cells.parseDate(date.text()) : null;
      if (day == null) {
        return reject(source, lineNo, "date", "must be a date YYYY-MM-DD", date);
      }
    }
    if (!workload.isString()) {
      return reject(source, lineNo, "workload", "must be a string", workload);
    }
    Workload w = Workload.fromWireName(workload.text()).orElse(null);
    if (w == null) {
      return reject(source, lineNo, "workload", "unknown workload", workload);
    }
    if (!activity.isString()) {
      return reject(source, lineNo, "activity", "must be a string", activity);
    }
    Activity a = Activity.find(w, activity.text()).orElse(null);
    if (a == null) {
      return reject(source, lineNo, "activity", "unknown activity for workload "
          + w.wireName(), activity);
    }
    long n = 1;
    if (count != null) {
      Long parsed = integer(count);
      if (parsed == null || parsed < 1) {
        return reject(source, lineNo, "count", "must be an integer >= 1", count);
      }
      n = parsed;
    }
    Platform pf = null;
    if (platform != null) {
      pf = platform.isString() ? Platform.fromWireName(platform.text()).orElse(null) : null;
      if (pf == null) {
        return reject(source, lineNo, "platform", "unknown platform", platform);
      }
    }
    MeetingType mt = null;
    if (meetingType != null) {
      mt = meetingType.isString() ? MeetingType.fromWireName(meetingType.text()).orElse(null)
          : null;
      if (mt == null) {
        return reject(source, lineNo, "meetingType", "unknown meetingType", meetingType);
      }
    }
    App ap = null;
    if (app != null) {
      ap = app.isString() ? App.fromWireName(app.text()).orElse(null) : null;
      if (ap == null) {
        return reject(source, lineNo, "app", "unknown app", app);
      }
    }
    long[] seconds = new long[3];
    Raw[] secs = {audio, video, screen};
    String[] secNames = {"audioSeconds", "videoSeconds", "screenShareSeconds"};
    for (int i = 0; i < 3; i++) {
      if (secs[i] != null) {
        Long s = integer(secs[i]);
        if (s == null || s < 0) {
          return reject(source, lineNo, secNames[i], "must be an integer >= 0", secs[i]);
        }
        seconds[i] = s;
      }
    }
    Raw[] ids = {group, file, site};
    String[] idNames = {"group", "file", "site"};
    for (int i = 0; i < 3; i++) {
      if (ids[i] != null && !ids[i].isString()) {
        return reject(source, lineNo, idNames[i], "must be a string", ids[i]);
      }
    }
    OptionalInt u = directory.resolve(user.text());
    if (u.isEmpty()) {
      return reject(source, lineNo, "user",
          "is neither a User Id nor a User Principal Name of the directory", user);
    }
    return new ActivityEvent(u.getAsInt(), day, w, a, n, pf, mt, seconds[0], seconds[1],
        seconds[2], ap, text(group), text(file), text(site), lineNo);
  }

  private static String text(Raw r) {
    return r == null ? null : r.text();
  }

  private static Long integer(Raw r) {
    if (!r.isInt()) {
      return null;
    }
    try {
      return Long.parseLong(r.text());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static RejectedLine reject(String source, int line, String field, String reason,
      Raw value) {
    return new RejectedLine(source, line, field, reason, value == null ? null : value.text());
  }
}
