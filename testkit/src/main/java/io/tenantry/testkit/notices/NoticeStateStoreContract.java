package io.tenantry.testkit.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.HealthStatus;
import io.tenantry.notices.HealthSubscription;
import io.tenantry.notices.MessageState;
import io.tenantry.notices.RolloutStage;
import io.tenantry.notices.StatusUpdate;
import io.tenantry.notices.spi.NoticeStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NoticeStateStore} implementation must meet. To run it against an
 * adapter, extend this class and implement {@link #newStore()}:
 *
 * <pre>{@code
 * class MyNoticeStateStoreContractTest extends NoticeStateStoreContract {
 *   @Override protected NoticeStateStore newStore() { return new MyNoticeStateStore(dataSource); }
 * }
 * }</pre>
 *
 * <p>It covers defaults, saving and reading back, UPNs compared ignoring case, tenant isolation of
 * every kind of state, and the once-only marks (idempotent, and exactly one winner when several
 * threads mark the same entry).
 */
public abstract class NoticeStateStoreContract {

  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private static final StatusUpdate AT_8 = new StatusUpdate(
      Instant.parse("2026-06-30T08:00:00Z"), HealthStatus.INVESTIGATING, "a");
  private static final StatusUpdate AT_10 = new StatusUpdate(
      Instant.parse("2026-06-30T10:00:00Z"), HealthStatus.SERVICE_RESTORED, "b");

  private NoticeStateStore store;

  /**
   * Returns a new, empty store for one test. Called once before each test.
   *
   * @return the implementation under test
   */
  protected abstract NoticeStateStore newStore();

  /** Creates the store under test. */
  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void unknownAdmin_hasDefaults() {
    assertThat(store.preferences(CONTOSO, "a@contoso.com")).isEqualTo(AdminPreferences.NONE);
    assertThat(store.messageState(CONTOSO, "a@contoso.com", "MC1")).isEqualTo(MessageState.NEW);
    assertThat(store.subscription(CONTOSO, "a@contoso.com")).isEmpty();
  }

  @Test
  void savedState_isReadBack_lastWriteWins_andUpnIgnoresCase() {
    AdminPreferences prefs = new AdminPreferences(Set.of("Microsoft Teams"), true);
    store.savePreferences(CONTOSO, "a@contoso.com", AdminPreferences.NONE);
    store.savePreferences(CONTOSO, "a@contoso.com", prefs);
    store.saveMessageState(CONTOSO, "a@contoso.com", "MC1", new MessageState(true, false));
    HealthSubscription sub = new HealthSubscription(Set.of("Exchange Online"), true);
    store.saveSubscription(CONTOSO, "a@contoso.com", sub);

    assertThat(store.preferences(CONTOSO, "A@Contoso.com")).isEqualTo(prefs);
    assertThat(store.messageState(CONTOSO, "A@CONTOSO.COM", "MC1"))
        .isEqualTo(new MessageState(true, false));
    assertThat(store.messageState(CONTOSO, "a@contoso.com", "MC2")).isEqualTo(MessageState.NEW);
    assertThat(store.subscription(CONTOSO, "a@CONTOSO.com")).contains(sub);

    store.saveSubscription(CONTOSO, "a@contoso.com", null);
    assertThat(store.subscription(CONTOSO, "a@contoso.com")).isEmpty();
  }

  @Test
  void stateOfOneTenant_isNeverVisibleToAnother() {
    store.savePreferences(CONTOSO, "a@example.com", new AdminPreferences(Set.of("Teams"), true));
    store.saveMessageState(CONTOSO, "a@example.com", "MC1", new MessageState(true, true));
    store.saveSubscription(CONTOSO, "a@example.com", new HealthSubscription(Set.of("Teams"), true));
    assertThat(store.markStageNotified(CONTOSO, "MC1", RolloutStage.ANNOUNCED)).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1", AT_8)).isTrue();

    assertThat(store.preferences(FABRIKAM, "a@example.com")).isEqualTo(AdminPreferences.NONE);
    assertThat(store.messageState(FABRIKAM, "a@example.com", "MC1")).isEqualTo(MessageState.NEW);
    assertThat(store.subscription(FABRIKAM, "a@example.com")).isEmpty();
    assertThat(store.markStageNotified(FABRIKAM, "MC1", RolloutStage.ANNOUNCED)).isTrue();
    assertThat(store.markHealthUpdateNotified(FABRIKAM, "EX1", AT_8)).isTrue();
  }

  @Test
  void marks_areTrueOnlyTheFirstTime_perEntry() {
    assertThat(store.markStageNotified(CONTOSO, "MC1", RolloutStage.ANNOUNCED)).isTrue();
    assertThat(store.markStageNotified(CONTOSO, "MC1", RolloutStage.ANNOUNCED)).isFalse();
    assertThat(store.markStageNotified(CONTOSO, "MC1", RolloutStage.FIRST_RELEASE)).isTrue();
    assertThat(store.markStageNotified(CONTOSO, "MC2", RolloutStage.ANNOUNCED)).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "MC1", AT_8)).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "MC1", AT_8)).isFalse();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "MC1", AT_10)).isTrue();
  }

  @Test
  void healthUpdates_areIdentifiedByTimeAndStatus_notByText() {
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1", AT_8)).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1",
        new StatusUpdate(AT_8.at(), AT_8.status(), "reworded"))).isFalse();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1",
        new StatusUpdate(AT_8.at(), HealthStatus.SERVICE_DEGRADATION, "a"))).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1",
        new StatusUpdate(AT_8.at().plusNanos(1), AT_8.status(), "a"))).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX2", AT_8)).isTrue();
  }

  @Test
  void concurrentMarks_ofTheSameEntry_haveExactlyOneWinner() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return store.markStageNotified(CONTOSO, "MC1", RolloutStage.GENERAL_AVAILABILITY);
        }));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> f : results) {
        winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
