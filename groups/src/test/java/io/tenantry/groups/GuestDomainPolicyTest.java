package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GuestDomainPolicyTest {

  @Test
  void allows_allowList_matchesListedDomainsExactlyIgnoringCase() {
    GuestDomainPolicy p = GuestDomainPolicy.allowOnly(List.of("Fabrikam.com"));

    assertThat(p.allows("ann@FABRIKAM.com")).isTrue();
    assertThat(p.allows("fabrikam.com")).isTrue();
    assertThat(p.allows("ann@eu.fabrikam.com")).isFalse();
    assertThat(p.allows("ann@tailspin.com")).isFalse();
  }

  @Test
  void denyList_withSubdomainMatching_blocksSubdomains() {
    GuestDomainPolicy p = new GuestDomainPolicy(GuestDomainPolicy.Mode.DENY_LIST, Set.of("evil.com"), true);

    assertThat(p.allows("x@mail.evil.com")).isFalse();
    assertThat(p.allows("x@notevil.com")).isTrue();
  }

  @Test
  void new_invalidEntries_listsEveryProblem() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> new GuestDomainPolicy(GuestDomainPolicy.Mode.ANY_DOMAIN, Set.of("*.contoso.com", " ", "a.com"), false));

    assertThat(e.problems()).extracting(Problem::message).hasSize(3)
        .anyMatch(m -> m.contains("wildcards")).anyMatch(m -> m.contains("blank"))
        .anyMatch(m -> m.contains("cannot list domains"));
  }

  @Test
  void new_policyOver25000Characters_isRefused() {
    Set<String> many = IntStream.range(0, 1500).mapToObj(i -> "domain-number-" + i + ".example.com")
        .collect(Collectors.toSet());

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> GuestDomainPolicy.allowOnly(many));

    assertThat(e.getMessage()).contains("25000");
  }

  @Test
  void toJson_denyList_isMicrosoftsShape() {
    assertThat(GuestDomainPolicy.deny(List.of("b.com", "a.com")).toJson()).isEqualTo(
        "{\"B2BManagementPolicy\":{\"InvitationsAllowedAndBlockedDomainsPolicy\":"
            + "{\"AllowedDomains\":[],\"BlockedDomains\":[\"a.com\",\"b.com\"]}}}");
  }
}
