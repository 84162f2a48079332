package io.tenantry.reports.input;

import io.tenantry.core.UserId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code users.csv} ({@code activity-events.md} §1): a user of one tenant's directory as
 * of the snapshot, with the as-of-R rules of §1 ({@link #existsAsOf}, {@link #hasLicence}, {@link
 * #isDeletedAsOf}).
 *
 * <p>Text columns are never null: a blank or missing cell is {@code ""}. Date columns are null when
 * blank. Licence assign dates are held per {@link Workload}; a workload without an entry has no
 * licence. Columns that {@code users.csv} does not define are kept, in file order, in {@link
 * #extraAttributes()} under their header as written ("bring your own metadata").
 *
 * @param id the User Id (events match it exactly)
 * @param userPrincipalName the sign-in name, unique in the tenant ignoring case; never blank
 * @param displayName the display name, or ""
 * @param userType member (also for a blank cell) or guest
 * @param department the Department column, or ""
 * @param company the Company column, or ""
 * @param country the Country column, or ""
 * @param state the State column, or ""
 * @param city the City column, or ""
 * @param office the Office column, or ""
 * @param title the Title column, or ""
 * @param preferredDataLocation the raw Preferred Data Location code, or "" for the tenant's central
 *     location (resolve it with {@code TenantGeography.resolve})
 * @param createdDate the Created Date, or null
 * @param deletedDate the Deleted Date as written, or null when not deleted
 * @param assignedProducts the Assigned Products, verbatim, or ""
 * @param licenceAssignDates the licence assign date per workload (only non-blank ones)
 * @param mfaRegistered the optional {@code MFA Registered} column ({@code Yes}; blank or {@code No}
 *     is false)
 * @param extraAttributes the columns {@code users.csv} does not define, header as written → value
 * @param line the 1-based line of the row in {@code users.csv}, or 0 when built in code
 */
public record DirectoryUser(
    UserId id,
    String userPrincipalName,
    String displayName,
    UserType userType,
    String department,
    String company,
    String country,
    String state,
    String city,
    String office,
    String title,
    String preferredDataLocation,
    LocalDate createdDate,
    LocalDate deletedDate,
    String assignedProducts,
    Map<Workload, LocalDate> licenceAssignDates,
    boolean mfaRegistered,
    Map<String, String> extraAttributes,
    int line) {

  /**
   * Validates the row and copies the maps.
   *
   * @throws NullPointerException if the id, the type or a map is null
   * @throws IllegalArgumentException if the user principal name is blank or the line is negative
   */
  public DirectoryUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userType, "userType");
    if (userPrincipalName == null || userPrincipalName.isBlank()) {
      throw new IllegalArgumentException("userPrincipalName must not be blank (user " + id + ")");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
    displayName = text(displayName);
    department = text(department);
    company = text(company);
    country = text(country);
    state = text(state);
    city = text(city);
    office = text(office);
    title = text(title);
    preferredDataLocation = text(preferredDataLocation);
    assignedProducts = text(assignedProducts);
    EnumMap<Workload, LocalDate> dates = new EnumMap<>(Workload.class);
    Objects.requireNonNull(licenceAssignDates, "licenceAssignDates").forEach((w, d) -> dates.put(
        Objects.requireNonNull(w, "workload"), Objects.requireNonNull(d, "assign date")));
    licenceAssignDates = Collections.unmodifiableMap(dates);
    extraAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(
        Objects.requireNonNull(extraAttributes, "extraAttributes")));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /**
   * Starts a builder for a user; every other column starts blank.
   *
   * @param id the User Id
   * @param userPrincipalName the user principal name
   * @return a new builder
   */
  public static Builder builder(String id, String userPrincipalName) {
    return new Builder(UserId.of(id), userPrincipalName);
  }

  /**
   * Tells whether the user is a guest.
   *
   * @return true when {@code User Type} is {@code Guest}
   */
  public boolean isGuest() {
    return userType == UserType.GUEST;
  }

  /**
   * Tells whether the user exists as of R: unless its Created Date is after R (§1).
   *
   * @param r the report date
   * @return false when created after R
   */
  public boolean existsAsOf(LocalDate r) {
    return createdDate == null || !createdDate.isAfter(r);
  }

  /**
   * Tells whether the user is deleted as of R: Deleted Date non-blank and not after R (§1).
   *
   * @param r the report date
   * @return true when deleted on or before R
   */
  public boolean isDeletedAsOf(LocalDate r) {
    return deletedDate != null && !deletedDate.isAfter(r);
  }

  /**
   * Returns the Deleted Date as reports dated R show it: blank (null) when after R.
   *
   * @param r the report date
   * @return the deleted date, or null when not deleted as of R
   */
  public LocalDate deletedDateAsOf(LocalDate r) {
    return isDeletedAsOf(r) ? deletedDate : null;
  }

  /**
   * Tells whether the user has a licence for a service on R: an assign date not after R (§1).
   *
   * @param service the service
   * @param r the report date
   * @return true when licensed on R
   */
  public boolean hasLicence(Workload service, LocalDate r) {
    LocalDate d = licenceAssignDates.get(service);
    return d != null && !d.isAfter(r);
  }

  /**
   * Returns a service's licence assign date as reports dated R show it: blank (null) when blank or
   * after R.
   *
   * @param service the service
   * @param r the report date
   * @return the date, or null
   */
  public LocalDate licenceAssignDateAsOf(Workload service, LocalDate r) {
    return hasLicence(service, r) ? licenceAssignDates.get(service) : null;
  }

  /**
   * Returns a service's licence assign date as written in {@code users.csv}.
   *
   * @param service the service
   * @return the date, or empty when blank
   */
  public Optional<LocalDate> licenceAssignDate(Workload service) {
    return Optional.ofNullable(licenceAssignDates.get(service));
  }

  /**
   * Returns an attribute by its {@code users.csv} header, matched like headers are (case-insensitive,
   * white space collapsed): one of the defined text columns (Department, Company, Country, State,
   * City, Office, Title, Display Name, User Principal Name, Preferred Data Location, Assigned
   * Products, User Type) or any extra column.
   *
   * @param header the column header
   * @return the value (possibly ""), or empty when the column is unknown
   */
  public Optional<String> attribute(String header) {
    String key = io.tenantry.reports.internal.CsvReader.headerKey(header);
    switch (key) {
      case "department": return Optional.of(department);
      case "company": return Optional.of(company);
      case "country": return Optional.of(country);
      case "state": return Optional.of(state);
      case "city": return Optional.of(city);
      case "office": return Optional.of(office);
      case "title": return Optional.of(title);
      case "display name": return Optional.of(displayName);
      case "user principal name": return Optional.of(userPrincipalName);
      case "user id": return Optional.of(id.value());
      case "preferred data location": return Optional.of(preferredDataLocation);
      case "assigned products": return Optional.of(assignedProducts);
      case "user type": return Optional.of(userType == UserType.GUEST ? "Guest" : "Member");
      default:
        for (Map.Entry<String, String> e : extraAttributes.entrySet()) {
          if (io.tenantry.reports.internal.CsvReader.headerKey(e.getKey()).equals(key)) {
            return Optional.of(e.getValue());
          }
        }
        return Optional.empty();
    }
  }

  /** A builder of {@link DirectoryUser}s, for code and tests; not thread-safe. */
  public static final class Builder {
    private final UserId id;
    private final String upn;
    private String displayName = "";
    private UserType userType = UserType.MEMBER;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String preferredDataLocation = "";
    private LocalDate createdDate;
    private LocalDate deletedDate;
    private String assignedProducts = "";
    private final EnumMap<Workload, LocalDate> licences = new EnumMap<>(Workload.class);
    private boolean mfaRegistered;
    private final Map<String, String> extra = new LinkedHashMap<>();
    private int line;

    private Builder(UserId id, String upn) {
      this.id = id;
      this.upn = upn;
    }

    /**
     * Sets the display name.
     *
     * @param value the name
     * @return this builder
     */
    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    /**
     * Sets the user type.
     *
     * @param value member or guest
     * @return this builder
     */
    public Builder userType(UserType value) {
      this.userType = Objects.requireNonNull(value, "userType");
      return this;
    }

    /**
     * Sets one of the text attributes Department, Company, Country, State, City, Office or Title;
     * any other name becomes an extra attribute.
     *
     * @param header the column header
     * @param value the value
     * @return this builder
     */
    public Builder attribute(String header, String value) {
      String key = io.tenantry.reports.internal.CsvReader.headerKey(header);
      switch (key) {
        case "department", "company", "country", "state", "city", "office", "title" ->
            attributes.put(key, value);
        default -> extra.put(header, value);
      }
      return this;
    }

    /**
     * Sets the raw preferred data location code.
     *
     * @param value the code, or "" for the central location
     * @return this builder
     */
    public Builder preferredDataLocation(String value) {
      this.preferredDataLocation = value;
      return this;
    }

    /**
     * Sets the created date.
     *
     * @param value the date, or null
     * @return this builder
     */
    public Builder createdDate(LocalDate value) {
      this.createdDate = value;
      return this;
    }

    /**
     * Sets the deleted date.
     *
     * @param value the date, or null when not deleted
     * @return this builder
     */
    public Builder deletedDate(LocalDate value) {
      this.deletedDate = value;
      return this;
    }

    /**
     * Sets the assigned products, verbatim.
     *
     * @param value products joined by {@code +}
     * @return this builder
     */
    public Builder assignedProducts(String value) {
      this.assignedProducts = value;
      return this;
    }

    /**
     * Sets (or, with null, clears) a service's licence assign date.
     *
     * @param service the service
     * @param assignDate the date, or null for no licence
     * @return this builder
     */
    public Builder licence(Workload service, LocalDate assignDate) {
      if (assignDate == null) {
        licences.remove(service);
      } else {
        licences.put(service, assignDate);
      }
      return this;
    }

    /**
     * Sets whether the user registered for multi-factor authentication.
     *
     * @param value the MFA Registered flag
     * @return this builder
     */
    public Builder mfaRegistered(boolean value) {
      this.mfaRegistered = value;
      return this;
    }

    /**
     * Sets the line the user was read from.
     *
     * @param value a 1-based line, or 0
     * @return this builder
     */
    public Builder line(int value) {
      this.line = value;
      return this;
    }

    /**
     * Builds the user.
     *
     * @return the user
     * @throws IllegalArgumentException if the user principal name is blank
     */
    public DirectoryUser build() {
      return new DirectoryUser(id, upn, displayName, userType,
          attributes.get("department"), attributes.get("company"), attributes.get("country"),
          attributes.get("state"), attributes.get("city"), attributes.get("office"),
          attributes.get("title"), preferredDataLocation, createdDate, deletedDate,
          assignedProducts, licences, mfaRegistered, extra, line);
    }
  }
}
