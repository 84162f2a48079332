package io.tenantry.identity.domains;

import java.util.Objects;

/**
 * A domain of one tenant ({@code directory-semantics.md} §6.1).
 *
 * @param name the name
 * @param status verified or not
 * @param initial whether it is the tenant's initial {@code onmicrosoft.com} domain (never removable)
 * @param primary whether it is the default domain for new users (never removable while primary)
 * @param federated whether sign-in is federated with on-premises AD (cannot be primary)
 * @param verificationToken the token of the DNS records, e.g. {@code ms12345678}
 */
public record Domain(DomainName name, DomainStatus status, boolean initial, boolean primary, boolean federated,
    String verificationToken) {
  /**
   * Validates the domain.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a primary domain is unverified or federated
   */
  public Domain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(verificationToken, "verificationToken");
    if (primary && (status != DomainStatus.VERIFIED || federated)) {
      throw new IllegalArgumentException("a primary domain is verified and not federated: " + name);
    }
  }

  /**
   * Tells whether the domain is verified.
   *
   * @return true when verified
   */
  public boolean isVerified() {
    return status == DomainStatus.VERIFIED;
  }

  Domain withStatus(DomainStatus s) {
    return new Domain(name, s, initial, primary, federated, verificationToken);
  }

  Domain withPrimary(boolean p) {
    return new Domain(name, status, initial, p, federated, verificationToken);
  }
}
