package io.tenantry.reports.servicedesk;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.internal.Cells;
import io.tenantry.reports.internal.CsvReader;
import io.tenantry.reports.internal.HeaderMap;
import io.tenantry.reports.internal.Utf8;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads {@code tickets.csv}: RFC 4180, UTF-8 (BOM accepted), headers matched like {@code
 * users.csv}'s (case-insensitive, white space collapsed), unknown columns ignored.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>Ticket Id</td><td>yes</td><td>unique in the file</td></tr>
 *   <tr><td>Workload</td><td>yes</td><td>a workload of {@code events.jsonl}: Exchange, OneDrive,
 *       SharePoint, Teams, Yammer, SkypeForBusiness, M365Apps</td></tr>
 *   <tr><td>User</td><td>yes</td><td>the caller: a User Id or User Principal Name of
 *       {@code users.csv} (the header may also read {@code User Principal Name} or {@code User
 *       Id})</td></tr>
 *   <tr><td>Opened</td><td>yes</td><td>ISO-8601 instant with offset ({@code
 *       2026-06-01T09:30:00+02:00}) or a day {@code YYYY-MM-DD} (midnight UTC)</td></tr>
 *   <tr><td>Resolved</td><td>no</td><td>same format, not before Opened; blank while open</td></tr>
 *   <tr><td>Tier</td><td>no</td><td>highest tier reached, 1–9; blank = 1 (header also
 *       {@code Highest Tier})</td></tr>
 *   <tr><td>Migration Date</td><td>no</td><td>{@code YYYY-MM-DD}; blank = the directory's
 *       {@code Migration Date} column, if any</td></tr>
 *   <tr><td>Tenant</td><td>no</td><td>must equal the tenant being computed when present</td></tr>
 * </table>
 *
 * <p>Every row must hold as many fields as the header (RFC 4180). Every problem of the file is
 * collected and thrown together, each with its line.
 */
public final class TicketsCsvReader {
  /** The required column headers. */
  public static final List<String> REQUIRED = List.of("Ticket Id", "Workload", "User", "Opened");

  private TicketsCsvReader() {}

  /**
   * Reads a file.
   *
   * @param tenant the tenant being computed
   * @param file the file
   * @param directory the tenant's users, to resolve the {@code User} column
   * @return the tickets in file order
   * @throws IOException if the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when missing)
   * @throws ValidationException listing every problem with its line
   */
  public static List<Ticket> read(TenantId tenant, Path file, UserDirectory directory)
      throws IOException {
    try (Reader in = Utf8.open(file)) {
      return read(tenant, in, file.toString(), directory);
    } catch (CharacterCodingException e) {
      throw Utf8.notUtf8At(file, file.toString());
    }
  }

