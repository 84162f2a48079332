package io.tenantry.groups.spi;

import io.tenantry.core.TenantId;
import io.tenantry.groups.LifecycleEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** A thread-safe {@link LifecycleNotifier} that records what it was asked to send. */
public final class InMemoryLifecycleNotifier implements LifecycleNotifier {

  /**
   * One recorded e-mail.
   *
   * @param tenant the tenant
   * @param event the event
   * @param recipients the addresses
   */
  public record Sent(TenantId tenant, LifecycleEvent event, List<String> recipients) {
    /**
     * Validates the record and copies the recipients.
     *
     * @throws NullPointerException if a component is null
     */
    public Sent {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(event, "event");
      recipients = List.copyOf(recipients);
    }
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  /** Creates an empty notifier. */
  public InMemoryLifecycleNotifier() {}

  @Override
  public void send(TenantId tenant, LifecycleEvent event, List<String> recipients) {
    sent.add(new Sent(tenant, event, recipients));
  }

  /**
   * Returns what a tenant was sent, in order.
   *
   * @param tenant the tenant
   * @return the recorded e-mails of that tenant only
   */
  public List<Sent> sentTo(TenantId tenant) {
    return sent.stream().filter(s -> s.tenant().equals(tenant)).toList();
  }
}
