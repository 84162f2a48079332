package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.GroupId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpirationPolicyTest {

  @Test
  void new_everyRuleBroken_listsEveryProblem() {
    Set<GroupId> tooMany = IntStream.rangeClosed(1, 501).mapToObj(i -> GroupId.of("g" + i))
        .collect(Collectors.toSet());

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> new ExpirationPolicy(29, ManagedGroupTypes.SELECTED, tooMany, List.of(" ")));

    assertThat(e.problems()).extracting(Problem::path).containsExactly("policy.lifetimeDays",
        "policy.selected", "policy.alternateNotificationEmails[0]");
  }

  @Test
  void new_thirtyDaysAnd500Groups_isAccepted() {
    Set<GroupId> max = IntStream.rangeClosed(1, 500).mapToObj(i -> GroupId.of("g" + i))
        .collect(Collectors.toSet());

    ExpirationPolicy p = new ExpirationPolicy(30, ManagedGroupTypes.SELECTED, max, List.of());

    assertThat(p.selected()).hasSize(500);
  }

  @Test
  void noticeRecipients_ownerlessGroup_getsAlternateAddresses() {
    ExpirationPolicy p = ExpirationPolicy.all(30, List.of("it@contoso.com"));
    Group g = Group.of(GroupId.of("g"), "G", GroupKind.MICROSOFT_365, java.time.LocalDate.of(2026, 1, 1));

    assertThat(p.noticeRecipients(g)).containsExactly("it@contoso.com");
  }
}
