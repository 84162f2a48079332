package io.tenantry.groups;

import java.util.Objects;

/**
 * The attributes of the user who creates or edits a group that a naming policy may use. An absent
 * attribute is the empty string and renders as nothing.
 *
 * @param department {@code [Department]}
 * @param company {@code [Company]}
 * @param office {@code [Office]}
 * @param stateOrProvince {@code [StateOrProvince]}
 * @param countryOrRegion {@code [CountryOrRegion]}
 * @param title {@code [Title]}
 */
public record UserAttributes(String department, String company, String office,
    String stateOrProvince, String countryOrRegion, String title) {

  /** A user with no attributes. */
  public static final UserAttributes NONE = new UserAttributes("", "", "", "", "", "");

  /**
   * Replaces null attributes with the empty string.
   */
  public UserAttributes {
    department = Objects.requireNonNullElse(department, "");
    company = Objects.requireNonNullElse(company, "");
    office = Objects.requireNonNullElse(office, "");
    stateOrProvince = Objects.requireNonNullElse(stateOrProvince, "");
    countryOrRegion = Objects.requireNonNullElse(countryOrRegion, "");
    title = Objects.requireNonNullElse(title, "");
  }
}
