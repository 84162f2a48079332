package io.tenantry.datastore;

import java.util.List;
import java.util.Objects;

/**
 * A tenant's live objects, and how many objects the listing could not read: those none of whose
 * chunk-map copies is intact and opens under the tenant's keys (damaged on every replica, or
 * written under keys this store cannot open, as when it runs with another master key). Those are
 * not in {@link #objects()}, since their key and size are inside the unreadable map; {@link
 * EncryptedStore#verify} reports each.
 *
 * @param objects the live objects, sorted by key
 * @param unreadable how many objects could not be read, 0 when every one could
 */
public record Listing(List<ObjectInfo> objects, int unreadable) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if {@code objects} is null
   * @throws IllegalArgumentException if {@code unreadable} is negative
   */
  public Listing {
    objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
    if (unreadable < 0) {
      throw new IllegalArgumentException("unreadable must not be negative, got " + unreadable);
    }
  }
}
