package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.spi.GroupActivity;
import io.tenantry.groups.spi.InMemoryGroupActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleEngineTest {
  static final TenantId CONTOSO = TenantId.of("contoso");
  static final LocalDate ENABLED = LocalDate.of(2026, 1, 1);

  static Group m365(String id, LocalDate created, String... owners) {
    return Group.of(GroupId.of(id), id, GroupKind.MICROSOFT_365, created)
        .withOwners(java.util.Arrays.stream(owners).map(UserId::of).toList());
  }

  static List<LifecycleEvent> run(LifecycleEngine engine, List<Group> groups, LocalDate from,
      LocalDate to, List<LifecycleAction> actions, GroupActivity activity) {
    LifecycleState state = engine.start(CONTOSO, groups);
    List<LifecycleEvent> events = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      DayOutcome o = engine.runDay(state, d,
          actions.stream().filter(a -> a.date().equals(day)).toList(), activity);
      events.addAll(o.events());
      state = state.apply(o);
    }
    return events;
  }

  @Test
  void start_groupOlderThanLifetime_expiresThirtyFiveDaysAfterEnablement() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(180, List.of()), ENABLED);

    LifecycleState s = engine.start(CONTOSO, List.of(m365("old", LocalDate.of(2024, 5, 1))));

    assertThat(s.find(GroupId.of("old")).orElseThrow().status())
        .isEqualTo(new LifecycleStatus.Active(LocalDate.of(2024, 5, 1), LocalDate.of(2026, 2, 5)));
  }

  @Test
  void start_groupCreatedOnEnablementDay_keepsCreationPlusLifetime() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(30, List.of()), ENABLED);

    LifecycleState s = engine.start(CONTOSO, List.of(m365("new", ENABLED)));

    assertThat(((LifecycleStatus.Active) s.find(GroupId.of("new")).orElseThrow().status())
        .expiresOn()).isEqualTo(LocalDate.of(2026, 1, 31));
  }

  @Test
  void start_securityGroup_isNotManaged() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(30, List.of()), ENABLED);
    Group sg = Group.of(GroupId.of("sg"), "sg", GroupKind.SECURITY, LocalDate.of(2020, 1, 1));

    LifecycleState s = engine.start(CONTOSO, List.of(sg));

    assertThat(((LifecycleStatus.Active) s.find(sg.id()).orElseThrow().status()).expiration())
        .isEmpty();
  }

  @Test
  void runDay_softDeletedThirtyDaysAgo_isPurgedBeforeTheDaysRestore() {
    LifecycleEngine engine = LifecycleEngine.withoutExpiration();
    LocalDate deleted = LocalDate.of(2026, 3, 1);
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(new GroupState(m365("g", ENABLED),
        new LifecycleStatus.SoftDeleted(deleted, DeletionReason.DELETED))));
    LocalDate day = deleted.plusDays(30);

    DayOutcome o = engine.runDay(s, day,
        List.of(new LifecycleAction(day, GroupId.of("g"), LifecycleAction.Kind.RESTORE)),
        GroupActivity.none());

    assertThat(o.events()).containsExactly(new LifecycleEvent.Purged(day, GroupId.of("g")));
    assertThat(o.skipped()).extracting(SkippedAction::reason)
        .containsExactly(SkippedAction.Reason.PURGED_GROUP);
  }

  @Test
  void runDay_restoreOnDay29_bringsBackTheSameGroup() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(60, List.of()), ENABLED);
    Group g = m365("g", ENABLED, "owner@contoso.com")
        .withMembers(List.of(GroupMember.member(UserId.of("m1")), GroupMember.guest(UserId.of("x"))));
    LocalDate deleted = LocalDate.of(2026, 2, 1);
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(new GroupState(g,
        new LifecycleStatus.SoftDeleted(deleted, DeletionReason.DELETED))));
    LocalDate day = deleted.plusDays(29);

    DayOutcome o = engine.runDay(s, day,
        List.of(new LifecycleAction(day, g.id(), LifecycleAction.Kind.RESTORE)), GroupActivity.none());

    assertThat(o.events()).containsExactly(new LifecycleEvent.Restored(day, g.id(), day.plusDays(60)));
    assertThat(s.apply(o).find(g.id()).orElseThrow())
        .isEqualTo(new GroupState(g, new LifecycleStatus.Active(day, day.plusDays(60))));
  }

  @Test
  void runDay_deleteSecurityGroup_purgesAtOnce() {
    LifecycleEngine engine = LifecycleEngine.withoutExpiration();
    Group sg = Group.of(GroupId.of("sg"), "sg", GroupKind.SECURITY, ENABLED);
    LifecycleState s = engine.start(CONTOSO, List.of(sg));

    DayOutcome o = engine.runDay(s, ENABLED,
        List.of(new LifecycleAction(ENABLED, sg.id(), LifecycleAction.Kind.DELETE)),
        GroupActivity.none());

    assertThat(o.events()).containsExactly(new LifecycleEvent.Purged(ENABLED, sg.id()));
    assertThat(s.apply(o).find(sg.id()).orElseThrow().status())
        .isInstanceOf(LifecycleStatus.Purged.class);
  }

  @Test
  void runDay_ownerRenewBeforePolicyInForce_hasNoEffect() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(30, List.of()), ENABLED);
    LocalDate before = ENABLED.minusDays(3);

    List<LifecycleEvent> events = run(engine, List.of(m365("g", LocalDate.of(2025, 1, 1))), before,
        before, List.of(new LifecycleAction(before, GroupId.of("g"), LifecycleAction.Kind.RENEW)),
        GroupActivity.none());

    assertThat(events).isEmpty();
  }

  @Test
  void runDay_activityOfAnotherTenant_doesNotRenew() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(30, List.of()), ENABLED);
    InMemoryGroupActivity activity = new InMemoryGroupActivity();
    activity.record(TenantId.of("fabrikam"), GroupId.of("g"), ENABLED.plusDays(5));

    List<LifecycleEvent> events = run(engine, List.of(m365("g", ENABLED, "o@contoso.com")), ENABLED,
        ENABLED.plusDays(40), List.of(), activity);

    assertThat(events).noneMatch(e -> e instanceof LifecycleEvent.Renewed);
    assertThat(events).last().isEqualTo(new LifecycleEvent.SoftDeleted(ENABLED.plusDays(31),
        GroupId.of("g"), DeletionReason.EXPIRED));
  }

  @Test
  void runDay_selectedPolicy_managesOnlyListedMicrosoft365Groups() {
    ExpirationPolicy policy = new ExpirationPolicy(30, ManagedGroupTypes.SELECTED,
        Set.of(GroupId.of("a")), List.of());
    LifecycleEngine engine = LifecycleEngine.of(policy, ENABLED);

    List<LifecycleEvent> events = run(engine, List.of(m365("a", ENABLED), m365("b", ENABLED)),
        ENABLED, ENABLED.plusDays(40), List.of(), GroupActivity.none());

    assertThat(events).isNotEmpty().allMatch(e -> e.group().equals(GroupId.of("a")));
  }

  @Test
  void runDay_actionOfAnotherDay_isRefused() {
    LifecycleEngine engine = LifecycleEngine.withoutExpiration();
    LifecycleState s = engine.start(CONTOSO, List.of(m365("g", ENABLED)));

    assertThatThrownBy(() -> engine.runDay(s, ENABLED,
        List.of(new LifecycleAction(ENABLED.plusDays(1), GroupId.of("g"), LifecycleAction.Kind.DELETE)),
        GroupActivity.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-01-02");
  }

  @Test
  void runDay_restoreBeforeEnablement_renewsFromTheRestoreDay() {
    LifecycleEngine engine = LifecycleEngine.of(ExpirationPolicy.all(30, List.of()), ENABLED);
    LocalDate day = ENABLED.minusDays(10);
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(new GroupState(m365("g", LocalDate.of(2025, 1, 1)),
        new LifecycleStatus.SoftDeleted(day.minusDays(1), DeletionReason.DELETED))));

    DayOutcome o = engine.runDay(s, day,
        List.of(new LifecycleAction(day, GroupId.of("g"), LifecycleAction.Kind.RESTORE)),
        GroupActivity.none());

    assertThat(o.events()).containsExactly(
        new LifecycleEvent.Restored(day, GroupId.of("g"), day.plusDays(30)));
  }
}
