package io.tenantry.reports.input;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@code users.csv} ({@code activity-events.md} §1) in one streaming pass: RFC 4180, UTF-8
 * with an optional BOM, header names matched case-insensitively after collapsing white space,
 * unknown columns kept as extra attributes, a missing optional column blank on every row. Cells are
 * stripped of surrounding white space.
 *
 * <p>Strict: every problem of the file (a missing required column, a row whose field count differs
 * from the header's, a blank User Id or User
 * Principal Name, a bad {@code User Type}, {@code MFA Registered} or date, duplicate ids or names)
 * is collected with its line and thrown together; no partial directory is ever returned. Stateless
 * and thread-safe.
 */
public final class UsersCsvReader {
  /** The column holding the User Id. */
  public static final String USER_ID = "User Id";
  /** The column holding the user principal name. */
  public static final String USER_PRINCIPAL_NAME = "User Principal Name";
  /** The optional MFA column read by the Usage Score. */
  public static final String MFA_REGISTERED = "MFA Registered";

  private static final List<String> TEXT_ATTRIBUTES = List.of("Department", "Company", "Country",
      "State", "City", "Office", "Title");
  private static final Set<String> DEFINED;

  static {
    List<String> defined = new ArrayList<>(List.of(USER_ID, USER_PRINCIPAL_NAME, "Display Name",
        "User Type", "Preferred Data Location", "Created Date", "Deleted Date",
        "Assigned Products", MFA_REGISTERED));
    defined.addAll(TEXT_ATTRIBUTES);
    for (Workload w : Workload.values()) {
      defined.add(w.licenceAssignDateColumn());
    }
    DEFINED = Set.copyOf(defined.stream().map(CsvReader::headerKey).toList());
  }

  private UsersCsvReader() {}

  /**
   * Reads a file into a directory.
   *
   * @param tenant the tenant the snapshot belongs to
   * @param file the file
   * @return the directory
   * @throws IOException if the file cannot be read ({@link java.nio.file.NoSuchFileException} when
   *     missing)
   * @throws ValidationException listing every problem of the file, each with its line
   */
  public static UserDirectory read(TenantId tenant, Path file) throws IOException {
    try (Reader in = Utf8.open(file)) {
      return read(tenant, in, file.toString());
    } catch (CharacterCodingException e) {
      throw Utf8.notUtf8At(file, file.toString());
    }
  }

  /**
   * Reads characters into a directory.
   *
   * @param tenant the tenant
   * @param in the CSV text
   * @param source the file name used in error locations
   * @return the directory
   * @throws IOException if reading fails
   * @throws ValidationException listing every problem, each with its line
   */
  public static UserDirectory read(TenantId tenant, Reader in, String source) throws IOException {
    List<DirectoryUser> users = new ArrayList<>();
    Problems problems = stream(in, source, users::add);
    UserDirectory dir = null;
    try {
      dir = UserDirectory.of(tenant, users, source);
    } catch (ValidationException e) {
      problems.addAll(e);
    }
    problems.throwIfAny();
    return dir;
  }

  /**
   * Streams the rows of a file to a consumer, one by one, without building a directory (and so
   * without the duplicate checks of {@link UserDirectory#of}). Rows with a problem are not passed
   * on; their problems are returned.
   *
   * @param in the CSV text
   * @param source the file name used in error locations
   * @param sink receives every valid row, in file order
   * @return the problems of the rows (empty when all were valid)
   * @throws IOException if reading fails
   * @throws ValidationException if the file is empty, lacks a required column or ends inside a
   *     quoted field
   */
  public static Problems stream(Reader in, String source, Consumer<DirectoryUser> sink)
      throws IOException {
    CsvReader csv = new CsvReader(in);
    HeaderMap h = HeaderMap.read(csv, source, List.of(USER_ID, USER_PRINCIPAL_NAME));
    Problems problems = new Problems();

    int cId = h.index(USER_ID);
    int cUpn = h.index(USER_PRINCIPAL_NAME);
    int cName = h.index("Display Name");
    int cType = h.index("User Type");
    int cPdl = h.index("Preferred Data Location");
    int cCreated = h.index("Created Date");
    int cDeleted = h.index("Deleted Date");
    int cProducts = h.index("Assigned Products");
    int cMfa = h.index(MFA_REGISTERED);
    int[] cText = TEXT_ATTRIBUTES.stream().mapToInt(h::index).toArray();
    Map<Workload, Integer> cLicence = new EnumMap<>(Workload.class);
    for (Workload w : Workload.values()) {
      cLicence.put(w, h.index(w.licenceAssignDateColumn()));
    }
    Map<String, Integer> extraColumns = h.extraColumns(DEFINED);
    while (true) {
      CsvReader.Row row;
      try {
        row = csv.next();
      } catch (CsvReader.MalformedCsvException e) {
        problems.add(HeaderMap.malformed(e, source).problems().get(0));
        break;
      }
      if (row == null) {
        break;
      }
      List<String> f = row.fields();
      SourceLocation at = new SourceLocation(source, row.line());
      Problems local = new Problems();
      csv.fieldCountProblem(row).ifPresent(p -> local.add(at, "row", p, null));
      String id = HeaderMap.cell(f, cId);
      String upn = HeaderMap.cell(f, cUpn);
      UserId userId = null;
      if (id.isEmpty()) {
        local.add(at, USER_ID, "must not be blank", null);
      } else {
        try {
          userId = UserId.of(id);
        } catch (ValidationException e) {
          for (Problem p : e.problems()) {
            local.add(at, USER_ID, p.message(), id);
          }
        }
      }
      if (upn.isEmpty()) {
        local.add(at, USER_PRINCIPAL_NAME, "must not be blank", null);
      }
      String type = HeaderMap.cell(f, cType);
      UserType userType = UserType.MEMBER;
      if (type.equalsIgnoreCase("Guest")) {
        userType = UserType.GUEST;
      } else if (!type.isEmpty() && !type.equalsIgnoreCase("Member")) {
        local.add(at, "User Type", "must be Member or Guest", type);
      }
      LocalDate created = Cells.date(HeaderMap.cell(f, cCreated), "Created Date", at, local);
      LocalDate deleted = Cells.date(HeaderMap.cell(f, cDeleted), "Deleted Date", at, local);
      EnumMap<Workload, LocalDate> licences = new EnumMap<>(Workload.class);
      for (Workload w : Workload.values()) {
        LocalDate d = Cells.date(HeaderMap.cell(f, cLicence.get(w)), w.licenceAssignDateColumn(),
            at, local);
        if (d != null) {
          licences.put(w, d);
        }
      }
      boolean mfa = Cells.yesNo(HeaderMap.cell(f, cMfa), false, MFA_REGISTERED, at, local);
      if (!local.isEmpty()) {
        local.list().forEach(problems::add);
        continue;
      }
      Map<String, String> extra = new LinkedHashMap<>();
      extraColumns.forEach((name, c) -> extra.put(name, HeaderMap.cell(f, c)));
      sink.accept(new DirectoryUser(userId, upn, HeaderMap.cell(f, cName), userType,
          HeaderMap.cell(f, cText[0]), HeaderMap.cell(f, cText[1]), HeaderMap.cell(f, cText[2]),
          HeaderMap.cell(f, cText[3]), HeaderMap.cell(f, cText[4]), HeaderMap.cell(f, cText[5]),
          HeaderMap.cell(f, cText[6]), HeaderMap.cell(f, cPdl), created, deleted,
          HeaderMap.cell(f, cProducts), licences, mfa, extra, row.line()));
    }
    return problems;
  }
}
