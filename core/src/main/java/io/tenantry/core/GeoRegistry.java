package io.tenantry.core;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The set of geo codes a deployment accepts, each with its display name.
 *
 * <p>{@link #documented()} holds the 17 geos of Microsoft's Multi-Geo table; {@link
 * #withObserved()} adds {@code QAT} (Qatar) and {@code POL} (Poland), seen in public SDK enums but
 * not in that table. A host that knows of more geos extends a registry with {@link #with(String,
 * String)}. Instances are immutable and thread-safe.
 */
public final class GeoRegistry {
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final GeoRegistry DOCUMENTED = new GeoRegistry(new TreeMap<>(Map.ofEntries(
      Map.entry("APC", "Asia-Pacific"),
      Map.entry("AUS", "Australia"),
      Map.entry("BRA", "Brazil"),
      Map.entry("CAN", "Canada"),
      Map.entry("EUR", "Europe / Middle East / Africa"),
      Map.entry("FRA", "France"),
      Map.entry("DEU", "Germany"),
      Map.entry("IND", "India"),
      Map.entry("JPN", "Japan"),
      Map.entry("KOR", "Korea"),
      Map.entry("NAM", "North America"),
      Map.entry("NOR", "Norway"),
      Map.entry("ZAF", "South Africa"),
      Map.entry("SWE", "Sweden"),
      Map.entry("CHE", "Switzerland"),
      Map.entry("ARE", "United Arab Emirates"),
      Map.entry("GBR", "United Kingdom"))));

  private final Map<String, DataLocation> byCode;

  private GeoRegistry(Map<String, String> names) {
    TreeMap<String, DataLocation> m = new TreeMap<>();
    names.forEach((code, name) -> m.put(code, new DataLocation(code, name)));
    this.byCode = Collections.unmodifiableMap(m);
  }

  /**
   * Returns the registry of the 17 geos Microsoft documents for Multi-Geo.
   *
   * @return the documented geos
   */
  public static GeoRegistry documented() {
    return DOCUMENTED;
  }

  /**
   * Returns the documented geos plus {@code QAT} (Qatar) and {@code POL} (Poland).
   *
   * @return a registry of 19 geos
   */
  public static GeoRegistry withObserved() {
    return DOCUMENTED.with("QAT", "Qatar").with("POL", "Poland");
  }

  /**
   * Returns a registry that also knows the given geo.
   *
   * @param code three upper-case ASCII letters
   * @param name the display name
   * @return a new registry
   * @throws ValidationException if the code is not three upper-case letters or the name is blank
   */
  public GeoRegistry with(String code, String name) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new ValidationException(Problem.of("geo", "must be three upper-case letters", code));
    }
    if (name == null || name.isBlank()) {
      throw new ValidationException(Problem.of("geo.name", "must not be blank", name));
    }
    TreeMap<String, String> names = new TreeMap<>();
    byCode.forEach((c, l) -> names.put(c, l.name()));
    names.put(code, name);
    return new GeoRegistry(names);
  }

  /**
   * Looks a code up, ignoring case and surrounding white space.
   *
   * @param code a geo code such as {@code "eur"}; may be null
   * @return the location, or empty when the code is null, blank or unknown
   */
  public Optional<DataLocation> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
  }

  /**
   * Looks a code up and fails when it is unknown.
   *
   * @param code a geo code
   * @return the location
   * @throws ValidationException naming the code and listing the valid ones, if it is unknown
   */
  public DataLocation require(String code) {
    return find(code).orElseThrow(() -> new ValidationException(Problem.of("geo",
        "is not a known geo code; valid codes are " + String.join(", ", byCode.keySet()), code)));
  }

  /**
   * Returns every known location, ordered by code.
   *
   * @return an unmodifiable collection
   */
  public Collection<DataLocation> all() {
    return byCode.values();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeoRegistry other && byCode.equals(other.byCode)
        && all().stream().allMatch(l -> l.name().equals(other.byCode.get(l.code()).name()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(byCode.keySet());
  }

  @Override
  public String toString() {
    return "GeoRegistry" + byCode.keySet();
  }
}
