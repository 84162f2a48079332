package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.spi.KeysetStore;
import io.tenantry.datastore.spi.StoredKeyset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract (TCK) of {@link KeysetStore}: create-if-absent and compare-and-set replace (exactly
 * one winner among racing writers), copies in and out, tenant isolation, and final shredding. To
 * check an adapter, extend this class:
 *
 * <pre>{@code
 * class MyKeysetStoreContractTest extends KeysetStoreContract {
 *   @Override protected KeysetStore newStore() { return new MyKeysetStore(...); }
 * }
 * }</pre>
 */
public abstract class KeysetStoreContract {
  /** A tenant. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** Another tenant. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private KeysetStore store;

  /**
   * Returns a new, empty store of the adapter under test.
   *
   * @return the store
   */
  protected abstract KeysetStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private StoredKeyset read(TenantId t) {
    return store.read(t).orElseThrow();
  }

  @Test
  void read_unknownTenant_isEmpty_andNotShredded() {
    assertThat(store.read(CONTOSO)).isEmpty();
    assertThat(store.isShredded(CONTOSO)).isFalse();
  }

  @Test
  void create_thenRead_returnsACopyOfTheBytes_andCreateAgainIsRefused() {
    byte[] first = {1, 2, 3};
    assertThat(store.create(CONTOSO, first)).isTrue();
    first[0] = 42;
    byte[] out = read(CONTOSO).encrypted();
    assertThat(out).containsExactly(1, 2, 3);
    out[1] = 42;
    assertThat(read(CONTOSO).encrypted()).containsExactly(1, 2, 3);
    assertThat(store.create(CONTOSO, new byte[] {9})).isFalse();
    assertThat(read(CONTOSO).encrypted()).containsExactly(1, 2, 3);
  }

  @Test
  void replace_withTheVersionRead_replaces_andAStaleVersionIsRefused() {
    store.create(CONTOSO, new byte[] {1});
    StoredKeyset v1 = read(CONTOSO);
    assertThat(store.replace(CONTOSO, v1.version(), new byte[] {2})).isTrue();
    StoredKeyset v2 = read(CONTOSO);
    assertThat(v2.encrypted()).containsExactly(2);
    assertThat(v2.version()).isNotEqualTo(v1.version());
    assertThat(store.replace(CONTOSO, v1.version(), new byte[] {3})).isFalse();
    assertThat(read(CONTOSO).encrypted()).containsExactly(2);
    assertThat(store.replace(FABRIKAM, v2.version(), new byte[] {4})).as("no keyset").isFalse();
    assertThat(store.read(FABRIKAM)).isEmpty();
  }

  @Test
  void tenants_areIsolated() {
    store.create(CONTOSO, new byte[] {1});
    assertThat(store.create(FABRIKAM, new byte[] {2})).isTrue();
    store.shred(FABRIKAM);
    assertThat(read(CONTOSO).encrypted()).containsExactly(1);
    assertThat(store.isShredded(CONTOSO)).isFalse();
  }

  @Test
  void shred_isFinal_idempotent_andWorksWithoutKeys() {
    store.create(CONTOSO, new byte[] {1});
    long version = read(CONTOSO).version();
    store.shred(CONTOSO);
    store.shred(CONTOSO);
    store.shred(FABRIKAM);
    assertThat(store.isShredded(CONTOSO)).isTrue();
    assertThat(store.isShredded(FABRIKAM)).isTrue();
    assertThatThrownBy(() -> store.read(CONTOSO)).isInstanceOf(TenantShreddedException.class);
    assertThatThrownBy(() -> store.create(CONTOSO, new byte[] {2}))
        .isInstanceOf(TenantShreddedException.class);
    assertThatThrownBy(() -> store.replace(CONTOSO, version, new byte[] {2}))
        .isInstanceOf(TenantShreddedException.class);
    assertThatThrownBy(() -> store.create(FABRIKAM, new byte[] {2}))
        .isInstanceOf(TenantShreddedException.class);
  }

  @Test
  void racingCreatesAndReplaces_haveExactlyOneWinnerEach() throws Exception {
    int threads = 8;
    List<Boolean> created = race(threads, i -> store.create(CONTOSO, new byte[] {(byte) i}));
    assertThat(created).containsOnlyOnce(true);
    byte winner = read(CONTOSO).encrypted()[0];
    assertThat(created.get(winner)).isTrue();
    long version = read(CONTOSO).version();
    List<Boolean> replaced = race(threads,
        i -> store.replace(CONTOSO, version, new byte[] {(byte) (100 + i)}));
    assertThat(replaced).containsOnlyOnce(true);
    assertThat(read(CONTOSO).encrypted()[0]).isEqualTo((byte) (100 + replaced.indexOf(true)));
  }

  private interface Racer {
    boolean run(int thread);
  }

  private static List<Boolean> race(int threads, Racer racer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit(() -> {
          start.await();
          return racer.run(thread);
        }));
      }
      start.countDown();
      List<Boolean> out = new ArrayList<>();
      for (Future<Boolean> f : futures) {
        out.add(f.get(1, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
