package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.simulation.SimulatedAction;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.Simulation;
import io.tenantry.groups.simulation.SimulationFile;
import io.tenantry.groups.spi.GroupActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the lifecycle engine over random tenants, policies, groups and actions. */
class LifecyclePropertyTest {
  static final LocalDate ENABLED = LocalDate.of(2026, 3, 1);
  static final TenantId TENANT = TenantId.of("contoso");

  record GroupSpec(GroupKind kind, int createdOffset, int owners, List<Integer> activity,
      boolean selected) {}

  record ActionSpec(int dayOffset, int group, LifecycleAction.Kind kind) {}

  @Provide
  Arbitrary<SimulationFile> scenarios() {
    Arbitrary<GroupSpec> group = Combinators.combine(
        Arbitraries.of(GroupKind.MICROSOFT_365, GroupKind.MICROSOFT_365, GroupKind.SECURITY,
            GroupKind.DISTRIBUTION),
        Arbitraries.integers().between(-300, 120),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(-60, 260).list().ofMaxSize(5),
        Arbitraries.of(true, false)).as(GroupSpec::new);
    Arbitrary<ActionSpec> action = Combinators.combine(
        Arbitraries.integers().between(-20, 260),
        Arbitraries.integers().between(0, 6),
        Arbitraries.of(LifecycleAction.Kind.values())).as(ActionSpec::new);
    return Combinators.combine(
        Arbitraries.integers().between(30, 100),
        Arbitraries.of(ManagedGroupTypes.values()),
        group.list().ofMinSize(1).ofMaxSize(6),
        action.list().ofMaxSize(15),
        Arbitraries.integers().between(0, 20),
        Arbitraries.of(List.<String>of(), List.of("it@contoso.com"))).as(this::scenario);
  }

