package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.LifecycleStatus;
import io.tenantry.groups.NamingPolicy;
import io.tenantry.groups.TenantGroupSettings;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.jdbc.groups.JdbcGroupSettingsStore;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Admins racing on the same object never lose an update: 8 threads renew, delete and restore one
 * group, or add and remove role assignments of one directory, each write naming the version it
 * read and retrying on {@code STALE_VERSION}. The winning writes then form one serial history:
 * each read the state the previous one wrote, their versions are 1, 2, … without gap or repeat,
 * and the stored state is the last one's.
 */
class OptimisticConcurrencyTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final LocalDate DAY = LocalDate.of(2026, 1, 1);
  private static final int THREADS = 8;

  @TempDir
  Path dir;

  private record Win(long readVersion, GroupState before, GroupState after) {}

  /** Renewer (0), deleter (1) or restorer (2): the change, or null when it does not apply now. */
  private static GroupState change(int role, GroupState s) {
    if (role == 0 && s.status() instanceof LifecycleStatus.Active a) {
      LocalDate renewed = a.lastRenewedOn().plusDays(1);
      return s.with(new LifecycleStatus.Active(renewed, renewed.plusDays(180)));
    }
    if (role == 1 && s.status() instanceof LifecycleStatus.Active a) {
      return s.with(new LifecycleStatus.SoftDeleted(a.lastRenewedOn(), DeletionReason.DELETED));
    }
    if (role == 2 && s.status() instanceof LifecycleStatus.SoftDeleted d) {
      return s.with(new LifecycleStatus.Active(d.deletedOn(), d.deletedOn().plusDays(180)));
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void groupRenewalsDeletionsAndRestores_eightThreadsRacing_loseNoUpdate(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcGroupStore store = new JdbcGroupStore(JdbcDatabase.open(db.pool()));
      GroupId id = GroupId.of("project");
      GroupState initial = new GroupState(Group.of(id, "Project", GroupKind.MICROSOFT_365, DAY),
          new LifecycleStatus.Active(DAY, DAY.plusDays(180)));
      assertThat(store.put(CONTOSO, initial, 0)).isEqualTo(1);
      ConcurrentLinkedQueue<Win> wins = new ConcurrentLinkedQueue<>();

      race(t -> {
        for (int op = 0; op < 6; op++) {
          while (true) {
            JdbcGroupStore.Versioned read = store.findVersioned(CONTOSO, id).orElseThrow();
            GroupState next = change(t % 3, read.state());
            if (next == null) {
              break;
            }
            try {
              store.put(CONTOSO, next, read.version());
              wins.add(new Win(read.version(), read.state(), next));
              break;
            } catch (ConflictException e) {
              assertThat(e.kind()).isEqualTo("STALE_VERSION");
            }
          }
        }
      });

      List<Win> history = new ArrayList<>(wins);
      history.sort(Comparator.comparingLong(Win::readVersion));
      assertThat(history).extracting(Win::readVersion)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
      GroupState expected = initial;
      for (Win w : history) {
        assertThat(w.before()).as("write on version %d", w.readVersion()).isEqualTo(expected);
        expected = w.after();
      }
      JdbcGroupStore.Versioned last = store.findVersioned(CONTOSO, id).orElseThrow();
      assertThat(last.state()).isEqualTo(expected);
      assertThat(last.version()).isEqualTo(history.size() + 1L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void roleAssignmentChanges_eightThreadsRacing_loseNoUpdate(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      List<String> users = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        users.add("admin" + t);
      }
      store.put(Directories.ofUsers(CONTOSO, users), 0);
      List<RoleId> roles = List.of(BuiltInRoles.GLOBAL_READER, BuiltInRoles.USER_ADMINISTRATOR,
          BuiltInRoles.GROUPS_ADMINISTRATOR, BuiltInRoles.HELPDESK_ADMINISTRATOR);

      race(t -> {
        String me = "admin" + t;
        for (RoleId r : roles) {
          changeAssignments(store, me, r, true);
        }
        changeAssignments(store, me, roles.get(0), false);
        changeAssignments(store, me, roles.get(2), false);
      });

      DirectoryStore.Versioned last = store.load(CONTOSO).orElseThrow();
      Set<RoleAssignment> expected = new HashSet<>();
      for (String u : users) {
        expected.add(new RoleAssignment(u, roles.get(1), Scope.TENANT));
        expected.add(new RoleAssignment(u, roles.get(3), Scope.TENANT));
      }
      assertThat(last.directory().assignments()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(last.version()).as("one version per change").isEqualTo(1L + THREADS * 6);
    }
  }

  /** Adds or removes one assignment: load, change, write with the loaded version, retry if stale. */
  private static void changeAssignments(JdbcDirectoryStore store, String user, RoleId role,
      boolean add) {
    RoleAssignment a = new RoleAssignment(user, role, Scope.TENANT);
    while (true) {
      DirectoryStore.Versioned read = store.load(CONTOSO).orElseThrow();
      List<RoleAssignment> next = new ArrayList<>(read.directory().assignments());
      if (add) {
        next.add(a);
      } else {
        assertThat(next.remove(a)).isTrue();
      }
      Directory changed = Directories.withAssignments(read.directory(), next);
      try {
        store.put(changed, read.version());
        return;
      } catch (ConflictException e) {
        assertThat(e.kind()).isEqualTo("STALE_VERSION");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void groupPut_basedOnAStaleVersion_isRefusedAndChangesNothing(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcGroupStore store = new JdbcGroupStore(JdbcDatabase.open(db.pool()));
      GroupState live = new GroupState(Group.of(GroupId.of("g"), "G", GroupKind.MICROSOFT_365,
          DAY), new LifecycleStatus.Active(DAY, null));
      store.put(CONTOSO, live);
      JdbcGroupStore.Versioned read = store.findVersioned(CONTOSO, GroupId.of("g")).orElseThrow();
      GroupState deleted = live.with(new LifecycleStatus.SoftDeleted(DAY, DeletionReason.EXPIRED));
      GroupState renewed = live.with(new LifecycleStatus.Active(DAY.plusDays(5), null));

      assertThat(store.put(CONTOSO, deleted, read.version())).isEqualTo(read.version() + 1);
      assertThatThrownBy(() -> store.put(CONTOSO, renewed, read.version()))
          .isInstanceOf(ConflictException.class).hasMessageContaining("group 'g'")
          .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo("STALE_VERSION"));
      assertThatThrownBy(() -> store.put(CONTOSO, renewed, 0))
          .isInstanceOf(ConflictException.class);

      assertThat(store.find(CONTOSO, GroupId.of("g"))).contains(deleted);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void settingsPut_basedOnAStaleVersion_isRefusedAndChangesNothing(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcGroupSettingsStore store = new JdbcGroupSettingsStore(JdbcDatabase.open(db.pool()));
      JdbcGroupSettingsStore.Versioned read = store.getVersioned(CONTOSO);
      assertThat(read.version()).isZero();
      TenantGroupSettings naming = read.settings()
          .withNamingPolicy(NamingPolicy.of("GRP_[GroupName]", List.of()));
      TenantGroupSettings restricted = read.settings().withCreationRestrictedTo(GroupId.of("it"));

      assertThat(store.put(CONTOSO, naming, read.version())).isEqualTo(1);
      assertThatThrownBy(() -> store.put(CONTOSO, restricted, read.version()))
          .isInstanceOf(ConflictException.class).hasMessageContaining("version 1");

      assertThat(store.get(CONTOSO).namingPolicy().pattern()).isEqualTo("GRP_[GroupName]");
      assertThat(store.get(CONTOSO).enableGroupCreation()).isTrue();
    }
  }

  /** A thread's part in a race. */
  @FunctionalInterface
  private interface Part {
    void run(int thread) throws Exception;
  }

  /** Runs {@link #THREADS} threads from one start signal and rethrows the first failure. */
  private static void race(Part part) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          part.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<Object> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
