package io.tenantry.groups;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three kinds of group the directory holds.
 *
 * <p>Only Microsoft 365 groups ({@code groupTypes} containing {@code Unified}) are soft-deleted,
 * restorable, subject to the expiration policy and to the naming policy; security and distribution
 * groups are deleted permanently at once (directory-semantics 9.13).
 */
public enum GroupKind {
  /** A Microsoft 365 (unified) group: mailbox, site, team; soft-deleted for 30 days. */
  MICROSOFT_365("Microsoft365"),
  /** A security group: used for access and for nesting; deleted permanently at once. */
  SECURITY("Security"),
  /** A distribution list: mail only; deleted permanently at once; may be upgraded to Microsoft 365. */
  DISTRIBUTION("Distribution");

  private final String fileName;

  GroupKind(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Returns the name used in files and JSON ({@code Microsoft365}, {@code Security},
   * {@code Distribution}).
   *
   * @return the external name
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Tells whether groups of this kind are soft-deleted (kept 30 days, restorable).
   *
   * @return true for Microsoft 365 groups only
   */
  public boolean softDeletes() {
    return this == MICROSOFT_365;
  }

  /**
   * Finds a kind by its external name, exactly as spelled (case-sensitive).
   *
   * @param name the external name
   * @return the kind, or empty for an unknown name
   */
  public static Optional<GroupKind> fromFileName(String name) {
    return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
  }
}
