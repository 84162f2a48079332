package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import java.util.Objects;

/**
 * What the store knows about one live object version.
 *
 * @param key the object's key
 * @param size the content's length in bytes
 * @param version the version, counting up from 1 per object (deletes count too)
 * @param geo the geo whose replicas hold the object
 */
public record ObjectInfo(ObjectKey key, long size, long version, DataLocation geo) {

  /**
   * Validates the info.
   *
   * @throws NullPointerException if {@code key} or {@code geo} is null
   * @throws IllegalArgumentException if {@code size} is negative or {@code version} below 1
   */
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(geo, "geo");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, got " + size);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
  }
}
