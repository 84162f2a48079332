package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GroupMember;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.GuestSetting;
import io.tenantry.groups.LifecycleStatus;
import io.tenantry.groups.spi.GroupStore;
import io.tenantry.groups.spi.InMemoryGroupStore;
import io.tenantry.identity.Directory;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import io.tenantry.testkit.identity.DirectoryArbitraries;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The identity and groups adapters on H2 against the in-memory implementations as oracles: any
 * valid directory (testkit's arbitraries: every kind of object, scope and setting) of two tenants
 * loads back as it was put; any sequence of unconditional and conditional group writes over a few
 * ids of two tenants leaves the same groups as the oracle, refusing exactly the writes it refuses.
 */
class JdbcStoresPropertyTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final TenantId FABRIKAM = TenantId.of("fabrikam");
  private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  @Property(tries = 40)
  void directoryStore_anyDirectoriesOfTwoTenants_loadBackAsPut(
      @ForAll("contosoDirectories") Directory mine, @ForAll("fabrikamDirectories") Directory theirs)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, null)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      store.put(mine);
      store.put(theirs);
      store.put(mine);

      assertThat(store.load(CONTOSO).orElseThrow().version()).isEqualTo(2);
      assertThat(Directories.describe(store.load(CONTOSO).orElseThrow().directory()).toString())
          .isEqualTo(Directories.describe(mine).toString());
      assertThat(Directories.describe(store.load(FABRIKAM).orElseThrow().directory()).toString())
          .isEqualTo(Directories.describe(theirs).toString());
    }
  }

  @Provide
  Arbitrary<Directory> contosoDirectories() {
    return DirectoryArbitraries.directories(CONTOSO);
  }

  @Provide
  Arbitrary<Directory> fabrikamDirectories() {
    return DirectoryArbitraries.directories(FABRIKAM);
  }

  /** A write: unconditional, or conditional on the current state (fresh) or on another (stale). */
  record Write(TenantId tenant, GroupState state, int mode) {}

  @Property(tries = 40)
  void groupStore_anyWrites_leaveWhatTheOracleLeaves(@ForAll("writes") List<Write> writes)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, null)) {
      GroupStore jdbc = new JdbcGroupStore(JdbcDatabase.open(db.pool()));
      GroupStore oracle = new InMemoryGroupStore();
      for (Write w : writes) {
        GroupState current = oracle.find(w.tenant(), w.state().group().id()).orElse(null);
        GroupState expected = w.mode() == 1 ? current : w.mode() == 2 ? w.state() : null;
        String jdbcOutcome = apply(jdbc, w, expected);
        assertThat(jdbcOutcome).as("%s", w).isEqualTo(apply(oracle, w, expected));
      }
      for (TenantId t : List.of(CONTOSO, FABRIKAM)) {
        assertThat(jdbc.list(t)).isEqualTo(oracle.list(t));
        for (GroupState s : oracle.list(t)) {
          assertThat(jdbc.find(t, s.group().id())).contains(s);
        }
      }
    }
  }

  private static String apply(GroupStore store, Write w, GroupState expected) {
    if (w.mode() == 0) {
      store.put(w.tenant(), w.state());
      return "put";
    }
    try {
      store.replace(w.tenant(), expected, w.state());
      return "replaced";
    } catch (ConflictException e) {
      return e.kind();
    }
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    return Combinators.combine(Arbitraries.of(CONTOSO, FABRIKAM), states(),
        Arbitraries.integers().between(0, 2)).as(Write::new).list().ofMaxSize(25);
  }

  private static Arbitrary<GroupState> states() {
    Arbitrary<String> ids = Arbitraries.of("a", "B", "b", "g\u00e9");
    Arbitrary<List<String>> users = Arbitraries.of("u1", "u2", "u3", "guest@x.example").list()
        .uniqueElements().ofMaxSize(3);
    Arbitrary<Group> groups = Combinators.combine(ids, Arbitraries.of(GroupKind.values()),
        Arbitraries.integers().between(0, 30), users, users, Arbitraries.of(GuestSetting.values()),
        Arbitraries.of("SMTP:a@x.example", "smtp:b@x.example").list().uniqueElements().ofMaxSize(2),
        Arbitraries.of(true, false))
        .as((id, kind, created, owners, members, guest, addresses, nested) ->
            new Group(GroupId.of(id), "Group " + id, "group" + id, kind, DAY.plusDays(created),
                owners.stream().map(UserId::of).toList(),
                members.stream().map(m -> new GroupMember(UserId.of(m), m.contains("@"))).toList(),
                nested && !id.equals("a") ? List.of(GroupId.of("a")) : List.of(), addresses,
                guest));
    Arbitrary<Integer> days = Arbitraries.integers().between(0, 400);
    return Combinators.combine(groups, Arbitraries.integers().between(0, 3), days,
        Arbitraries.of(DeletionReason.values()))
        .as((g, status, day, reason) -> {
          LocalDate on = g.createdOn().plusDays(day);
          LifecycleStatus s = switch (status) {
            case 0 -> new LifecycleStatus.Active(on, null);
            case 1 -> new LifecycleStatus.Active(on, on.plusDays(180));
            case 2 -> g.kind().softDeletes() ? new LifecycleStatus.SoftDeleted(on, reason)
                : new LifecycleStatus.Purged(on);
            default -> new LifecycleStatus.Purged(on);
          };
          return new GroupState(g, s);
        });
  }
}