  SimulationFile scenario(int lifetime, ManagedGroupTypes types, List<GroupSpec> specs,
      List<ActionSpec> actionSpecs, int lead, List<String> alternates) {
    LocalDate from = ENABLED.minusDays(lead);
    LocalDate to = ENABLED.plusDays(250);
    List<SimulatedGroup> groups = new ArrayList<>();
    Set<GroupId> selected = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      GroupSpec s = specs.get(i);
      List<UserId> owners = new ArrayList<>();
      for (int o = 0; o < s.owners(); o++) {
        owners.add(UserId.of("owner" + o + "@contoso.com"));
      }
      Group g = Group.of(GroupId.of("g" + i), "Group " + i, s.kind(), ENABLED.plusDays(s.createdOffset()))
          .withOwners(owners);
      groups.add(new SimulatedGroup(g, s.activity().stream().map(ENABLED::plusDays).toList(), i + 1));
      if (s.selected()) {
        selected.add(g.id());
      }
    }
    List<SimulatedAction> actions = new ArrayList<>();
    for (ActionSpec a : actionSpecs) {
      LocalDate day = ENABLED.plusDays(a.dayOffset());
      if (day.isBefore(from)) {
        day = from;
      }
      actions.add(new SimulatedAction(new LifecycleAction(day, GroupId.of("g" + a.group()), a.kind()),
          100 + actions.size()));
    }
    actions.sort(java.util.Comparator.comparing(a -> a.action().date()));
    return new SimulationFile("random.yaml", TENANT, ENABLED, from, to,
        new ExpirationPolicy(lifetime, types, selected, alternates), groups, actions, List.of());
  }

  /**
   * Rule 5 renews a restored group to restore day + lifetime even before the policy is in force,
   * without rule 2's floor; such a group may reach E + 1 right after enablement with no notice
   * day left in force. Every other expiry deletion follows its 1-day notice.
   */
  @Property(tries = 200)
  void softDelete_expiredGroup_neverBeforeItsOneDayNotice(@ForAll("scenarios") SimulationFile f) {
    List<LifecycleEvent> events = Simulation.run(f).events();
    Set<GroupId> restoredBeforeEnablement = new HashSet<>();
    events.stream().filter(e -> e instanceof LifecycleEvent.Restored
        && e.date().isBefore(f.policyEnabledOn())).forEach(e -> restoredBeforeEnablement.add(e.group()));

    for (LifecycleEvent e : events) {
      if (e instanceof LifecycleEvent.SoftDeleted d && d.reason() == DeletionReason.EXPIRED
          && !restoredBeforeEnablement.contains(d.group())) {
        assertThat(events).as("1-day notice before %s", d).anySatisfy(n -> {
          assertThat(n).isInstanceOf(LifecycleEvent.ExpiryNotificationSent.class);
          LifecycleEvent.ExpiryNotificationSent notice = (LifecycleEvent.ExpiryNotificationSent) n;
          assertThat(notice.group()).isEqualTo(d.group());
          assertThat(notice.daysBefore()).isEqualTo(1);
          assertThat(notice.date()).isEqualTo(d.date().minusDays(2));
          assertThat(notice.expiresOn()).isEqualTo(d.date().minusDays(1));
        });
      }
    }
  }

  @Property(tries = 200)
  void events_anySimulation_inDateOrderAndNeverAfterPurge(@ForAll("scenarios") SimulationFile f) {
    List<LifecycleEvent> events = Simulation.run(f).events();

    Set<GroupId> purged = new HashSet<>();
    LocalDate last = LocalDate.MIN;
    for (LifecycleEvent e : events) {
      assertThat(e.date()).isAfterOrEqualTo(last);
      assertThat(purged).as("event after purge: %s", e).doesNotContain(e.group());
      if (e instanceof LifecycleEvent.Purged) {
        purged.add(e.group());
      }
      last = e.date();
    }
  }

  @Property(tries = 200)
  void events_expiryAndRenewal_onlyForManagedMicrosoft365Groups(@ForAll("scenarios") SimulationFile f) {
    Map<GroupId, Group> byId = new HashMap<>();
    f.groups().forEach(g -> byId.put(g.group().id(), g.group()));

    for (LifecycleEvent e : Simulation.run(f).events()) {
      boolean lifecycleOnly = e instanceof LifecycleEvent.Renewed
          || e instanceof LifecycleEvent.ExpiryNotificationSent
          || (e instanceof LifecycleEvent.SoftDeleted d && d.reason() == DeletionReason.EXPIRED);
      if (lifecycleOnly) {
        assertThat(f.policy().manages(byId.get(e.group()))).as("%s", e).isTrue();
        assertThat(e.date()).isAfterOrEqualTo(f.policyEnabledOn());
      }
    }
  }

  @Property(tries = 200)
  void restore_withinTwentyNineDays_bringsBackSameIdAndMembers(
      @ForAll @IntRange(min = 0, max = 29) int daysDeleted,
      @ForAll @IntRange(min = 0, max = 8) int memberCount,
      @ForAll @IntRange(min = 0, max = 3) int guestCount,
      @ForAll boolean managed) {
    List<GroupMember> members = new ArrayList<>();
    for (int i = 0; i < memberCount; i++) {
      members.add(GroupMember.member(UserId.of("m" + i)));
    }
    for (int i = 0; i < guestCount; i++) {
      members.add(GroupMember.guest(UserId.of("guest" + i + "#EXT#")));
    }
    Group g = Group.of(GroupId.of("team"), "Team", GroupKind.MICROSOFT_365, ENABLED.minusDays(400))
        .withOwners(List.of(UserId.of("o1"))).withMembers(members);
    LifecycleEngine engine = managed
        ? LifecycleEngine.of(ExpirationPolicy.all(60, List.of()), ENABLED)
        : LifecycleEngine.withoutExpiration();
    LocalDate deletedOn = ENABLED.plusDays(3);
    LifecycleState state = engine.start(TENANT, List.of(g));
    state = state.apply(engine.runDay(state, deletedOn,
        List.of(new LifecycleAction(deletedOn, g.id(), LifecycleAction.Kind.DELETE)), GroupActivity.none()));
    for (LocalDate d = deletedOn.plusDays(1); d.isBefore(deletedOn.plusDays(daysDeleted)); d = d.plusDays(1)) {
      state = state.apply(engine.runDay(state, d, List.of(), GroupActivity.none()));
    }
    LocalDate day = deletedOn.plusDays(daysDeleted);

    DayOutcome o = engine.runDay(state, day,
        List.of(new LifecycleAction(day, g.id(), LifecycleAction.Kind.RESTORE)), GroupActivity.none());

    assertThat(o.events()).first().isInstanceOf(LifecycleEvent.Restored.class);
    GroupState restored = state.apply(o).find(g.id()).orElseThrow();
    assertThat(restored.group()).isEqualTo(g);
    assertThat(restored.isLive()).isTrue();
  }
}
