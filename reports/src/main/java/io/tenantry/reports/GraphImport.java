package io.tenantry.reports;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Microsoft Graph report CSV exports ({@code graph-reports.md} §1.2, §7): the function is
 * recognised by the file name ({@code getEmailActivityCounts.csv}) or else by the header; columns
 * are bound by header name (case and white space ignored, so {@code Used  Chrome OS} matches), in
 * any order, with the known older and real-export names as aliases; a BOM is stripped; blank count
 * cells are 0; both boolean styles are accepted; concealed names are detected. Bad data is refused
 * with its file and line: a row whose field count differs from the header's, a repeated column, a
 * negative count, a Report Period other than 7, 30, 90 or 180 (1 in detail exports), a Report
 * Refresh Date that changes between rows, and a file named after a supported function that is
 * empty or not that report. A report written by
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
  /** The Graph report functions of {@code graph-reports.md} §3 that Tenantry does not import. */
  private static final List<String> UNSUPPORTED = List.of("getEmailAppUsageAppsUserCounts",
      "getEmailAppUsageUserCounts", "getEmailAppUsageUserDetail",
      "getEmailAppUsageVersionsUserCounts", "getMailboxUsageDetail",
      "getMailboxUsageMailboxCounts", "getMailboxUsageQuotaStatusMailboxCounts",
      "getMailboxUsageStorage", "getOffice365ActivationCounts", "getOffice365ActivationsUserCounts",
      "getOffice365ActivationsUserDetail", "getOffice365GroupsActivityFileCounts",
      "getOffice365GroupsActivityStorage", "getOneDriveUsageAccountCounts",
      "getOneDriveUsageAccountDetail", "getOneDriveUsageFileCounts", "getOneDriveUsageStorage",
      "getSharePointSiteUsageDetail", "getSharePointSiteUsageFileCounts",
      "getSharePointSiteUsagePages", "getSharePointSiteUsageSiteCounts",
      "getSharePointSiteUsageStorage", "getTeamsDeviceUsageDistributionTotalUserCounts",
      "getYammerDeviceUsageDistributionUserCounts", "getYammerDeviceUsageUserCounts",
      "getYammerDeviceUsageUserDetail");
  /**
   * Older headers that {@code graph-reports.md} §3 documents for one function but that fit another
   * function's current header better; an export with exactly these columns is that function.
   */
  private static final Map<Set<String>, ReportFunction> OLDER_VARIANTS = Map.of(
      keys("Report Refresh Date,Report Date,Team Chat Messages,Private Chat Messages,Calls,"
          + "Meetings,Report Period"), ReportFunction.GET_TEAMS_USER_ACTIVITY_COUNTS,
      keys("Report Refresh Date,Web,Windows Phone,Android Phone,iOS,Mac,Windows,Report Period"),
      ReportFunction.GET_TEAMS_DEVICE_USAGE_DISTRIBUTION_USER_COUNTS,
      keys("Report Refresh Date,Send,Receive,Read,Report Date,Report Period"),
      ReportFunction.GET_EMAIL_ACTIVITY_COUNTS);
  private static final Set<Long> PERIODS = Set.of(7L, 30L, 90L, 180L);

  private GraphImport() {}

  /**
   * What was read from one export.
   *
   * @param source the file name
   * @param function the recognised function, or null when the file was not recognised or is
   *     undecided
   * @param candidates the functions whose header fits best: one when recognised; more than one
   *     when the header alone fits several equally well and the file name did not decide (the
   *     file is then undecided: {@code function} and {@code table} are null and nothing is read)
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
    String name = file.getFileName().toString();
    try (Reader in = Utf8.open(file)) {
      return read(in, name);
    } catch (CharacterCodingException e) {
      throw Utf8.notUtf8At(file, name);
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
    Optional<ReportFunction> named = ReportFunction.byGraphName(baseName(fileName));
    if (header == null) {
      if (named.isPresent()) {
        throw new ValidationException(new Problem("file", "is empty, not a "
            + named.get().graphName() + " export: it has no header line", null,
            new SourceLocation(fileName, 1)));
      }
      return new Imported(fileName, null, List.of(), null, false, List.of(), List.of());
    }
    HeaderMap h = new HeaderMap(header.fields());
    List<ReportFunction> candidates = recognise(fileName, header.fields());
    if (candidates.isEmpty()) {
      if (named.isPresent()) {
        ReportFunction other = null;
        for (ReportFunction f : ReportFunction.values()) {
          if (f != named.get() && matched(h, f) > matched(h, named.get())
              && (other == null || matched(h, f) > matched(h, other))) {
            other = f;
          }
        }
        throw new ValidationException(new Problem("header", "is not the header of a "
            + named.get().graphName() + " export (" + (other == null ? "it has too few of its columns"
                : "it fits " + other.graphName() + " better") + ")",
            String.join(",", header.fields()), new SourceLocation(fileName, header.line())));
      }
      return new Imported(fileName, null, List.of(), null, false, List.of(), List.of());
    }
    if (candidates.size() > 1) {
      return new Imported(fileName, null, candidates, null, false, List.of(), List.of());
    }
    ReportFunction f = candidates.get(0);
    if (!h.duplicates().isEmpty()) {
      Problems dup = new Problems();
      SourceLocation at = new SourceLocation(fileName, header.line());
      for (String d : h.duplicates()) {
        dup.add(at, "header", "the column '" + d + "' appears more than once", d);
      }
      dup.throwIfAny();
    }
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
    int refreshAt = f.columns().stream().map(Column::header).toList()
        .indexOf("Report Refresh Date");
    LocalDate refresh = null;
    int refreshLine = 0;
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
      Optional<String> width = csv.fieldCountProblem(row);
      if (width.isPresent()) {
        problems.add(loc, "row", width.get(), null);
        continue;
      }
      List<Object> values = new ArrayList<>(cols.size());
      for (int i = 0; i < cols.size(); i++) {
        Column c = cols.get(i);
        if (at[i] < 0) {
          values.add(c.type() == ColumnType.TEXT || c.type() == ColumnType.PRODUCTS ? "" : null);
          continue;
        }
        String cell = HeaderMap.cell(row.fields(), at[i]);
        Object value = parse(c, cell, loc, problems, f.acceptsDate());
        if (i == refreshAt && value instanceof LocalDate d) {
          if (refresh == null) {
            refresh = d;
            refreshLine = row.line();
          } else if (!refresh.equals(d)) {
            problems.add(loc, c.header(), "differs from the " + refresh + " of line "
                + refreshLine + " (an export has one refresh date on every row)", cell);
          }
        }
        values.add(value);
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
   * Recognises the report of an export. A file named after a Graph function (any case, with or
   * without {@code .csv}) is that function when the header has {@code Report Refresh Date} or at
   * least three of its columns, unless the header fits another function better while lacking over
   * a third of the named one's columns (it is then another report's header; a documented older
   * header of the named function stays its own), and nothing when the function is one Tenantry does not import
   * ({@link #unsupportedFunction}); else the header alone decides: among the functions that know
   * at least four fifths of the file's columns (and three or more), those sharing the most columns
   * with it and, of these, missing the fewest of their own columns (so an exact fit wins); a
   * documented older header that would otherwise fit another function better is its own function
   * (the older {@code getTeamsUserActivityCounts}, {@code
   * getTeamsDeviceUsageDistributionUserCounts} and {@code getEmailActivityCounts} headers).
   *
   * @param fileName the file name
   * @param header the header cells
   * @return the candidates, best first: one when recognised, several when the header fits them
   *     equally well, empty when nothing fits
   */
  public static List<ReportFunction> recognise(String fileName, List<String> header) {
    HeaderMap h = new HeaderMap(header);
    String base = baseName(fileName);
    if (unsupportedFunction(fileName).isPresent()) {
      return List.of();
    }
    var byName = ReportFunction.byGraphName(base);
    ReportFunction variant = OLDER_VARIANTS.get(keys(header));
    if (byName.isPresent()) {
      ReportFunction named = byName.get();
      if (index(h, "Report Refresh Date") < 0 && matched(h, named) < 3) {
        return List.of();
      }
      // the name decides between headers that fit several reports, not against a header that is
      // plainly another report's: one that fits another function better and lacks over a third of
      // the named one's columns is not that report (an older header of the named report is)
      if (variant != named) {
        int own = matched(h, named);
        for (ReportFunction f : ReportFunction.values()) {
          if (f != named && matched(h, f) > own && 3 * (named.columns().size() - own)
              > named.columns().size()) {
            return List.of();
          }
        }
      }
      return List.of(named);
    }
    if (variant != null) {
      return List.of(variant);
    }
    List<ReportFunction> best = new ArrayList<>();
    int bestMatched = 0;
    int bestMissing = Integer.MAX_VALUE;
    int fileColumns = (int) header.stream().map(CsvReader::headerKey).filter(k -> !k.isEmpty())
        .count();
    for (ReportFunction f : ReportFunction.values()) {
      int matched = matched(h, f);
      if (matched * 5 < fileColumns * 4 || matched < 3) {
        continue;
      }
      int missing = f.columns().size() - matched;
      if (matched > bestMatched || (matched == bestMatched && missing < bestMissing)) {
        best.clear();
        bestMatched = matched;
        bestMissing = missing;
      }
      if (matched == bestMatched && missing == bestMissing) {
        best.add(f);
      }
    }
    return best;
  }

  /**
   * Tells whether a file is named after a Graph report function that Tenantry does not import
   * (e.g. {@code getMailboxUsageMailboxCounts.csv}): such a file is never filed under another
   * function, whatever its header.
   *
   * @param fileName the file name, with or without {@code .csv}
   * @return the function's Graph name as spelled by Graph, or empty
   */
  public static Optional<String> unsupportedFunction(String fileName) {
    String base = baseName(fileName);
    return UNSUPPORTED.stream().filter(n -> n.equalsIgnoreCase(base)).findFirst();
  }

  private static Set<String> keys(String header) {
    return keys(List.of(header.split(",")));
  }

  private static Set<String> keys(List<String> header) {
    Set<String> keys = new HashSet<>();
    for (String cell : header) {
      String key = CsvReader.headerKey(cell);
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static String baseName(String fileName) {
    String base = fileName.replaceAll("(?i)\\.csv$", "");
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    return base.substring(slash + 1);
  }

  private static int matched(HeaderMap h, ReportFunction f) {
    int matched = 0;
    for (Column c : f.columns()) {
      if (index(h, c.header()) >= 0) {
        matched++;
      }
    }
    return matched;
  }

  /**
   * Parses one cell. A Report Period is 7, 30, 90 or 180, or 1 in a detail export, which is what
   * a single-day {@code date=} request gives ({@code graph-reports.md} §7.5).
   */
  private static Object parse(Column c, String cell, SourceLocation loc, Problems problems,
      boolean detail) {
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
      case PERIOD: {
        Long days = cell.matches("[0-9]{1,4}") ? Long.valueOf(cell) : null;
        if (days == null || !(PERIODS.contains(days) || (detail && days == 1))) {
          problems.add(loc, c.header(), "must be 7, 30, 90 or 180 (days)"
              + (detail ? ", or 1 for a single day" : ""), cell);
        }
        return days;
      }
      case COUNT:
      default: {
        if (cell.isEmpty()) {
          return 0L;
        }
        long v;
        try {
          v = Long.parseLong(cell);
        } catch (NumberFormatException e) {
          problems.add(loc, c.header(), "must be an integer", cell);
          return null;
        }
        if (v < 0) {
          problems.add(loc, c.header(), "must not be negative", cell);
        }
        return v;
      }
    }
  }
}
