package io.tenantry.reports.spi;

import io.tenantry.core.TenantId;

/**
 * The port that supplies each tenant's concealment secret ({@code activity-events.md} §8): the key
 * under which user and group names are turned into stable tokens.
 *
 * <p>Contract: every call is scoped to exactly one tenant and returns that tenant's secret only;
 * the same tenant must get the same secret for as long as its tokens must stay stable (tokens are
 * used to join reports across time). Implementations must be thread-safe, may block (a key service
 * call), and are idempotent. The returned array is the caller's to keep (a copy). A failure to
 * obtain the secret escapes as {@link io.tenantry.core.error.PortFailureException}; callers fail
 * closed and write no concealed report.
 */
public interface ConcealmentSecrets {

  /**
   * Returns a tenant's secret.
   *
   * @param tenant the tenant
   * @return at least 16 bytes of secret key material (a fresh copy)
   * @throws io.tenantry.core.error.PortFailureException if the secret cannot be obtained
   */
  byte[] secretFor(TenantId tenant);
}
