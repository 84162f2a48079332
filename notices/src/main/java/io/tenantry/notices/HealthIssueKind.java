package io.tenantry.notices;

import java.util.Arrays;
import java.util.Optional;

/** The classification of a service health issue, as Graph's {@code serviceHealthClassificationType}. */
public enum HealthIssueKind {
  /** A critical issue: service access is noticeably affected. */
  INCIDENT("incident"),
  /** A limited issue: few users affected, or a workaround exists. */
  ADVISORY("advisory");

  private final String wireName;

  HealthIssueKind(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name used in files.
   *
   * @return {@code incident} or {@code advisory}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns a capitalised label.
   *
   * @return {@code Incident} or {@code Advisory}
   */
  public String label() {
    return this == INCIDENT ? "Incident" : "Advisory";
  }

  /**
   * Finds the kind with the given wire name (exact match).
   *
   * @param wireName {@code incident} or {@code advisory}
   * @return the kind, or empty
   */
  public static Optional<HealthIssueKind> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
  }
}
