package io.tenantry.notices;

import java.util.Arrays;
import java.util.Optional;

/**
 * The status of a service health issue at one point of its timeline. {@link #SERVICE_RESTORED}
 * ends the issue; {@link #POST_INCIDENT_REPORT_PUBLISHED} may only follow it.
 */
public enum HealthStatus {
  /** The issue is being investigated. */
  INVESTIGATING("investigating", "Investigating"),
  /** The service is degraded. */
  SERVICE_DEGRADATION("serviceDegradation", "Service degradation"),
  /** The service is interrupted. */
  SERVICE_INTERRUPTION("serviceInterruption", "Service interruption"),
  /** A fix is being applied. */
  RESTORING_SERVICE("restoringService", "Restoring service"),
  /** The fix is in place and recovery takes longer than usual. */
  EXTENDED_RECOVERY("extendedRecovery", "Extended recovery"),
  /** The service is back: the issue has ended. */
  SERVICE_RESTORED("serviceRestored", "Service restored"),
  /** The post-incident report was published (after the service was restored). */
  POST_INCIDENT_REPORT_PUBLISHED("postIncidentReportPublished", "Post-incident report published");

  private final String wireName;
  private final String label;

  HealthStatus(String wireName, String label) {
    this.wireName = wireName;
    this.label = label;
  }

  /**
   * Returns the name used in files.
   *
   * @return e.g. {@code serviceDegradation}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns a human-readable label.
   *
   * @return e.g. {@code Service degradation}
   */
  public String label() {
    return label;
  }

  /**
   * Tells whether the issue is over at this status.
   *
   * @return true for {@link #SERVICE_RESTORED} and {@link #POST_INCIDENT_REPORT_PUBLISHED}
   */
  public boolean ended() {
    return this == SERVICE_RESTORED || this == POST_INCIDENT_REPORT_PUBLISHED;
  }

  /**
   * Finds a status by its wire name; Graph's {@code postIncidentReviewPublished} is accepted as
   * {@link #POST_INCIDENT_REPORT_PUBLISHED}.
   *
   * @param wireName e.g. {@code investigating}
   * @return the status, or empty when the name is unknown
   */
  public static Optional<HealthStatus> fromWireName(String wireName) {
    if ("postIncidentReviewPublished".equals(wireName)) {
      return Optional.of(POST_INCIDENT_REPORT_PUBLISHED);
    }
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }
}
