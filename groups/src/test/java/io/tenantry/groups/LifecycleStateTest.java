package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleStateTest {
  static final TenantId CONTOSO = TenantId.of("contoso");
  static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  static GroupState live(String id) {
    Group g = Group.of(GroupId.of(id), id, GroupKind.MICROSOFT_365, DAY);
    return new GroupState(g, new LifecycleStatus.Active(DAY, DAY.plusDays(180)));
  }

  @Test
  void of_statesInAnyOrder_keepsThemInIdOrder() {
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(live("c"), live("a"), live("b")));

    assertThat(s.inOrder()).extracting(x -> x.group().id().value()).containsExactly("a", "b", "c");
    assertThat(s.groups().keySet()).extracting(GroupId::value).containsExactly("a", "b", "c");
  }

  @Test
  void of_duplicateId_isRejectedNamingIt() {
    assertThatThrownBy(() -> LifecycleState.of(CONTOSO, List.of(live("a"), live("a"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
  }

  @Test
  void apply_changeOfKnownGroup_replacesItAndLeavesTheSnapshotUnchanged() {
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(live("a"), live("b")));
    GroupState deleted = live("b").with(new LifecycleStatus.SoftDeleted(DAY,
        DeletionReason.DELETED));

    LifecycleState next = s.apply(Map.of(GroupId.of("b"), deleted));

    assertThat(next.get(GroupId.of("b"))).isEqualTo(deleted);
    assertThat(next.softDeleted()).containsExactly(deleted);
    assertThat(s.get(GroupId.of("b"))).isEqualTo(live("b"));
    assertThat(s.softDeleted()).isEmpty();
  }

  @Test
  void apply_changeOfUnknownGroup_addsItInIdOrder() {
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(live("a"), live("c")));

    LifecycleState next = s.apply(Map.of(GroupId.of("b"), live("b")));

    assertThat(next.inOrder()).extracting(x -> x.group().id().value())
        .containsExactly("a", "b", "c");
    assertThat(next.find(GroupId.of("b"))).contains(live("b"));
    assertThat(s.find(GroupId.of("b"))).isEmpty();
  }

  @Test
  void apply_stateFiledUnderAnotherId_isRejected() {
    LifecycleState s = LifecycleState.of(CONTOSO, List.of(live("a"), live("b")));

    assertThatThrownBy(() -> s.apply(Map.of(GroupId.of("a"), live("b"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
  }
}