  /**
   * Reads CSV text.
   *
   * @param tenant the tenant being computed
   * @param in the text
   * @param source the file name used in problems
   * @param directory the tenant's users
   * @return the tickets in file order
   * @throws IOException if reading fails
   * @throws ValidationException listing every problem with its line
   */
  public static List<Ticket> read(TenantId tenant, Reader in, String source,
      UserDirectory directory) throws IOException {
    Problems problems = new Problems();
    CsvReader csv = new CsvReader(in);
    CsvReader.Row header;
    try {
      header = csv.next();
    } catch (CsvReader.MalformedCsvException e) {
      throw new ValidationException(new Problem("csv", e.getMessage(), null,
          new SourceLocation(source, e.line())));
    }
    if (header == null) {
      throw new ValidationException(new Problem("header", "the file is empty: a header with "
          + String.join(", ", REQUIRED) + " is required", null, new SourceLocation(source, 1)));
    }
    HeaderMap h = new HeaderMap(header.fields());
    for (String required : REQUIRED) {
      if (column(h, required) < 0) {
        problems.add(new SourceLocation(source, header.line()), required,
            "required column is missing", null);
      }
    }
    problems.throwIfAny();
    int cId = column(h, "Ticket Id");
    int cWorkload = column(h, "Workload");
    int cUser = column(h, "User");
    int cOpened = column(h, "Opened");
    int cResolved = column(h, "Resolved");
    int cTier = column(h, "Tier");
    int cMigration = column(h, "Migration Date");
    int cTenant = column(h, "Tenant");
    List<Ticket> tickets = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    while (true) {
      CsvReader.Row row;
      try {
        row = csv.next();
      } catch (CsvReader.MalformedCsvException e) {
        problems.add(new SourceLocation(source, e.line()), "csv", e.getMessage(), null);
        break;
      }
      if (row == null) {
        break;
      }
      SourceLocation at = new SourceLocation(source, row.line());
      int before = problems.list().size();
      csv.fieldCountProblem(row).ifPresent(p -> problems.add(at, "row", p, null));
      List<String> f = row.fields();
      String id = HeaderMap.cell(f, cId);
      if (id.isEmpty()) {
        problems.add(at, "Ticket Id", "must not be blank", null);
      } else if (seen.putIfAbsent(id, row.line()) != null) {
        problems.add(at, "Ticket Id", "duplicate ticket id (first on line " + seen.get(id) + ")",
            id);
      }
      String tenantCell = HeaderMap.cell(f, cTenant);
      if (!tenantCell.isEmpty() && !tenantCell.equals(tenant.value())) {
        problems.add(at, "Tenant", "belongs to another tenant than " + tenant, tenantCell);
      }
      String w = HeaderMap.cell(f, cWorkload);
      Workload workload = Workload.fromWireName(w).orElse(null);
      if (workload == null) {
        problems.add(at, "Workload", "must be one of Exchange, OneDrive, SharePoint, Teams, "
            + "Yammer, SkypeForBusiness, M365Apps", w);
      }
      String u = HeaderMap.cell(f, cUser);
      OptionalInt user = u.isEmpty() ? OptionalInt.empty() : directory.resolve(u);
      if (user.isEmpty()) {
        problems.add(at, "User", u.isEmpty() ? "must not be blank"
            : "is neither a User Id nor a User Principal Name of the directory", u);
      }
      Instant opened = time(HeaderMap.cell(f, cOpened), "Opened", true, at, problems);
      Instant resolved = time(HeaderMap.cell(f, cResolved), "Resolved", false, at, problems);
      if (opened != null && resolved != null && resolved.isBefore(opened)) {
        problems.add(at, "Resolved", "is before Opened (" + opened + ")", resolved.toString());
      }
      int tier = 1;
      String t = HeaderMap.cell(f, cTier);
      if (!t.isEmpty()) {
        try {
          tier = Integer.parseInt(t);
        } catch (NumberFormatException e) {
          tier = 0;
        }
        if (tier < 1 || tier > Ticket.MAX_TIER) {
          problems.add(at, "Tier", "must be an integer within 1-" + Ticket.MAX_TIER, t);
        }
      }
      LocalDate migration = Cells.date(HeaderMap.cell(f, cMigration), "Migration Date", at,
          problems);
      if (problems.list().size() == before) {
        tickets.add(new Ticket(tenant, id, workload, user.getAsInt(), opened, resolved, tier,
            migration, row.line()));
      }
    }
    problems.throwIfAny();
    return tickets;
  }

  /** Binds a column by its name or one of its aliases (User Id / User Principal Name, Highest Tier). */
  private static int column(HeaderMap h, String name) {
    List<String> names = switch (name) {
      case "User" -> List.of("User", "User Principal Name", "User Id");
      case "Tier" -> List.of("Tier", "Highest Tier");
      default -> List.of(name);
    };
    for (String n : names) {
      if (h.has(n)) {
        return h.index(n);
      }
    }
    return -1;
  }

  private static Instant time(String value, String column, boolean required, SourceLocation at,
      Problems problems) {
    if (value.isEmpty()) {
      if (required) {
        problems.add(at, column, "must not be blank", null);
      }
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(at, column, "must be an ISO-8601 time with offset (2026-06-01T09:30:00Z) or "
          + "a day YYYY-MM-DD", value);
      return null;
    }
  }
}
