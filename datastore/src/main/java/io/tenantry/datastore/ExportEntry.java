package io.tenantry.datastore;

import java.util.Objects;

/**
 * One line of a tenant export's manifest: an object exported decrypted, with the digest its
 * content was checked against.
 *
 * @param object the key, size, version and geo of the exported version
 * @param sha256 the lower-case hex SHA-256 of the exported content, computed from the bytes
 *     exported (each chunk authenticated before it was written out)
 */
public record ExportEntry(ObjectInfo object, String sha256) {

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code sha256} is not 64 lower-case hex digits
   */
  public ExportEntry {
    Objects.requireNonNull(object, "object");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
    }
  }
}
