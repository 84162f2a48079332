package io.tenantry.notices;

import io.tenantry.core.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification to one admin of one tenant, as handed to the {@link
 * io.tenantry.notices.spi.NotificationPort}: a rendered subject and body, never a template.
 *
 * @param tenant the tenant of the recipient
 * @param kind what the notification is about
 * @param channel in the message center or by e-mail
 * @param recipient the admin's user principal name
 * @param at when the notification is due: the status update's time for health, the start of the
 *     stage's day (UTC) for stage notifications, the start of the digest's day for digests
 * @param reference the message or issue id the notification is about (for a digest, the digest's
 *     week as {@code digest-YYYY-MM-DD})
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, or null when the notification has none
 */
public record Notification(TenantId tenant, NotificationKind kind, Channel channel,
    String recipient, Instant at, String reference, String subject, String text, String html) {

  /**
   * Validates the notification.
   *
   * @throws NullPointerException if a field other than {@code html} is null
   */
  public Notification {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }
}
