package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.offboarding.OffboardingStep;
import io.tenantry.identity.spi.OffboardingProgressStore;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OffboardingProgressStore} implementation must meet: completed steps
 * read back, marking is idempotent, users and tenants never see each other's progress, concurrent
 * marks are all kept, and null arguments are refused. Extend it and implement {@link #newStore()}.
 */
public abstract class OffboardingProgressStoreContract {
  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  private OffboardingProgressStore store;

  /**
   * Returns a new, empty store for one test.
   *
   * @return the implementation under test
   */
  protected abstract OffboardingProgressStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  @Test
  void completed_nothingMarked_isEmpty() {
    assertThat(store.completed(CONTOSO, ALICE)).isEmpty();
  }

  @Test
  void markCompleted_thenCompleted_returnsEveryMarkedStep() {
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.RESET_PASSWORD);
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.BLOCK_SIGN_IN);

    assertThat(store.completed(CONTOSO, ALICE))
        .containsExactlyInAnyOrder(OffboardingStep.RESET_PASSWORD, OffboardingStep.BLOCK_SIGN_IN);
  }

  @Test
  void markCompleted_twice_isIdempotent() {
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.SIGN_OUT);
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.SIGN_OUT);

    assertThat(store.completed(CONTOSO, ALICE)).containsExactly(OffboardingStep.SIGN_OUT);
  }

  @Test
  void progress_ofOtherUsersAndTenants_isNeverSeen() {
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.DELETE_USER);
    store.markCompleted(FABRIKAM, BOB, OffboardingStep.WIPE_DEVICES);

    assertThat(store.completed(CONTOSO, BOB)).isEmpty();
    assertThat(store.completed(FABRIKAM, ALICE)).isEmpty();
    assertThat(store.completed(CONTOSO, ALICE)).containsExactly(OffboardingStep.DELETE_USER);
    assertThat(store.completed(FABRIKAM, BOB)).containsExactly(OffboardingStep.WIPE_DEVICES);
  }

  @Test
  void completed_returnedSet_isACopy() {
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.RESET_PASSWORD);
    var first = store.completed(CONTOSO, ALICE);
    store.markCompleted(CONTOSO, ALICE, OffboardingStep.SIGN_OUT);

    assertThat(first).containsExactly(OffboardingStep.RESET_PASSWORD);
    assertThatThrownBy(() -> first.add(OffboardingStep.SIGN_OUT))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void markCompleted_everyStepFromFourThreads_keepsEveryStepOnce() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int round = 0; round < 2; round++) {
      for (OffboardingStep s : OffboardingStep.values()) {
        pool.submit(() -> store.markCompleted(CONTOSO, ALICE, s));
      }
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    assertThat(store.completed(CONTOSO, ALICE))
        .isEqualTo(EnumSet.allOf(OffboardingStep.class));
  }

  @Test
  void calls_withNullArguments_areRefused() {
    assertThatThrownBy(() -> store.completed(null, ALICE)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.completed(CONTOSO, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.markCompleted(CONTOSO, ALICE, null))
        .isInstanceOf(NullPointerException.class);
  }
}
