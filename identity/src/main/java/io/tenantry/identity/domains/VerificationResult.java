package io.tenantry.identity.domains;

import java.util.Objects;

/**
 * The answer to a verification attempt: verified, or not (yet) with the reason.
 *
 * @param domain the domain
 * @param verified whether the domain is now verified
 * @param reason what happened, fit for a message
 */
public record VerificationResult(DomainName domain, boolean verified, String reason) {
  /**
   * Validates the result.
   *
   * @throws NullPointerException if a component is null
   */
  public VerificationResult {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(reason, "reason");
  }
}
