package io.tenantry.testkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.spi.AggregateSnapshot;
import io.tenantry.reports.spi.AggregateStore;
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
 * The contract (TCK) of {@link AggregateStore}: versions from 1, compare-and-set puts that refuse
 * a stale version and change nothing, copies in and out, sorted listing, idempotent delete, tenant
 * isolation, a real {@link PartialAggregate} round trip, and workers that merge their partials into
 * one snapshot concurrently without losing any. To check an adapter, extend this class:
 *
 * <pre>{@code
 * class MyAggregateStoreContractTest extends AggregateStoreContract {
 *   @Override protected AggregateStore newStore() { return new MyAggregateStore(...); }
 * }
 * }</pre>
 */
public abstract class AggregateStoreContract {
  /** A tenant. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** Another tenant. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private AggregateStore store;

  /**
   * Returns a new, empty store of the adapter under test.
   *
   * @return the store
   */
  protected abstract AggregateStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void get_unknownName_isEmpty_andListIsEmpty() {
    assertThat(store.get(CONTOSO, "D30/p1")).isEmpty();
    assertThat(store.list(CONTOSO)).isEmpty();
  }

  @Test
  void put_newThenReplace_countsVersions_andCopiesTheBytes() {
    byte[] in = {1, 2, 3};
    assertThat(store.put(CONTOSO, "D30/p1", 0, in)).isEqualTo(1);
    in[0] = 42;
    AggregateSnapshot s = store.get(CONTOSO, "D30/p1").orElseThrow();
    assertThat(s.name()).isEqualTo("D30/p1");
    assertThat(s.version()).isEqualTo(1);
    assertThat(s.bytes()).containsExactly(1, 2, 3);
    assertThat(store.put(CONTOSO, "D30/p1", 1, new byte[0])).isEqualTo(2);
    assertThat(store.get(CONTOSO, "D30/p1").orElseThrow().bytes()).isEmpty();
  }

  @Test
  void put_staleOrWrongVersion_isAConflict_andChangesNothing() {
    store.put(CONTOSO, "a", 0, new byte[] {1});
    store.put(CONTOSO, "a", 1, new byte[] {2});
    for (long stale : new long[] {0, 1, 3}) {
      assertThatThrownBy(() -> store.put(CONTOSO, "a", stale, new byte[] {9}))
          .isInstanceOf(ConflictException.class)
          .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo(ConflictException.STALE_VERSION));
    }
    assertThatThrownBy(() -> store.put(CONTOSO, "new", 1, new byte[] {9}))
        .isInstanceOf(ConflictException.class);
    AggregateSnapshot s = store.get(CONTOSO, "a").orElseThrow();
    assertThat(s.version()).isEqualTo(2);
    assertThat(s.bytes()).containsExactly(2);
    assertThat(store.get(CONTOSO, "new")).isEmpty();
    assertThatThrownBy(() -> store.put(CONTOSO, "a", -1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void list_isSorted_andDeleteIsIdempotent() {
    for (String name : List.of("b", "a/2", "a/10", "é")) {
      store.put(CONTOSO, name, 0, new byte[] {1});
    }
    assertThat(store.list(CONTOSO)).containsExactly("a/10", "a/2", "b", "é");
    assertThat(store.delete(CONTOSO, "b")).isTrue();
    assertThat(store.delete(CONTOSO, "b")).isFalse();
    assertThat(store.list(CONTOSO)).containsExactly("a/10", "a/2", "é");
    assertThat(store.put(CONTOSO, "b", 0, new byte[] {2})).as("a deleted name is new").isEqualTo(1);
  }

  @Test
  void tenants_areIsolated_sameNameIsTwoSnapshots() {
    store.put(CONTOSO, "x", 0, new byte[] {1});
    assertThat(store.put(FABRIKAM, "x", 0, new byte[] {2})).isEqualTo(1);
    assertThat(store.delete(FABRIKAM, "x")).isTrue();
    assertThat(store.get(CONTOSO, "x").orElseThrow().bytes()).containsExactly(1);
    assertThat(store.get(FABRIKAM, "x")).isEmpty();
    assertThat(store.list(FABRIKAM)).isEmpty();
  }

  @Test
  void names_areValidated() {
    for (String bad : new String[] {"", "a\nb", "x".repeat(AggregateSnapshot.MAX_NAME_LENGTH + 1)}) {
      assertThatThrownBy(() -> store.put(CONTOSO, bad, 0, new byte[0]))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> store.get(CONTOSO, bad)).isInstanceOf(ValidationException.class);
    }
    String longest = "é".repeat(AggregateSnapshot.MAX_NAME_LENGTH);
    store.put(CONTOSO, longest, 0, new byte[] {1});
    assertThat(store.list(CONTOSO)).containsExactly(longest);
  }

  @Test
  void partialAggregate_roundTripsThroughTheStore() {
    ActivityScenario s = ActivityScenario.build(CONTOSO, 7, 6, 40, false);
    PartialAggregate a = ActivityAggregator.aggregate(s.users(), s.groups(), s.window(), s.events());
    store.put(CONTOSO, "D30", 0, a.toBytes());
    assertThat(PartialAggregate.fromBytes(store.get(CONTOSO, "D30").orElseThrow().bytes()))
        .isEqualTo(a);
  }

  @Test
  void workersMergingIntoOneSnapshot_loseNoPartial() throws Exception {
    ActivityScenario s = ActivityScenario.build(CONTOSO, 11, 6, 48, false);
    int workers = 6;
    List<List<io.tenantry.reports.input.ActivityEvent>> parts = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      parts.add(new ArrayList<>());
    }
    for (int i = 0; i < s.events().size(); i++) {
      parts.get(i % workers).add(s.events().get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (List<io.tenantry.reports.input.ActivityEvent> part : parts) {
        futures.add(pool.submit(() -> {
          PartialAggregate mine = ActivityAggregator.aggregate(s.users(), s.groups(), s.window(),
              part);
          start.await();
          while (true) {
            var current = store.get(CONTOSO, "merged");
            PartialAggregate merged = current.map(c -> PartialAggregate.fromBytes(c.bytes())
                .merge(mine)).orElse(mine);
            try {
              store.put(CONTOSO, "merged", current.map(AggregateSnapshot::version).orElse(0L),
                  merged.toBytes());
              return null;
            } catch (ConflictException lost) {
              // another worker merged first: read its result and merge again
            }
          }
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    AggregateSnapshot merged = store.get(CONTOSO, "merged").orElseThrow();
    assertThat(merged.version()).isEqualTo(workers);
    assertThat(PartialAggregate.fromBytes(merged.bytes())).isEqualTo(
        ActivityAggregator.aggregate(s.users(), s.groups(), s.window(), s.events()));
  }
}
