package io.tenantry.identity;

import io.tenantry.core.UserId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A user of one tenant: a member or a guest, enabled or not, possibly soft-deleted.
 *
 * <p>{@code attributes} holds the other user properties (those of {@code users.csv}, camelCase:
 * {@code department}, {@code country}, {@code city}, {@code jobTitle}, …); attribute names are
 * compared case-insensitively. {@link #attribute(String)} also answers the built-in properties
 * {@code id}/{@code objectId}, {@code userPrincipalName}/{@code upn}, {@code userType} and
 * {@code accountEnabled}, so membership rules can use them.
 *
 * @param id the user's id
 * @param userPrincipalName the UPN, possibly empty
 * @param type member or guest
 * @param attributes other properties by name
 * @param accountEnabled whether sign-in is allowed
 * @param deletedDate the day the user was soft-deleted, or null for a live user
 */
public record User(UserId id, String userPrincipalName, UserType type, Map<String, String> attributes,
    boolean accountEnabled, LocalDate deletedDate) {

  /**
   * Validates the user and copies the attributes into an immutable, case-insensitive map.
   *
   * @throws NullPointerException if the id, UPN, type or attributes are null
   */
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(type, "type");
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "attribute name"), Objects.requireNonNull(e.getValue(),
          "attribute " + e.getKey()));
    }
    attributes = Collections.unmodifiableMap(copy);
  }

  /**
   * Creates an enabled, live member with no other attributes.
   *
   * @param id the id
   * @param upn the UPN
   * @return the user
   */
  public static User member(String id, String upn) {
    return new User(UserId.of(id), upn, UserType.MEMBER, Map.of(), true, null);
  }

  /**
   * Tells whether the user is soft-deleted.
   *
   * @return true when {@code deletedDate} is set
   */
  public boolean isDeleted() {
    return deletedDate != null;
  }

  /**
   * Tells whether the user is a guest.
   *
   * @return true for {@link UserType#GUEST}
   */
  public boolean isGuest() {
    return type == UserType.GUEST;
  }

  /**
   * Returns the soft-delete day.
   *
   * @return the day, or empty for a live user
   */
  public Optional<LocalDate> deleted() {
    return Optional.ofNullable(deletedDate);
  }

  /**
   * Reads a property by name, case-insensitively.
   *
   * @param name e.g. {@code department} or {@code userType}
   * @return the value, or null when the user has none
   */
  public String attribute(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "id", "objectid":
        return id.value();
      case "userprincipalname", "upn":
        return userPrincipalName.isEmpty() ? null : userPrincipalName;
      case "usertype":
        return type.graphName();
      case "accountenabled":
        return Boolean.toString(accountEnabled);
      default:
        return attributes.get(name);
    }
  }
}
