package io.tenantry.notices.spi;

import io.tenantry.core.TenantId;
import io.tenantry.notices.Notification;

/**
 * Where the notices engines hand the notifications they decide to send: the host delivers them to
 * the message center and by e-mail.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every call carries exactly one tenant, and the notification belongs to that tenant ({@code
 *       notification.tenant()} equals {@code tenant}); an implementation must never deliver it to
 *       an address of another tenant.
 *   <li>Calls come in the order the engine decided; an implementation that queues must keep it.
 *   <li>The engines call the port once per notification: they record what they sent (stages,
 *       health updates) before returning, so a notification is not handed over twice by the same
 *       engine state. Delivery itself may be asynchronous and may block.
 *   <li>A failure is reported by throwing {@link io.tenantry.core.error.PortFailureException}
 *       (with its cause); the engine lets it escape to the caller.
 *   <li>Implementations must be safe for use by several threads.
 * </ul>
 */
public interface NotificationPort {

  /**
   * Hands over one notification.
   *
   * @param tenant the tenant the notification belongs to
   * @param notification the notification, already rendered
   * @throws io.tenantry.core.error.PortFailureException if the notification cannot be accepted
   * @throws IllegalArgumentException if the notification belongs to another tenant
   */
  void send(TenantId tenant, Notification notification);
}
