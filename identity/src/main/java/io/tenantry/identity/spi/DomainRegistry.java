package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.identity.domains.DomainName;

/**
 * The port that keeps a verified domain in one tenant at a time ({@code directory-semantics.md}
 * §6.1): the only shared state between tenants' domain managers, so it answers nothing but "is it
 * yours" and never which tenant holds a domain.
 *
 * <p>Contract:
 * <ul>
 *   <li><b>Exclusive.</b> {@link #claim} is atomic: of concurrent claims of one domain by
 *       different tenants, at most one succeeds, and a domain stays held until its holder
 *       {@link #release releases} it.</li>
 *   <li><b>Idempotent.</b> Claiming a domain the tenant already holds succeeds; releasing a domain
 *       the tenant does not hold does nothing (in particular it never releases another tenant's
 *       claim).</li>
 *   <li><b>Exact names.</b> A subdomain is a domain of its own: holding {@code contoso.com} does not
 *       hold {@code mail.contoso.com} (§6.1: a subdomain of a domain verified elsewhere can be
 *       verified separately).</li>
 *   <li><b>Thread safety and failures.</b> Safe for concurrent use; may block; infrastructure
 *       failures surface as {@link io.tenantry.core.error.PortFailureException}.</li>
 * </ul>
 */
public interface DomainRegistry {
  /**
   * Claims a verified domain for a tenant.
   *
   * @param tenant the tenant verifying it
   * @param domain the domain
   * @return true when the tenant holds the domain now (newly or already); false when another
   *     tenant holds it
   */
  boolean claim(TenantId tenant, DomainName domain);

  /**
   * Releases a tenant's claim on a domain it removed.
   *
   * @param tenant the tenant
   * @param domain the domain
   */
  void release(TenantId tenant, DomainName domain);
}
