package io.tenantry.reports.input;

import static io.tenantry.reports.input.EventLine.ACTIVITY;
import static io.tenantry.reports.input.EventLine.APP;
import static io.tenantry.reports.input.EventLine.AUDIO;
import static io.tenantry.reports.input.EventLine.COUNT;
import static io.tenantry.reports.input.EventLine.DATE;
import static io.tenantry.reports.input.EventLine.FILE;
import static io.tenantry.reports.input.EventLine.GROUP;
import static io.tenantry.reports.input.EventLine.MEETING_TYPE;
import static io.tenantry.reports.input.EventLine.PLATFORM;
import static io.tenantry.reports.input.EventLine.SITE;
import static io.tenantry.reports.input.EventLine.TENANT;
import static io.tenantry.reports.input.EventLine.TIME;
import static io.tenantry.reports.input.EventLine.USER;
import static io.tenantry.reports.input.EventLine.WORKLOAD;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
 * <p>Lines of the shape producers write (one flat object) are read by a byte scanner without
 * building a parse tree or strings for the enumerated fields; every other line (nested values,
 * escaped field names, a duplicate field, malformed JSON or UTF-8, …) is read by Jackson, whose
 * message words a syntax error. Both paths feed the same validation, so a line gets the same
 * event or the same rejection whichever path reads it.
 *
 * <p>Immutable and thread-safe; each {@code read} call is independent.
 */
