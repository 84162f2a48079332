package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationDomainPolicyTest {

  @Test
  void allowList_matchesListedDomainsExactlyAndCaseInsensitively() {
    InvitationDomainPolicy p = InvitationDomainPolicy.allowList(List.of("Partner.com"));
    assertThat(p.allows("eve@PARTNER.com")).isTrue();
    assertThat(p.allows("eve@sub.partner.com")).isFalse();
    assertThat(p.allows("eve@other.com")).isFalse();
  }

  @Test
  void denyList_blocksOnlyListedDomains() {
    InvitationDomainPolicy p = InvitationDomainPolicy.denyList(List.of("rival.com"));
    assertThat(p.allows("x@rival.com")).isFalse();
    assertThat(p.allows("x@partner.com")).isTrue();
    assertThat(InvitationDomainPolicy.ANY.allows("x@rival.com")).isTrue();
  }

  @Test
  void switchingMode_discardsTheList() {
    InvitationDomainPolicy p = InvitationDomainPolicy.allowList(List.of("a.com", "b.com"))
        .switchTo(InvitationDomainPolicy.Mode.DENY_LIST, List.of("c.com"));
    assertThat(p.domainNames()).containsExactly("c.com");
    assertThat(p.toPolicyJson()).contains("\"AllowedDomains\":[]").contains("\"BlockedDomains\":[\"c.com\"]");
  }

  @Test
  void invalidLists_areRefusedWithEveryProblem() {
    assertThatThrownBy(() -> InvitationDomainPolicy.allowList(List.of("*.partner.com", "ok.com", "bad domain")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
    assertThatThrownBy(() -> InvitationDomainPolicy.denyList(List.of())).isInstanceOf(ValidationException.class);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      many.add("domain-number-" + i + ".example.com");
    }
    assertThatThrownBy(() -> InvitationDomainPolicy.denyList(many)).hasMessageContaining("25000");
  }

  @Test
  void decideInvitation_needsInviterRightAndAllowedDomain() {
    TenantId t = TenantId.of("t");
    Authorizer az = Authorizer.of(Directory.builder(t).allowInvitesFrom(AllowInvitesFrom.ADMINS_AND_GUEST_INVITERS)
        .user(User.member("ann", "ann@t.example")).user(User.member("gi", "gi@t.example"))
        .assign(new RoleAssignment("gi", BuiltInRoles.GUEST_INVITER, Scope.TENANT)).build());
    InvitationDomainPolicy p = InvitationDomainPolicy.allowList(List.of("partner.com"));
    assertThat(p.decideInvitation(az, t, "ann", "eve@partner.com").allowed()).isFalse();
    assertThat(p.decideInvitation(az, t, "gi", "eve@partner.com").allowed()).isTrue();
    assertThat(p.decideInvitation(az, t, "gi", "eve@rival.com").reason()).contains("allow list");
  }

  @Test
  void decideConfiguration_onlyGlobalAdministrator() {
    TenantId t = TenantId.of("t");
    Directory.Builder b = Directory.builder(t).user(User.member("ga", "ga@t.example"))
        .user(new User(io.tenantry.core.UserId.of("off"), "off@t.example", UserType.MEMBER, java.util.Map.of(), false,
            null));
    b.assign(new RoleAssignment("ga", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT));
    b.assign(new RoleAssignment("off", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT));
    List<String> others = new ArrayList<>();
    for (RoleDefinition r : BuiltInRoles.all()) {
      if (!r.id().equals(BuiltInRoles.GLOBAL_ADMINISTRATOR) && !r.id().equals(BuiltInRoles.DIRECTORY_READERS)) {
        String id = "u" + others.size();
        b.user(User.member(id, id + "@t.example")).assign(new RoleAssignment(id, r.id(), Scope.TENANT));
        others.add(id);
      }
    }
    Authorizer az = Authorizer.of(b.build());
    assertThat(InvitationDomainPolicy.decideConfiguration(az, t, "ga").allowed()).isTrue();
    assertThat(others).hasSizeGreaterThan(20).allSatisfy(id -> {
      Decision d = InvitationDomainPolicy.decideConfiguration(az, t, id);
      assertThat(d.allowed()).as(id).isFalse();
      assertThat(d.reason()).startsWith("configuring the guest domain allow or deny list requires a Global");
    });
    assertThat(InvitationDomainPolicy.decideConfiguration(az, t, "off").allowed()).isFalse();
    assertThat(InvitationDomainPolicy.decideConfiguration(az, TenantId.of("other"), "ga").allowed()).isFalse();
  }
}
