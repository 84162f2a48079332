package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import java.util.Objects;

/**
 * Where a put places an object: in the tenant's central location, in a named geo, or in the geo
 * of a preferred data location (a user's or group's PDL), resolved by {@link
 * io.tenantry.core.TenantGeography#resolve(String)} (rule 9.9: the central location when the
 * preference is unset or names a geo the store does not have).
 */
public sealed interface Placement {

  /** The tenant's central location. */
  record Central() implements Placement {}

  /**
   * A named geo, which must be one of the store's geos.
   *
   * @param geo the geo
   */
  record InGeo(DataLocation geo) implements Placement {
    /**
     * Validates the placement.
     *
     * @throws NullPointerException if {@code geo} is null
     */
    public InGeo {
      Objects.requireNonNull(geo, "geo");
    }
  }

  /**
   * The geo of a raw preferred data location, as stored on a user (may be null, blank or a typo).
   *
   * @param preferredDataLocation the raw value
   */
  record Preferred(String preferredDataLocation) implements Placement {}

  /**
   * Places the object in the central location.
   *
   * @return the placement
   */
  static Placement central() {
    return new Central();
  }

  /**
   * Places the object in a named geo.
   *
   * @param geo one of the store's geos
   * @return the placement
   */
  static Placement geo(DataLocation geo) {
    return new InGeo(geo);
  }

  /**
   * Places the object where a preferred data location resolves to.
   *
   * @param preferredDataLocation the raw PDL, may be null
   * @return the placement
   */
  static Placement preferred(String preferredDataLocation) {
    return new Preferred(preferredDataLocation);
  }
}
