package io.tenantry.datastore;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a successful read: the version returned and the repairs the read made (or could
 * not make) to the copies it met.
 *
 * @param object the version that was returned
 * @param repaired one line per copy repaired, e.g. {@code NAM/replica-1: chunk 0 rewritten}
 * @param unrepaired one line per damaged copy the read could not repair (replica unavailable)
 */
public record ReadResult(ObjectInfo object, List<String> repaired, List<String> unrepaired) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a component is null
   */
  public ReadResult {
    Objects.requireNonNull(object, "object");
    repaired = List.copyOf(repaired);
    unrepaired = List.copyOf(unrepaired);
  }
}
