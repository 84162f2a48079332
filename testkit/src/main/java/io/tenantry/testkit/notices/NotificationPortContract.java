package io.tenantry.testkit.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.notices.Channel;
import io.tenantry.notices.Notification;
import io.tenantry.notices.NotificationKind;
import io.tenantry.notices.spi.NotificationPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NotificationPort} implementation must meet. To run it against an
 * adapter, extend this class, return a fresh port from {@link #newPort()} and, from {@link
 * #delivered}, what the adapter delivered for a tenant (read back from its outbox or test mail
 * server), in delivery order:
 *
 * <pre>{@code
 * class MyMailerContractTest extends NotificationPortContract {
 *   @Override protected NotificationPort newPort() { return mailer = new MyMailer(testServer); }
 *   @Override protected List<Notification> delivered(TenantId t) { return testServer.outbox(t); }
 * }
 * }</pre>
 *
 * <p>It covers order, tenant isolation (a notification of another tenant is refused and never
 * delivered) and concurrent sends.
 */
public abstract class NotificationPortContract {

  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private NotificationPort port;

  /**
   * Returns a new port with nothing delivered yet. Called once before each test.
   *
   * @return the implementation under test
   */
  protected abstract NotificationPort newPort();

  /**
   * Returns what the port under test delivered for a tenant, in delivery order.
   *
   * @param tenant the tenant
   * @return the delivered notifications
   */
  protected abstract List<Notification> delivered(TenantId tenant);

  /** Creates the port under test. */
  @BeforeEach
  void createPort() {
    port = newPort();
  }

  /**
   * Builds a test notification.
   *
   * @param tenant the tenant
   * @param n a number making the notification unique
   * @return the notification
   */
  protected static Notification notification(TenantId tenant, int n) {
    return new Notification(tenant, NotificationKind.ISSUE_STARTED, Channel.EMAIL,
        "admin" + n + "@" + tenant + ".example", Instant.parse("2026-06-30T08:00:00Z")
        .plusSeconds(n), "EX" + n, "Subject " + n, "Text " + n, null);
  }

  @Test
  void send_keepsTheOrderOfCalls_perTenant() {
    for (int i = 0; i < 5; i++) {
      port.send(CONTOSO, notification(CONTOSO, i));
      port.send(FABRIKAM, notification(FABRIKAM, 100 + i));
    }
    assertThat(delivered(CONTOSO)).extracting(Notification::reference)
        .containsExactly("EX0", "EX1", "EX2", "EX3", "EX4");
    assertThat(delivered(FABRIKAM)).extracting(Notification::reference)
        .containsExactly("EX100", "EX101", "EX102", "EX103", "EX104");
  }

  @Test
  void send_notificationOfAnotherTenant_isRefused_andNeverDelivered() {
    assertThatThrownBy(() -> port.send(CONTOSO, notification(FABRIKAM, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(delivered(CONTOSO)).isEmpty();
    assertThat(delivered(FABRIKAM)).isEmpty();
  }

  @Test
  void concurrentSends_areAllDelivered() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        futures.add(pool.submit(() -> port.send(CONTOSO, notification(CONTOSO, n))));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(delivered(CONTOSO)).hasSize(40);
  }
}
