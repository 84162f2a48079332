package io.tenantry.groups.spi;

import io.tenantry.core.TenantId;
import io.tenantry.groups.LifecycleEvent;
import java.util.List;

/**
 * The port through which the lifecycle sends its e-mails: expiration notices (30, 15 and 1 days
 * before) and the deletion notice of an expired group. A host implements it over its mail system,
 * or uses {@link InMemoryLifecycleNotifier}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant.</li>
 *   <li><b>Idempotency.</b> The same event may be delivered twice after a retried day; an
 *       implementation that must not mail twice de-duplicates on (tenant, event).</li>
 *   <li><b>Threads.</b> Thread-safe; may block on I/O.</li>
 *   <li><b>Failures.</b> A failure surfaces as {@link io.tenantry.core.error.PortFailureException};
 *       the service then does not record the day, so a group is never deleted before its 1-day
 *       notice was sent.</li>
 * </ul>
 */
@FunctionalInterface
public interface LifecycleNotifier {

  /**
   * Sends the e-mail for an event.
   *
   * @param tenant the tenant
   * @param event an {@link LifecycleEvent.ExpiryNotificationSent} or an expired group's {@link
   *     LifecycleEvent.SoftDeleted}
   * @param recipients the addresses (owners, or the alternate addresses); may be empty
   * @throws io.tenantry.core.error.PortFailureException if the mail could not be handed over
   */
  void send(TenantId tenant, LifecycleEvent event, List<String> recipients);
}
