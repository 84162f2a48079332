package io.tenantry.notices;

import java.time.Instant;

/**
 * One timestamped entry of a service health issue's timeline.
 *
 * @param at when the update was posted
 * @param status the status from then on
 * @param text what the update says
 */
public record StatusUpdate(Instant at, HealthStatus status, String text) {

  /**
   * Validates the update.
   *
   * @throws io.tenantry.core.error.ValidationException if a field is missing or the text is blank
   */
  public StatusUpdate {
    Checks.present("at", at);
    Checks.present("status", status);
    Checks.text("text", text);
  }
}
