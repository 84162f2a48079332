package io.tenantry.reports.internal;

import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parsing of typed CSV cells that records a located problem on bad input. */
public final class Cells {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Cells() {}

  /**
   * Parses a {@code YYYY-MM-DD} date.
   *
   * @param value the cell ("" for blank)
   * @param column the column name, for the problem
   * @param at where the cell was read
   * @param problems where a bad value is recorded
   * @return the date, or null for a blank or bad cell
   */
  public static LocalDate date(String value, String column, SourceLocation at, Problems problems) {
    if (value.isEmpty()) {
      return null;
    }
    LocalDate d = parseDate(value);
    if (d == null) {
      problems.add(at, column, "must be a date YYYY-MM-DD", value);
    }
    return d;
  }

  /**
   * Parses a strict {@code YYYY-MM-DD} date.
   *
   * @param value the text
   * @return the date, or null when the text is not a valid date of that form
   */
  public static LocalDate parseDate(String value) {
    if (!DATE.matcher(value).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Parses a {@code Yes}/{@code No} flag, case-insensitively; {@code True}/{@code False} are
   * accepted too.
   *
   * @param value the cell
   * @param blank the value of a blank cell
   * @param column the column name
   * @param at where it was read
   * @param problems where a bad value is recorded
   * @return the flag ({@code blank} for a bad value)
   */
  public static boolean yesNo(String value, boolean blank, String column, SourceLocation at,
      Problems problems) {
    if (value.isEmpty()) {
      return blank;
    }
    if (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false")) {
      return false;
    }
    problems.add(at, column, "must be Yes or No", value);
    return blank;
  }

  /**
   * Parses a non-negative integer count; blank is 0.
   *
   * @param value the cell
   * @param column the column name
   * @param at where it was read
   * @param problems where a bad value is recorded
   * @return the count (0 for a bad value)
   */
  public static long count(String value, String column, SourceLocation at, Problems problems) {
    if (value.isEmpty()) {
      return 0;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(at, column, "must be an integer >= 0", value);
    return 0;
  }
}
