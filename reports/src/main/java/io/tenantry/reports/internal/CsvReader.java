package io.tenantry.reports.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally enclosed in double quotes
 * (a doubled quote inside stands for one), CR, LF or CRLF line ends, a leading BOM skipped. Each
 * record carries the 1-based line on which it starts, so errors can name it. Lines that are
 * entirely empty are skipped. A quote inside an unquoted field is kept literally.
 *
 * <p>RFC 4180 §2.4 wants every record to hold as many fields as the header. The reader remembers
 * the width of the first record it returns (the header) and {@link #fieldCountProblem} tells a
 * later record that differs; every CSV reader of the module refuses such a row with its line and
 * both counts, so the rule lives here once.
 *
 * <p>Not thread-safe; one instance reads one file once.
 */
public final class CsvReader {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private int line = 1;
  private boolean started;
  private int headerWidth = -1;

  /**
   * One record: its fields and the line it starts on.
   *
   * @param line the 1-based line of the record's first character
   * @param fields the fields, unquoted
   */
  public record Row(int line, List<String> fields) {
    /** Copies the fields. */
    public Row {
      fields = List.copyOf(fields);
    }
  }

  /**
   * Thrown when the file ends inside a quoted field.
   */
  public static final class MalformedCsvException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    MalformedCsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    /**
     * Returns the line the broken record starts on.
     *
     * @return a 1-based line number
     */
    public int line() {
      return line;
    }
  }

  /**
   * Creates a reader.
   *
   * @param in the characters to read (decoded as UTF-8 by the caller)
   */
  public CsvReader(Reader in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  private int peek() throws IOException {
    if (pos >= len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos];
  }

  /**
   * Reads the next record.
   *
   * @return the record, or null at the end of the input
   * @throws IOException when reading fails or the input ends inside a quoted field
   */
  public Row next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        pos++;
      }
    }
    while (true) {
      int c = peek();
      if (c == -1) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        consumeLineEnd();
        continue;
      }
      break;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = peek();
      if (c == '"' && field.length() == 0) {
        pos++;
        readQuoted(field, start);
        // characters after the closing quote up to the separator are kept literally
        while (true) {
          int d = peek();
          if (d == -1 || d == ',' || d == '\r' || d == '\n') {
            break;
          }
          field.append((char) d);
          pos++;
        }
        c = peek();
      }
      if (c == -1) {
        fields.add(field.toString());
        return row(start, fields);
      }
      if (c == ',') {
        pos++;
        fields.add(field.toString());
        field.setLength(0);
        continue;
      }
      if (c == '\r' || c == '\n') {
        consumeLineEnd();
        fields.add(field.toString());
        return row(start, fields);
      }
      field.append((char) c);
      pos++;
    }
  }

  private Row row(int start, List<String> fields) {
    if (headerWidth < 0) {
      headerWidth = fields.size();
    }
    return new Row(start, fields);
  }

  /**
   * Checks that a record read after the header holds as many fields as the header (RFC 4180
   * §2.4): a short row would silently read its missing cells as blank and a long one would drop
   * its extra cells, so both are errors. Extra fields that are all blank (the trailing commas a
   * spreadsheet may leave) carry nothing to drop and are accepted.
   *
   * @param row a record returned by {@link #next()} after the header
   * @return empty when the counts agree, else the problem, e.g. {@code has 4 fields but the header
   *     has 6}
   */
  public Optional<String> fieldCountProblem(Row row) {
    int n = row.fields().size();
    if (headerWidth < 0 || n == headerWidth
        || (n > headerWidth && row.fields().subList(headerWidth, n).stream().allMatch(String::isBlank))) {
      return Optional.empty();
    }
    return Optional.of("has " + n + (n == 1 ? " field" : " fields") + " but the header has "
        + headerWidth);
  }

  private void readQuoted(StringBuilder field, int start) throws IOException {
    while (true) {
      int c = peek();
      if (c == -1) {
        throw new MalformedCsvException(start, "the file ends inside a quoted field");
      }
      pos++;
      if (c == '"') {
        if (peek() == '"') {
          pos++;
          field.append('"');
          continue;
        }
        return;
      }
      if (c == '\r') {
        field.append('\r');
        if (peek() == '\n') {
          pos++;
          field.append('\n');
        }
        line++;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private void consumeLineEnd() throws IOException {
    int c = peek();
    pos++;
    if (c == '\r' && peek() == '\n') {
      pos++;
    }
    line++;
  }

  /**
   * Normalises a header name for matching: strips a BOM and surrounding white space, collapses
   * every run of white space into one space and lower-cases (root locale).
   *
   * @param header the header cell as written
   * @return the key to match on
   */
  public static String headerKey(String header) {
    String h = header.replace("\uFEFF", "").strip();
    return h.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
