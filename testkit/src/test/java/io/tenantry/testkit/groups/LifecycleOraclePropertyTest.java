package io.tenantry.testkit.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.LifecycleAction;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.ManagedGroupTypes;
import io.tenantry.groups.simulation.SimulatedAction;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.Simulation;
import io.tenantry.groups.simulation.SimulationFile;
import io.tenantry.groups.spi.InMemoryGroupStore;
import io.tenantry.testkit.arbitraries.Ids;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lifecycle engine against the naive oracle on random simulations, and tenant isolation of the
 * in-memory group store on random tenants and ids.
 */
class LifecycleOraclePropertyTest {
  static final LocalDate ENABLED = LocalDate.of(2026, 3, 1);

  record GroupSpec(GroupKind kind, int createdOffset, int owners, List<Integer> activity,
      boolean selected) {}

  record ActionSpec(int dayOffset, int group, LifecycleAction.Kind kind) {}

  @Provide
  Arbitrary<SimulationFile> simulations() {
    Arbitrary<GroupSpec> group = Combinators.combine(
        Arbitraries.of(GroupKind.values()),
        Arbitraries.integers().between(-200, 90),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(-40, 200).list().ofMaxSize(6),
        Arbitraries.of(true, false)).as(GroupSpec::new);
    Arbitrary<ActionSpec> action = Combinators.combine(
        Arbitraries.integers().between(-15, 200),
        Arbitraries.integers().between(0, 5),
        Arbitraries.of(LifecycleAction.Kind.values())).as(ActionSpec::new);
    return Combinators.combine(
        Arbitraries.integers().between(30, 80),
        Arbitraries.of(ManagedGroupTypes.values()),
        group.list().ofMinSize(1).ofMaxSize(5),
        action.list().ofMaxSize(20),
        Arbitraries.integers().between(0, 15)).as(LifecycleOraclePropertyTest::simulation);
  }

  static SimulationFile simulation(int lifetime, ManagedGroupTypes types, List<GroupSpec> specs,
      List<ActionSpec> actionSpecs, int lead) {
    LocalDate from = ENABLED.minusDays(lead);
    List<SimulatedGroup> groups = new ArrayList<>();
    Set<GroupId> selected = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      GroupSpec s = specs.get(i);
      List<UserId> owners = new ArrayList<>();
      for (int o = 0; o < s.owners(); o++) {
        owners.add(UserId.of("o" + o + "@contoso.com"));
      }
      Group g = Group.of(GroupId.of("g" + i), "G" + i, s.kind(), ENABLED.plusDays(s.createdOffset()))
          .withOwners(owners);
      groups.add(new SimulatedGroup(g, s.activity().stream().map(ENABLED::plusDays).toList(), i + 1));
      if (s.selected()) {
        selected.add(g.id());
      }
    }
    List<SimulatedAction> actions = new ArrayList<>();
    for (ActionSpec a : actionSpecs) {
      LocalDate day = ENABLED.plusDays(a.dayOffset());
      actions.add(new SimulatedAction(new LifecycleAction(day.isBefore(from) ? from : day,
          GroupId.of("g" + a.group()), a.kind()), 50 + actions.size()));
    }
    actions.sort(Comparator.comparing(a -> a.action().date()));
    return new SimulationFile("random.yaml", TenantId.of("contoso"), ENABLED, from,
        ENABLED.plusDays(200), new ExpirationPolicy(lifetime, types, selected,
            List.of("it@contoso.com")), groups, actions, List.of());
  }

  @Property(tries = 250)
  void runDay_randomSimulation_givesTheOraclesEvents(@ForAll("simulations") SimulationFile f) {
    List<LifecycleEvent> engine = Simulation.run(f).events();

    assertThat(engine).isEqualTo(NaiveLifecycleOracle.run(f));
  }

  @Property(tries = 100)
  void store_groupOfOneTenant_isInvisibleToAnother(@ForAll("tenants") TenantId a,
      @ForAll("tenants") TenantId b, @ForAll("groupIds") GroupId id) {
    Assume.that(!a.equals(b));
    InMemoryGroupStore store = new InMemoryGroupStore();
    GroupState s = new GroupState(Group.of(id, "G", GroupKind.MICROSOFT_365, ENABLED),
        new io.tenantry.groups.LifecycleStatus.Active(ENABLED, null));

    store.put(a, s);

    assertThat(store.find(b, id)).isEmpty();
    assertThat(store.list(b)).isEmpty();
    assertThat(store.find(a, id)).contains(s);
  }

  @Provide
  Arbitrary<TenantId> tenants() {
    return Ids.tenants();
  }

  @Provide
  Arbitrary<GroupId> groupIds() {
    return Ids.groups();
  }
}
