package io.tenantry.reports.input;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code groups.csv} ({@code activity-events.md} §2) with the CSV rules of {@code users.csv}:
 * header binding by name, unknown columns kept as extra attributes, every problem collected with its
 * line and thrown together. Stateless and thread-safe.
 */
public final class GroupsCsvReader {
  private static final List<String> DEFINED_NAMES = List.of("Group Id", "Group Display Name",
      "Group Type", "Owner Principal Name", "Created Date", "Deleted Date", "Member Count",
      "External Member Count", "Is Yammer Group", "Office 365 Connected");
  private static final Set<String> DEFINED =
      Set.copyOf(DEFINED_NAMES.stream().map(CsvReader::headerKey).toList());

  private GroupsCsvReader() {}

  /**
   * Reads a file.
   *
   * @param tenant the tenant
   * @param file the file
   * @return the snapshot
   * @throws IOException if the file cannot be read
   * @throws ValidationException listing every problem with its line
   */
  public static GroupDirectory read(TenantId tenant, Path file) throws IOException {
    try (Reader in = Utf8.open(file)) {
      return read(tenant, in, file.toString());
    } catch (CharacterCodingException e) {
      throw Utf8.notUtf8At(file, file.toString());
    }
  }

  /**
   * Reads characters.
   *
   * @param tenant the tenant
   * @param in the CSV text
   * @param source the file name for error locations
   * @return the snapshot
   * @throws IOException if reading fails
   * @throws ValidationException listing every problem with its line
   */
  public static GroupDirectory read(TenantId tenant, Reader in, String source) throws IOException {
    CsvReader csv = new CsvReader(in);
    HeaderMap h = HeaderMap.read(csv, source, List.of("Group Id", "Group Display Name"));
    Problems problems = new Problems();
    int[] c = DEFINED_NAMES.stream().mapToInt(h::index).toArray();
    Map<String, Integer> extraColumns = h.extraColumns(DEFINED);
    List<DirectoryGroup> groups = new ArrayList<>();
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
      String id = HeaderMap.cell(f, c[0]);
      GroupId groupId = null;
      if (id.isEmpty()) {
        local.add(at, "Group Id", "must not be blank", null);
      } else {
        try {
          groupId = GroupId.of(id);
        } catch (ValidationException e) {
          e.problems().forEach(p -> local.add(at, "Group Id", p.message(), id));
        }
      }
      String name = HeaderMap.cell(f, c[1]);
      if (name.isEmpty()) {
        local.add(at, "Group Display Name", "must not be blank", null);
      }
      String type = HeaderMap.cell(f, c[2]);
      boolean isPublic = false;
      if (type.equalsIgnoreCase("Public")) {
        isPublic = true;
      } else if (!type.isEmpty() && !type.equalsIgnoreCase("Private")) {
        local.add(at, "Group Type", "must be Public or Private", type);
      }
      LocalDate created = Cells.date(HeaderMap.cell(f, c[4]), "Created Date", at, local);
      LocalDate deleted = Cells.date(HeaderMap.cell(f, c[5]), "Deleted Date", at, local);
      long members = Cells.count(HeaderMap.cell(f, c[6]), "Member Count", at, local);
      long external = Cells.count(HeaderMap.cell(f, c[7]), "External Member Count", at, local);
      boolean yammer = Cells.yesNo(HeaderMap.cell(f, c[8]), false, "Is Yammer Group", at, local);
      boolean connected = Cells.yesNo(HeaderMap.cell(f, c[9]), false, "Office 365 Connected", at,
          local);
      if (!local.isEmpty()) {
        local.list().forEach(problems::add);
        continue;
      }
      Map<String, String> extra = new LinkedHashMap<>();
      extraColumns.forEach((header, i) -> extra.put(header, HeaderMap.cell(f, i)));
      groups.add(new DirectoryGroup(groupId, name, isPublic, HeaderMap.cell(f, c[3]), created,
          deleted, members, external, yammer, connected, extra, row.line()));
    }
    GroupDirectory dir = null;
    try {
      dir = GroupDirectory.of(tenant, groups, source);
    } catch (ValidationException e) {
      problems.addAll(e);
    }
    problems.throwIfAny();
    return dir;
  }
}
