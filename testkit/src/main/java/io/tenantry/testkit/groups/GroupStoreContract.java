package io.tenantry.testkit.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GroupMember;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.LifecycleStatus;
import io.tenantry.groups.spi.GroupStore;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GroupStore} implementation must meet. To run it against an adapter,
 * extend this class and implement {@link #newStore()}:
 *
 * <pre>{@code
 * class MyGroupStoreContractTest extends GroupStoreContract {
 *   @Override protected GroupStore newStore() { return new MyGroupStore(dataSource); }
 * }
 * }</pre>
 *
 * <p>It covers reading back every field and status, replacing, ordering by id, tenant isolation,
 * concurrent puts, and the conditional {@link GroupStore#replace}: applied only over the state
 * read, refused with a conflict otherwise, exactly one winner among racing writers.
 */
public abstract class GroupStoreContract {
  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");
  /** The day the tests' groups are created. */
  protected static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  private GroupStore store;

  /**
   * Returns a new, empty store for one test. Called once before each test.
   *
   * @return the implementation under test
   */
  protected abstract GroupStore newStore();

  /** Creates the store under test. */
  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static GroupState live(String id) {
    Group g = Group.of(GroupId.of(id), "Group " + id, GroupKind.MICROSOFT_365, DAY)
        .withOwners(List.of(UserId.of("owner@contoso.com")))
        .withMembers(List.of(GroupMember.member(UserId.of("m")), GroupMember.guest(UserId.of("g"))))
        .withProxyAddresses(List.of("SMTP:" + id + "@contoso.com"));
    return new GroupState(g, new LifecycleStatus.Active(DAY, DAY.plusDays(180)));
  }

  @Test
  void put_thenFind_returnsEqualState() {
    GroupState s = live("a");

    store.put(CONTOSO, s);

    assertThat(store.find(CONTOSO, s.group().id())).contains(s);
  }

  @Test
  void put_sameIdAgain_replacesTheState() {
    GroupState s = live("a");
    store.put(CONTOSO, s);
    GroupState deleted = s.with(new LifecycleStatus.SoftDeleted(DAY.plusDays(3), DeletionReason.DELETED));

    store.put(CONTOSO, deleted);
    store.put(CONTOSO, deleted);

    assertThat(store.find(CONTOSO, s.group().id())).contains(deleted);
    assertThat(store.list(CONTOSO)).containsExactly(deleted);
  }

  @Test
  void list_severalGroups_orderedById() {
    store.put(CONTOSO, live("b"));
    store.put(CONTOSO, live("a"));
    store.put(CONTOSO, live("B"));

    assertThat(store.list(CONTOSO)).extracting(s -> s.group().id().value())
        .containsExactly("B", "a", "b");
  }

  @Test
  void find_unknownId_isEmpty() {
    assertThat(store.find(CONTOSO, GroupId.of("nope"))).isEmpty();
    assertThat(store.list(CONTOSO)).isEmpty();
  }

  @Test
  void tenants_withTheSameGroupId_neverSeeEachOther() {
    GroupState mine = live("shared");
    GroupState theirs = mine.with(new LifecycleStatus.Purged(DAY));
    store.put(CONTOSO, mine);
    store.put(FABRIKAM, theirs);

    assertThat(store.find(CONTOSO, mine.group().id())).contains(mine);
    assertThat(store.find(FABRIKAM, mine.group().id())).contains(theirs);
    assertThat(store.list(CONTOSO)).containsExactly(mine);
    assertThat(store.find(TenantId.of("tailspin"), mine.group().id())).isEmpty();
  }

  @Test
  void put_concurrently_keepsEveryGroup() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      String id = "g" + i;
      pool.submit(() -> store.put(CONTOSO, live(id)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(store.list(CONTOSO)).hasSize(200);
  }

  @Test
  void replace_whenStillTheStateRead_writesTheNewState() {
    GroupState s = live("a");
    store.replace(CONTOSO, null, s);
    GroupState deleted = s.with(new LifecycleStatus.SoftDeleted(DAY.plusDays(3), DeletionReason.DELETED));

    store.replace(CONTOSO, s, deleted);

    assertThat(store.find(CONTOSO, s.group().id())).contains(deleted);
  }

  @Test
  void replace_renewalAfterAConcurrentDeletion_isRefusedAndLosesNothing() {
    GroupState read = live("a");
    store.put(CONTOSO, read);
    GroupState deleted = read.with(new LifecycleStatus.SoftDeleted(DAY.plusDays(3), DeletionReason.DELETED));
    GroupState renewed = read.with(new LifecycleStatus.Active(DAY.plusDays(3), DAY.plusDays(183)));
    store.replace(CONTOSO, read, deleted);

    assertThatThrownBy(() -> store.replace(CONTOSO, read, renewed))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo(GroupStore.STALE_STATE));
    assertThatThrownBy(() -> store.replace(CONTOSO, null, renewed))
        .isInstanceOf(ConflictException.class);

    assertThat(store.find(CONTOSO, read.group().id())).contains(deleted);
  }

  @Test
  void replace_expectingAGroupThatDoesNotExist_isRefused() {
    assertThatThrownBy(() -> store.replace(CONTOSO, live("a"), live("a")))
        .isInstanceOf(ConflictException.class);
    assertThat(store.find(CONTOSO, GroupId.of("a"))).isEmpty();
  }

  @Test
  void replace_expectingTheStateOfAnotherTenant_isRefused() {
    GroupState mine = live("shared");
    store.put(FABRIKAM, mine);

    assertThatThrownBy(() -> store.replace(CONTOSO, mine, mine.with(new LifecycleStatus.Purged(DAY))))
        .isInstanceOf(ConflictException.class);
    assertThat(store.find(FABRIKAM, mine.group().id())).contains(mine);
    assertThat(store.find(CONTOSO, mine.group().id())).isEmpty();
  }

  @Test
  void replace_stateOfAnotherGroup_isRefused() {
    GroupState a = live("a");
    store.put(CONTOSO, a);

    assertThatThrownBy(() -> store.replace(CONTOSO, a, live("b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.list(CONTOSO)).containsExactly(a);
  }

  @Test
  void replace_eightThreadsFromTheSameRead_exactlyOneWins() throws InterruptedException {
    GroupState read = live("a");
    store.put(CONTOSO, read);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    for (int i = 0; i < 8; i++) {
      GroupState next = read.with(new LifecycleStatus.Active(DAY.plusDays(i + 1), null));
      pool.submit(() -> {
        try {
          store.replace(CONTOSO, read, next);
          wins.incrementAndGet();
        } catch (ConflictException e) {
          conflicts.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    assertThat(wins.get()).isEqualTo(1);
    assertThat(conflicts.get()).isEqualTo(7);
  }
}
