package io.tenantry.notices;

/** How a {@link Notification} reaches its recipient. */
public enum Channel {
  /** Shown in the admin's message center (in-product). */
  MESSAGE_CENTER,
  /** Sent by e-mail. */
  EMAIL
}
