package io.tenantry.cli;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small reader of a Microsoft 365 {@code users.csv} export for {@code store put --user}: it finds
 * the columns {@code User Principal Name} and {@code Preferred Data Location} by header name
 * (matched case-insensitively after collapsing runs of white space, as activity-events §1 says; a
 * UTF-8 byte-order mark skipped) and reads RFC 4180 fields
 * (quotes, doubled quotes, line breaks inside quotes). Only these two columns are read; the full
 * users reader belongs to the reports module.
 */
final class UsersCsv {
  static final String UPN = "User Principal Name";
  static final String PDL = "Preferred Data Location";

  private UsersCsv() {}

  /**
   * Finds a user's raw preferred data location.
   *
   * @param file the users.csv file
   * @param upn the user principal name, compared case-insensitively
   * @return the raw value (empty when the user has none, or when the file has no {@code Preferred
   *     Data Location} column: an optional column that is missing is blank for every row)
   * @throws java.nio.file.NoSuchFileException if the file is missing
   * @throws ValidationException naming the file and line when the UPN column is missing, a row is
   *     malformed, the user appears twice, or the user is not in the file
   * @throws IOException if the file cannot be read
   */
  static Optional<String> preferredDataLocation(Path file, String upn) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    parse(text, rows, lines, file);
    String name = file.toString();
    if (rows.isEmpty()) {
      throw new ValidationException(Problem.of("header", "the file is empty", null)
          .at(new SourceLocation(name, 1)));
    }
    List<String> header = rows.get(0);
    int upnCol = column(header, UPN);
    int pdlCol = column(header, PDL);
    List<Problem> problems = new ArrayList<>();
    if (upnCol < 0) {
      problems.add(Problem.of("header", "has no column '" + UPN + "'", null)
          .at(new SourceLocation(name, 1)));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    String found = null;
    int foundLine = 0;
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue;
      }
      if (row.size() != header.size()) {
        throw new ValidationException(Problem.of("row", "has " + row.size() + " fields, the header"
            + " has " + header.size(), null).at(new SourceLocation(name, lines.get(r))));
      }
      if (row.get(upnCol).strip().equalsIgnoreCase(upn.strip())) {
        if (found != null) {
          throw new ValidationException(Problem.of(UPN, "is listed twice (first at line "
              + foundLine + ")", upn).at(new SourceLocation(name, lines.get(r))));
        }
        found = pdlCol < 0 ? "" : row.get(pdlCol).strip();
        foundLine = lines.get(r);
      }
    }
    if (found == null) {
      throw new ValidationException(Problem.of("--user", "is not in " + name, upn));
    }
    return Optional.of(found);
  }

  private static int column(List<String> header, String wanted) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
          .equals(wanted.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private static void parse(String text, List<List<String>> rows, List<Integer> lines, Path file) {
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        rows.add(row);
        lines.add(rowLine);
        row = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        line++;
        rowLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new ValidationException(Problem.of("row", "a quoted field is not closed", null)
          .at(new SourceLocation(file.toString(), rowLine)));
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
      lines.add(rowLine);
    }
  }
}
