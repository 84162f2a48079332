package io.tenantry.reports.input;

import io.tenantry.core.GroupId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code groups.csv} ({@code activity-events.md} §2).
 *
 * <p>Text columns are never null ({@code ""} when blank); dates are null when blank; counts are 0
 * when blank.
 *
 * @param id the Group Id (events' {@code group} field matches it exactly)
 * @param displayName the Group Display Name; never blank
 * @param isPublic true for {@code Group Type} {@code Public}; false for {@code Private} (the
 *     default)
 * @param ownerPrincipalName the Owner Principal Name, or ""
 * @param createdDate the Created Date, or null
 * @param deletedDate the Deleted Date, or null when not deleted
 * @param memberCount the Member Count
 * @param externalMemberCount the External Member Count
 * @param yammerGroup the Is Yammer Group flag (default false)
 * @param office365Connected the Office 365 Connected flag (default false)
 * @param extraAttributes columns {@code groups.csv} does not define, header as written → value
 * @param line the 1-based line in {@code groups.csv}, or 0 when built in code
 */
public record DirectoryGroup(
    GroupId id,
    String displayName,
    boolean isPublic,
    String ownerPrincipalName,
    LocalDate createdDate,
    LocalDate deletedDate,
    long memberCount,
    long externalMemberCount,
    boolean yammerGroup,
    boolean office365Connected,
    Map<String, String> extraAttributes,
    int line) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if the id or the map is null
   * @throws IllegalArgumentException if the display name is blank or a count or the line negative
   */
  public DirectoryGroup {
    Objects.requireNonNull(id, "id");
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("displayName must not be blank (group " + id + ")");
    }
    if (memberCount < 0 || externalMemberCount < 0 || line < 0) {
      throw new IllegalArgumentException("counts and line must be >= 0 (group " + id + ")");
    }
    ownerPrincipalName = ownerPrincipalName == null ? "" : ownerPrincipalName;
    extraAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(
        Objects.requireNonNull(extraAttributes, "extraAttributes")));
  }

  /**
   * Returns the {@code Group Type} as reports write it.
   *
   * @return {@code Public} or {@code Private}
   */
  public String groupType() {
    return isPublic ? "Public" : "Private";
  }

  /**
   * Tells whether the group exists as of R: unless created after R.
   *
   * @param r the report date
   * @return false when created after R
   */
  public boolean existsAsOf(LocalDate r) {
    return createdDate == null || !createdDate.isAfter(r);
  }

  /**
   * Tells whether the group is deleted as of R: Deleted Date non-blank and not after R.
   *
   * @param r the report date
   * @return true when deleted on or before R
   */
  public boolean isDeletedAsOf(LocalDate r) {
    return deletedDate != null && !deletedDate.isAfter(r);
  }
}
