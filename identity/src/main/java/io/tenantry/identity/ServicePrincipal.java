package io.tenantry.identity;

import java.util.Objects;

/**
 * A service principal (an application's identity in the tenant). It may hold roles; an AU-scoped
 * role works for it only together with a tenant-scoped directory-read role (§1.4).
 *
 * @param id its object id
 * @param name its display name
 */
public record ServicePrincipal(String id, String name) {
  /**
   * Validates the service principal.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the id is blank
   */
  public ServicePrincipal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (id.isBlank()) {
      throw new IllegalArgumentException("service principal id must not be blank");
    }
  }
}
