package io.tenantry.reports;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import io.tenantry.reports.internal.Cells;
import io.tenantry.reports.internal.CsvReader;
import io.tenantry.reports.internal.HeaderMap;
import io.tenantry.reports.internal.Utf8;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Microsoft Graph report CSV exports ({@code graph-reports.md} §1.2, §7): the function is
 * recognised by the file name ({@code getEmailActivityCounts.csv}) or else by the header; columns
 * are bound by header name (case and white space ignored, so {@code Used  Chrome OS} matches), in
 * any order, with the known older and real-export names as aliases; a BOM is stripped; blank count
 * cells are 0; both boolean styles are accepted; concealed names are detected. A report written by
 * {@link ReportWriter#writeCsv} reads back as the same rows. Stateless and thread-safe.
 */
public final class GraphImport {
  private static final Map<String, List<String>> ALIASES = Map.of(
      "External Member Count", List.of("Guest Count"),
      "Meetings Organized", List.of("Meetings Organized Count"),
      "Meetings Attended", List.of("Meetings Attended Count"),
      "Meetings Organized Count", List.of("Meetings Organized"),
      "Meetings Attended Count", List.of("Meetings Attended"));
  private static final Pattern TOKEN = Pattern.compile("[0-9A-F]{32}");

  private GraphImport() {}

  /**
   * What was read from one export.
   *
   * @param source the file name
   * @param function the recognised function, or null when the file was not recognised
   * @param candidates every function whose header matches equally well (more than one when the
   *     header alone is ambiguous and the file name did not decide)
   * @param table the rows bound to the function's columns (absent columns null), or null when not
   *     recognised
   * @param concealed whether the names look concealed (user principal names or group names are
   *     32-hex tokens)
   * @param unknownColumns headers of the file the function does not know
   * @param missingColumns columns of the function the file lacks (older variants)
   */
  public record Imported(String source, ReportFunction function, List<ReportFunction> candidates,
      ReportTable table, boolean concealed, List<String> unknownColumns,
      List<String> missingColumns) {
    /** Copies the lists. */
    public Imported {
      Objects.requireNonNull(source, "source");
      candidates = List.copyOf(candidates);
      unknownColumns = List.copyOf(unknownColumns);
      missingColumns = List.copyOf(missingColumns);
    }
  }

  /**
   * Reads an export file.
   *
   * @param file the CSV file
   * @return what was read
   * @throws IOException if the file cannot be read
   * @throws ValidationException listing every malformed cell with its line
   */
  public static Imported read(Path file) throws IOException {
    try (Reader in = Utf8.open(file)) {
      return read(in, file.getFileName().toString());
    } catch (CharacterCodingException e) {
      throw Utf8.notUtf8(e, file.toString());
    }
  }

  /**
   * Reads an export.
   *
   * @param in the CSV text
   * @param fileName the file name (used for recognition and error locations)
   * @return what was read
   * @throws IOException if reading fails
   * @throws ValidationException listing every malformed cell with its line
   */
  public static Imported read(Reader in, String fileName) throws IOException {
    CsvReader csv = new CsvReader(in);
    CsvReader.Row header;
    try {
      header = csv.next();
    } catch (CsvReader.MalformedCsvException e) {
      throw HeaderMap.malformed(e, fileName);
    }
    if (header == null) {
      return new Imported(fileName, null, List.of(), null, false, List.of(), List.of());
    }
    HeaderMap h = new HeaderMap(header.fields());
    List<ReportFunction> candidates = recognise(fileName, header.fields());
    if (candidates.isEmpty()) {
      return new Imported(fileName, null, List.of(), null, false, List.of(), List.of());
    }
    ReportFunction f = candidates.get(0);
    List<Column> cols = f.columns();
    int[] at = new int[cols.size()];
    List<String> missing = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < cols.size(); i++) {
      at[i] = index(h, cols.get(i).header());
      if (at[i] < 0) {
        missing.add(cols.get(i).header());
      } else {
        used.add(at[i]);
      }
    }
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      if (!used.contains(i) && !CsvReader.headerKey(header.fields().get(i)).isEmpty()) {
        unknown.add(header.fields().get(i).replace("\uFEFF", "").strip());
      }
    }
    Problems problems = new Problems();
    List<List<Object>> rows = new ArrayList<>();
    boolean concealed = false;
    while (true) {
      CsvReader.Row row;
      try {
        row = csv.next();
      } catch (CsvReader.MalformedCsvException e) {
        problems.addAll(HeaderMap.malformed(e, fileName));
        break;
      }
      if (row == null) {
        break;
      }
      SourceLocation loc = new SourceLocation(fileName, row.line());
      List<Object> values = new ArrayList<>(cols.size());
      for (int i = 0; i < cols.size(); i++) {
        Column c = cols.get(i);
        if (at[i] < 0) {
          values.add(c.type() == ColumnType.TEXT || c.type() == ColumnType.PRODUCTS ? "" : null);
          continue;
        }
        String cell = HeaderMap.cell(row.fields(), at[i]);
        values.add(parse(c, cell, loc, problems));
        if (c.concealment() == Column.Concealment.TOKEN && TOKEN.matcher(cell).matches()) {
          concealed = true;
        }
      }
      rows.add(values);
    }
    problems.throwIfAny();
    return new Imported(fileName, f, candidates, new ReportTable(f, rows), concealed, unknown,
        missing);
  }

  private static int index(HeaderMap h, String header) {
    int i = h.index(header);
    if (i >= 0) {
      return i;
    }
    for (String alias : ALIASES.getOrDefault(header, List.of())) {
      i = h.index(alias);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Recognises the report of an export: by its file name (a Graph function name, any case, with
   * or without {@code .csv}) when the header fits it, else by the header alone: the functions that
   * know at least four fifths of the file's columns and share the most columns with it.
   *
   * @param fileName the file name
   * @param header the header cells
   * @return the candidates, best first; empty when nothing fits
   */
  public static List<ReportFunction> recognise(String fileName, List<String> header) {
    HeaderMap h = new HeaderMap(header);
    String base = fileName.replaceAll("(?i)\\.csv$", "");
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    base = base.substring(slash + 1);
    var byName = ReportFunction.byGraphName(base);
    if (byName.isPresent() && index(h, "Report Refresh Date") >= 0) {
      return List.of(byName.get());
    }
    List<ReportFunction> best = new ArrayList<>();
    int bestScore = 0;
    int fileColumns = (int) header.stream().map(CsvReader::headerKey).filter(k -> !k.isEmpty())
        .count();
    for (ReportFunction f : ReportFunction.values()) {
      int matched = 0;
      for (Column c : f.columns()) {
        if (index(h, c.header()) >= 0) {
          matched++;
        }
      }
      if (matched * 5 < fileColumns * 4 || matched < 3) {
        continue;
      }
      if (matched > bestScore) {
        best.clear();
        bestScore = matched;
      }
      if (matched == bestScore) {
        best.add(f);
      }
    }
    return best;
  }

  private static Object parse(Column c, String cell, SourceLocation loc, Problems problems) {
    switch (c.type()) {
      case TEXT, PRODUCTS:
        return cell;
      case NOT_MEASURED:
        return null;
      case DATE: {
        if (cell.isEmpty()) {
          return null;
        }
        LocalDate d = Cells.parseDate(cell);
        if (d == null) {
          problems.add(loc, c.header(), "must be a date YYYY-MM-DD", cell);
        }
        return d;
      }
      case TRUE_FALSE, YES_NO: {
        if (cell.isEmpty()) {
          return null;
        }
        String v = cell.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes")) {
          return Boolean.TRUE;
        }
        if (v.equals("false") || v.equals("no")) {
          return Boolean.FALSE;
        }
        problems.add(loc, c.header(), "must be True/False or Yes/No", cell);
        return null;
      }
      case DURATION: {
        if (cell.isEmpty()) {
          return null;
        }
        try {
          return Duration.parse(cell);
        } catch (DateTimeParseException e) {
          problems.add(loc, c.header(), "must be an ISO-8601 duration such as PT1H", cell);
          return null;
        }
      }
      case COUNT, PERIOD:
      default: {
        if (cell.isEmpty()) {
          return 0L;
        }
        try {
          return Long.parseLong(cell);
        } catch (NumberFormatException e) {
          problems.add(loc, c.header(), "must be an integer", cell);
          return null;
        }
      }
    }
  }
}