public final class ActivityEventReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final Workload[] WORKLOADS = Workload.values();
  private static final Activity[] ACTIVITIES = Activity.values();
  private static final byte[][] WORKLOAD_NAMES = new byte[WORKLOADS.length][];
  private static final byte[][] ACTIVITY_NAMES = new byte[ACTIVITIES.length][];

  static {
    for (int w = 0; w < WORKLOADS.length; w++) {
      WORKLOAD_NAMES[w] = WORKLOADS[w].wireName().getBytes(StandardCharsets.US_ASCII);
    }
    for (int a = 0; a < ACTIVITIES.length; a++) {
      ACTIVITY_NAMES[a] = ACTIVITIES[a].wireName().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final UserDirectory directory;
  private final TenantId tenant;

  private final boolean scan;

  private ActivityEventReader(UserDirectory directory, boolean scan) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.tenant = directory.tenant();
    this.scan = scan;
  }

  /**
   * Creates a reader for the tenant of a directory.
   *
   * @param directory the tenant's users; events are resolved against it
   * @return the reader
   */
  public static ActivityEventReader of(UserDirectory directory) {
    return new ActivityEventReader(directory, true);
  }

  /**
   * A reader that parses every line with Jackson alone, as all lines were parsed before the byte
   * scanner: the reference the scanner is tested against.
   *
   * @param directory the tenant's users
   * @return the reader
   */
  static ActivityEventReader jacksonOnly(UserDirectory directory) {
    return new ActivityEventReader(directory, false);
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
    Pass pass = new Pass();
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
      Object result = parse(pass, buf, from, to - from, (int) lines, source);
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
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return parse(new Pass(), b, 0, b.length, lineNumber, source);
  }

  /** What one read pass reuses from line to line: the fields and the dates seen (by key). */
  private static final class Pass {
    static final int DATES = 1024;
    final EventLine fields = new EventLine();
    final int[] dateKeys = new int[DATES];
    final LocalDate[] dates = new LocalDate[DATES];
  }

  private Object parse(Pass pass, byte[] bytes, int off, int len, int lineNo, String source) {
    EventLine fields = pass.fields;
    if (!scan || !fields.scan(bytes, off, off + len)) {
      RejectedLine bad = jackson(fields, bytes, off, len, lineNo, source);
      if (bad != null) {
        return bad;
      }
    }
    return validate(pass, fields, lineNo, source);
  }

  /**
   * Reads a line's fields with Jackson: the path of every line the scanner does not take, and the
   * one that words every JSON syntax error.
   *
   * @return null when the fields are filled, else the line's rejection
   */
  private static RejectedLine jackson(EventLine fields, byte[] bytes, int off, int len,
      int lineNo, String source) {
    fields.clear();
    try (JsonParser p = JSON.createParser(bytes, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new RejectedLine(source, lineNo, "line", "must be a JSON object", null);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        int field = EventLine.fieldOf(p.currentName());
        JsonToken v = p.nextToken();
        String text = null;
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL) {
          text = p.getText();
        }
        if (field >= 0 && v != JsonToken.VALUE_NULL) {
          fields.set(field, v, text);
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
    return null;
  }

  private Object validate(Pass pass, EventLine f, int lineNo, String source) {
    // tenant isolation first
    if (f.present(TENANT)) {
      if (!f.isString(TENANT)) {
        return reject(source, lineNo, "tenant", "must be a string", f, TENANT);
      }
      if (!f.text(TENANT).equals(tenant.value())) {
        return reject(source, lineNo, "tenant", "belongs to another tenant than '"
            + tenant.value() + "' (tenant isolation)", f, TENANT);
      }
    }
    boolean hasTime = f.present(TIME);
    boolean hasDate = f.present(DATE);
    if (hasTime && hasDate) {
      return new RejectedLine(source, lineNo, "time",
          "has both time and date; give exactly one", null);
    }
    if (!f.present(USER)) {
      return new RejectedLine(source, lineNo, "user", "required field is missing", null);
    }
    if (!hasTime && !hasDate) {
      return new RejectedLine(source, lineNo, "date",
          "required field is missing: give time or date", null);
    }
    if (!f.present(WORKLOAD)) {
      return new RejectedLine(source, lineNo, "workload", "required field is missing", null);
    }
    if (!f.present(ACTIVITY)) {
      return new RejectedLine(source, lineNo, "activity", "required field is missing", null);
    }
    if (!f.isString(USER) || f.text(USER).isBlank()) {
      return reject(source, lineNo, "user", "must be a non-blank string", f, USER);
    }
    LocalDate day;
    if (hasTime) {
      if (!f.isString(TIME)) {
        return reject(source, lineNo, "time", "must be an ISO-8601 instant with offset", f, TIME);
      }
      try {
        day = OffsetDateTime.parse(f.text(TIME), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      } catch (DateTimeParseException e) {
        return reject(source, lineNo, "time",
            "must be an ISO-8601 instant with offset, e.g. 2026-06-01T23:30:00-05:00", f, TIME);
      }
    } else {
      day = f.isString(DATE) ? date(pass, f) : null;
      if (day == null) {
        return reject(source, lineNo, "date", "must be a date YYYY-MM-DD", f, DATE);
      }
    }
    if (!f.isString(WORKLOAD)) {
      return reject(source, lineNo, "workload", "must be a string", f, WORKLOAD);
    }
    Workload w = workload(f);
    if (w == null) {
      return reject(source, lineNo, "workload", "unknown workload", f, WORKLOAD);
    }
    if (!f.isString(ACTIVITY)) {
      return reject(source, lineNo, "activity", "must be a string", f, ACTIVITY);
    }
    Activity a = activity(f, w);
    if (a == null) {
      return reject(source, lineNo, "activity", "unknown activity for workload "
          + w.wireName(), f, ACTIVITY);
    }
    long n = 1;
    if (f.present(COUNT)) {
      long parsed = integer(f, COUNT);
      if (parsed < 1) {
        return reject(source, lineNo, "count", "must be an integer >= 1", f, COUNT);
      }
      n = parsed;
    }
    Platform pf = null;
    if (f.present(PLATFORM)) {
      pf = f.isString(PLATFORM) ? Platform.fromWireName(f.text(PLATFORM)).orElse(null) : null;
      if (pf == null) {
        return reject(source, lineNo, "platform", "unknown platform", f, PLATFORM);
      }
    }
    MeetingType mt = null;
    if (f.present(MEETING_TYPE)) {
      mt = f.isString(MEETING_TYPE)
          ? MeetingType.fromWireName(f.text(MEETING_TYPE)).orElse(null) : null;
      if (mt == null) {
        return reject(source, lineNo, "meetingType", "unknown meetingType", f, MEETING_TYPE);
      }
    }
    App ap = null;
    if (f.present(APP)) {
      ap = f.isString(APP) ? App.fromWireName(f.text(APP)).orElse(null) : null;
      if (ap == null) {
        return reject(source, lineNo, "app", "unknown app", f, APP);
      }
    }
    long[] seconds = new long[3];
    for (int i = 0; i < 3; i++) {
      int field = AUDIO + i;
      if (f.present(field)) {
        long s = integer(f, field);
        if (s < 0) {
          return reject(source, lineNo, EventLine.NAMES[field], "must be an integer >= 0", f,
              field);
        }
        seconds[i] = s;
      }
    }
    for (int field = GROUP; field <= SITE; field++) {
      if (f.present(field) && !f.isString(field)) {
        return reject(source, lineNo, EventLine.NAMES[field], "must be a string", f, field);
      }
    }
    OptionalInt u = directory.resolve(f.text(USER));
    if (u.isEmpty()) {
      return reject(source, lineNo, "user",
          "is neither a User Id nor a User Principal Name of the directory", f, USER);
    }
    return new ActivityEvent(u.getAsInt(), day, w, a, n, pf, mt, seconds[0], seconds[1],
        seconds[2], ap, f.text(GROUP), f.text(FILE), f.text(SITE), lineNo);
  }

  /**
   * The date of a {@code date} string, as {@link Cells#parseDate} reads it: a plain ten-byte
   * {@code YYYY-MM-DD} is read in place (and a date seen before reused), anything else by {@code
   * Cells}.
   */
  private static LocalDate date(Pass pass, EventLine f) {
    if (f.isPlain(DATE) && f.to(DATE) - f.from(DATE) == 10) {
      byte[] b = f.bytes();
      int i = f.from(DATE);
      int y = digits(b, i, 4);
      int m = digits(b, i + 5, 2);
      int d = digits(b, i + 8, 2);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && b[i + 4] == '-' && b[i + 7] == '-') {
        int key = (y * 16 + m) * 32 + d;
        int slot = key & (Pass.DATES - 1);
        if (pass.dateKeys[slot] == key && pass.dates[slot] != null) {
          return pass.dates[slot];
        }
        if (d <= YearMonth.of(y, m).lengthOfMonth()) {
          LocalDate date = LocalDate.of(y, m, d);
          pass.dateKeys[slot] = key;
          pass.dates[slot] = date;
          return date;
        }
      }
    }
    return Cells.parseDate(f.text(DATE));
  }

  /** Reads {@code n} ASCII digits, -1 when one is not a digit. */
  private static int digits(byte[] b, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static Workload workload(EventLine f) {
    if (f.isPlain(WORKLOAD)) {
      for (int w = 0; w < WORKLOADS.length; w++) {
        if (same(WORKLOAD_NAMES[w], f, WORKLOAD)) {
          return WORKLOADS[w];
        }
      }
      return null;
    }
    return Workload.fromWireName(f.text(WORKLOAD)).orElse(null);
  }

  private static Activity activity(EventLine f, Workload w) {
    if (f.isPlain(ACTIVITY)) {
      for (int a = 0; a < ACTIVITIES.length; a++) {
        if (ACTIVITIES[a].belongsTo(w) && same(ACTIVITY_NAMES[a], f, ACTIVITY)) {
          return ACTIVITIES[a];
        }
      }
      return null;
    }
    return Activity.find(w, f.text(ACTIVITY)).orElse(null);
  }

  private static boolean same(byte[] name, EventLine f, int field) {
    return name.length == f.to(field) - f.from(field)
        && Arrays.equals(name, 0, name.length, f.bytes(), f.from(field), f.to(field));
  }

  /**
   * An integer field's value; -1 when it is not a JSON integer that fits a long (every caller
   * rejects negatives).
   */
  private static long integer(EventLine f, int field) {
    if (!f.isInt(field)) {
      return -1;
    }
    if (f.isPlain(field) && f.to(field) - f.from(field) <= 18 && f.bytes()[f.from(field)] != '-') {
      long v = 0;
      byte[] b = f.bytes();
      for (int i = f.from(field); i < f.to(field); i++) {
        v = v * 10 + (b[i] - '0');
      }
      return v;
    }
    try {
      long v = Long.parseLong(f.text(field));
      return v < 0 ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static RejectedLine reject(String source, int line, String field, String reason,
      EventLine f, int index) {
    return new RejectedLine(source, line, field, reason, f.text(index));
  }
}
