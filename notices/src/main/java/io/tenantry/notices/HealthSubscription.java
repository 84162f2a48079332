package io.tenantry.notices;

import java.util.Set;

/**
 * An admin's e-mail subscription to service health: the services to hear about, and whether
 * advisories are included as well as incidents. An admin with no subscription is mailed nothing.
 *
 * @param services the services subscribed to, sorted; at least one
 * @param advisories whether advisories are mailed too (incidents always are)
 */
public record HealthSubscription(Set<String> services, boolean advisories) {

  /**
   * Validates the subscription.
   *
   * @throws io.tenantry.core.error.ValidationException if no service is listed or a name is blank
   */
  public HealthSubscription {
    services = Checks.names("services", Checks.present("services", services));
    if (services.isEmpty()) {
      throw Checks.invalid("services", "a subscription must list at least one service", null);
    }
  }

  /**
   * Tells whether an issue of this kind on this service is covered.
   *
   * @param service the issue's service
   * @param kind the issue's kind
   * @return true when the subscriber should be mailed
   */
  public boolean covers(String service, HealthIssueKind kind) {
    return services.contains(service) && (kind == HealthIssueKind.INCIDENT || advisories);
  }
}
