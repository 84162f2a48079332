package io.tenantry.core;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The geos a tenant has: its central location (where it was first provisioned) and its satellite
 * locations, and the rule that places data for a preferred data location.
 *
 * <p>Resolution follows Microsoft's documented fallback: data goes to the preferred data location
 * when the tenant has that geo, and to the central location otherwise (no preference, a typo, or a
 * geo the tenant did not add). The raw preference is kept by callers even when it is not honoured.
 *
 * @param central the central location
 * @param satellites the satellite locations, in the order given; never contains {@code central}
 */
public record TenantGeography(DataLocation central, List<DataLocation> satellites) {

  /**
   * Validates the geography.
   *
   * @throws NullPointerException if an argument or element is null
   * @throws ValidationException if a satellite repeats or equals the central location
   */
  public TenantGeography {
    Objects.requireNonNull(central, "central");
    satellites = List.copyOf(satellites);
    Set<DataLocation> seen = new LinkedHashSet<>();
    seen.add(central);
    for (int i = 0; i < satellites.size(); i++) {
      if (!seen.add(satellites.get(i))) {
        throw new ValidationException(Problem.of("satellites[" + i + "]",
            "is listed twice (or is the central location)", satellites.get(i).code()));
      }
    }
  }

  /**
   * Creates a single-geo tenant.
   *
   * @param central the tenant's only location
   * @return the geography
   */
  public static TenantGeography single(DataLocation central) {
    return new TenantGeography(central, List.of());
  }

  /**
   * Returns every geo of the tenant, central first.
   *
   * @return an unmodifiable ordered set
   */
  public Set<DataLocation> all() {
    Set<DataLocation> all = new LinkedHashSet<>();
    all.add(central);
    all.addAll(satellites);
    return Collections.unmodifiableSet(all);
  }

  /**
   * Tells whether the tenant has a geo.
   *
   * @param location the geo
   * @return true for the central location and every satellite
   */
  public boolean contains(DataLocation location) {
    return central.equals(location) || satellites.contains(location);
  }

  /**
   * Resolves where data with the given preferred data location is placed.
   *
   * @param preferredDataLocation the raw preference as stored on a user or group (may be null,
   *     blank, lower-case or a typo)
   * @return the preference's geo when the tenant has it, else the central location
   */
  public DataLocation resolve(String preferredDataLocation) {
    DataLocation honoured = honoured(preferredDataLocation);
    return honoured == null ? central : honoured;
  }

  /**
   * Tells whether a preference is honoured, i.e. names a geo this tenant has.
   *
   * @param preferredDataLocation the raw preference
   * @return true when {@link #resolve(String)} returns the preference itself
   */
  public boolean isHonoured(String preferredDataLocation) {
    return honoured(preferredDataLocation) != null;
  }

  private DataLocation honoured(String pdl) {
    if (pdl == null || pdl.isBlank()) {
      return null;
    }
    String code = pdl.strip().toUpperCase(Locale.ROOT);
    for (DataLocation l : all()) {
      if (l.code().equals(code)) {
        return l;
      }
    }
    return null;
  }
}
