package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.identity.domains.DomainName;

/**
 * The port that sends a domain-verification code by e-mail (9.10).
 *
 * <p>Contract: thread-safe; may block; one tenant per call; sending the same code twice is
 * harmless (idempotent from the engine's view); failures surface as
 * {@link io.tenantry.core.error.PortFailureException} and the code is then not issued.
 */
@FunctionalInterface
public interface VerificationNotifier {
  /**
   * Sends a code.
   *
   * @param tenant the tenant adding the domain
   * @param domain the domain
   * @param email the owner address
   * @param code the one-time code
   */
  void sendCode(TenantId tenant, DomainName domain, String email, String code);
}
