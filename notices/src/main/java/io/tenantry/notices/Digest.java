package io.tenantry.notices;

import io.tenantry.core.TenantId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One admin's weekly message center digest: the messages of the week for the services the admin
 * follows, major updates first, rendered as plain text and HTML.
 *
 * @param tenant the admin's tenant
 * @param recipient the admin's user principal name
 * @param asOf the day the digest is made
 * @param weekStart the first day of the week covered ({@code asOf - 7})
 * @param weekEnd the last day of the week covered ({@code asOf - 1})
 * @param messages the messages, in digest order
 * @param subject the e-mail subject
 * @param text the plain-text body
 * @param html the HTML body (a complete, self-contained document)
 */
public record Digest(TenantId tenant, String recipient, LocalDate asOf, LocalDate weekStart,
    LocalDate weekEnd, List<Message> messages, String subject, String text, String html) {

  /**
   * Validates the digest.
   *
   * @throws NullPointerException if a field is null
   */
  public Digest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(weekStart, "weekStart");
    Objects.requireNonNull(weekEnd, "weekEnd");
    messages = List.copyOf(messages);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }

  /**
   * Returns the digest as the e-mail notification handed to the notification port.
   *
   * @return a {@link NotificationKind#WEEKLY_DIGEST} e-mail, due at the start of {@code asOf} (UTC)
   */
  public Notification toNotification() {
    return new Notification(tenant, NotificationKind.WEEKLY_DIGEST, Channel.EMAIL, recipient,
        asOf.atStartOfDay(ZoneOffset.UTC).toInstant(), "digest-" + weekStart, subject, text, html);
  }
}
