package io.tenantry.notices.spi;

import io.tenantry.core.TenantId;
import io.tenantry.notices.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link NotificationPort} that only records what it is handed, in order: for tests, previews
 * ({@code tenantry health notify}) and hosts that poll. Thread-safe.
 */
public final class InMemoryNotificationRecorder implements NotificationPort {
  private final List<Notification> sent = new ArrayList<>();

  /** Creates an empty recorder. */
  public InMemoryNotificationRecorder() {}

  /**
   * Records the notification.
   *
   * @throws IllegalArgumentException if the notification belongs to another tenant
   */
  @Override
  public synchronized void send(TenantId tenant, Notification notification) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(notification, "notification");
    if (!notification.tenant().equals(tenant)) {
      throw new IllegalArgumentException("notification of tenant " + notification.tenant()
          + " sent for tenant " + tenant);
    }
    sent.add(notification);
  }

  /**
   * Returns everything recorded, in the order it was sent.
   *
   * @return an immutable copy
   */
  public synchronized List<Notification> all() {
    return List.copyOf(sent);
  }

  /**
   * Returns what was recorded for one tenant, in order.
   *
   * @param tenant the tenant
   * @return an immutable list
   */
  public synchronized List<Notification> forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sent.stream().filter(n -> n.tenant().equals(tenant)).toList();
  }

  /** Forgets everything recorded. */
  public synchronized void clear() {
    sent.clear();
  }
}
