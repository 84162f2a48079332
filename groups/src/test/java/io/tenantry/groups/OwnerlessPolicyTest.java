package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.GroupId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnerlessPolicyTest {
  static final UserId A = UserId.of("a");
  static final UserId B = UserId.of("b");
  static final UserId C = UserId.of("c");
  static final UserId GUEST = UserId.of("guest");
  final Group ownerless = Group.of(GroupId.of("g"), "G", GroupKind.MICROSOFT_365, LocalDate.of(2026, 1, 1))
      .withMembers(List.of(GroupMember.member(A), GroupMember.member(B), GroupMember.member(C),
          GroupMember.guest(GUEST)));

  @Test
  void start_rankedMembers_picksMostActiveNeverGuests() {
    OwnerlessPolicy p = new OwnerlessPolicy(2, 4, null, Set.of(), "it@contoso.com");

    OwnerlessCampaign c = p.start(ownerless, List.of(GUEST, C, A, B), u -> true);

    assertThat(c.recipients()).containsExactly(C, A);
    assertThat(c.noticeDue()).isTrue();
  }

  @Test
  void start_allowedGroupSet_asksOnlyItsMembers() {
    OwnerlessPolicy p = new OwnerlessPolicy(3, 4, GroupId.of("eligible"), Set.of(), "it@contoso.com");

    assertThat(p.start(ownerless, List.of(A, B, C), u -> u.equals(B)).recipients()).containsExactly(B);
  }

  @Test
  void start_groupWithOwner_asksNobody() {
    OwnerlessPolicy p = new OwnerlessPolicy(3, 4, null, Set.of(), "it@contoso.com");

    OwnerlessCampaign c = p.start(ownerless.withOwners(List.of(A)), List.of(A, B), u -> true);

    assertThat(c.recipients()).isEmpty();
    assertThat(c.needsAdmin()).isTrue();
  }

  @Test
  void accept_askedMembers_atMostTwo() {
    OwnerlessCampaign c = new OwnerlessPolicy(3, 4, null, Set.of(), "it@contoso.com")
        .start(ownerless, List.of(A, B, C), u -> true).noticeSent();

    OwnerlessCampaign two = c.accept(A).accept(B);

    assertThat(two.accepted()).containsExactly(A, B);
    assertThatThrownBy(() -> two.accept(C)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("two members already accepted");
    assertThatThrownBy(() -> c.accept(GUEST)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("was not asked");
  }

  @Test
  void noticeSent_afterAllWeeksWithoutAcceptance_needsAdmin() {
    OwnerlessCampaign c = new OwnerlessPolicy(1, 2, null, Set.of(), "it@contoso.com")
        .start(ownerless, List.of(A), u -> true).noticeSent().noticeSent();

    assertThat(c.noticeDue()).isFalse();
    assertThat(c.needsAdmin()).isTrue();
  }

  @Test
  void new_invalidPolicy_listsEveryProblem() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> new OwnerlessPolicy(0, 0, null, Set.of(), " "));

    assertThat(e.problems()).hasSize(3);
  }
}
