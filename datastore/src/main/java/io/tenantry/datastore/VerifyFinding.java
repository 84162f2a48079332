package io.tenantry.datastore;

import io.tenantry.core.TenantId;
import java.util.Objects;

/**
 * One line of a scrub: a problem found on a replica, a repair made, or leftover ciphertext of a
 * shredded tenant.
 *
 * @param status what was found
 * @param replica the replica's name, e.g. {@code NAM/replica-2}
 * @param tenant the tenant whose blobs were examined, or null for a finding about a whole replica
 * @param subject the object key when known, else the blob or object id
 * @param detail what exactly, in words
 */
public record VerifyFinding(Status status, String replica, TenantId tenant, String subject,
    String detail) {

  /** The kind of a finding. */
  public enum Status {
    /** Damage that remains: a copy that is missing, stale, altered, misplaced or unreadable. */
    DAMAGED,
    /** Damage that was repaired from an intact copy. */
    REPAIRED,
    /** Ciphertext a shredded tenant left behind: unreadable for good, and not damage. */
    SHREDDED,
    /** A chunk no live object version refers to (left by an interrupted write); not damage. */
    ORPHAN
  }

  /**
   * Validates the finding.
   *
   * @throws NullPointerException if a component other than {@code tenant} is null
   */
  public VerifyFinding {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Renders the finding as one tab-separated line: status, replica, tenant ({@code -} when
   * none), subject, detail.
   *
   * @return the line, without a line break
   */
  public String toLine() {
    return status + "\t" + replica + "\t" + (tenant == null ? "-" : tenant.value()) + "\t" + subject + "\t" + detail;
  }
}
