package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;

/**
 * Thrown by a put or delete of an object that is in a geo move's read-only window ({@link
 * GeoMoveState#READ_ONLY} to {@link GeoMoveState#SOURCE_CLEANED}): the object stays readable, and
 * the write may be tried again once the move has switched the object (or rolled it back). Its
 * {@link #kind()} is {@value #KIND}.
 */
public final class GeoMoveReadOnlyException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** The conflict kind of this exception. */
  public static final String KIND = "GEO_MOVE_READ_ONLY";

  /**
   * Creates the exception.
   *
   * @param tenant the tenant
   * @param key the object written
   * @param from the geo the object is moving from
   * @param to the geo it is moving to
   */
  public GeoMoveReadOnlyException(TenantId tenant, ObjectKey key, DataLocation from,
      DataLocation to) {
    super(KIND, "'" + key + "' in tenant '" + tenant + "' is in a geo move's read-only window ("
        + from.code() + " to " + to.code() + "): it can be read but not written until the move"
        + " has switched it; try the write again then");
  }
}
