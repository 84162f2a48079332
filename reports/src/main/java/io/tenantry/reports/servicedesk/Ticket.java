package io.tenantry.reports.servicedesk;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Workload;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One service-desk ticket: who called about which workload, when it was opened and resolved, the
 * highest support tier it reached, and the caller's migration date when known.
 *
 * @param tenant the tenant the ticket belongs to
 * @param id the ticket id, unique within the tenant
 * @param workload the workload the ticket is about
 * @param user the caller's index in the tenant's {@link io.tenantry.reports.input.UserDirectory}
 * @param opened when the ticket was opened; its UTC day decides its week
 * @param resolved when it was resolved, or null while open
 * @param tier the highest tier reached, 1 (first line) to 9
 * @param migrationDate the caller's migration date from the ticket, or null (the directory's
 *     {@code Migration Date} column is used then)
 * @param line the line in {@code tickets.csv}, or 0 when built in code
 */
public record Ticket(TenantId tenant, String id, Workload workload, int user, Instant opened,
    Instant resolved, int tier, LocalDate migrationDate, int line) {

  /** The highest tier a ticket may reach. */
  public static final int MAX_TIER = 9;

  /**
   * Validates the ticket.
   *
   * @throws NullPointerException if the tenant, id, workload or opening time is null
   * @throws IllegalArgumentException if the id is blank, the tier is outside 1–9, the user index
   *     or line is negative, or the ticket was resolved before it was opened
   */
  public Ticket {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(opened, "opened");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a ticket id must not be blank");
    }
    if (tier < 1 || tier > MAX_TIER) {
      throw new IllegalArgumentException("ticket " + id + ": tier must lie within 1-" + MAX_TIER
          + ", got " + tier);
    }
    if (user < 0 || line < 0) {
      throw new IllegalArgumentException("ticket " + id + ": user index and line must be >= 0");
    }
    if (resolved != null && resolved.isBefore(opened)) {
      throw new IllegalArgumentException("ticket " + id + " was resolved (" + resolved
          + ") before it was opened (" + opened + ")");
    }
  }

  /**
   * Returns the UTC day the ticket was opened.
   *
   * @return the day
   */
  public LocalDate openedDay() {
    return opened.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * Returns how long the ticket took to resolve.
   *
   * @return the duration, or empty while open
   */
  public Optional<Duration> timeToResolve() {
    return resolved == null ? Optional.empty() : Optional.of(Duration.between(opened, resolved));
  }
}
