package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Switching an AU's membership type ({@code directory-semantics.md} §1.2): Dynamic to Assigned stops
 * the rule and keeps the current members, after which groups may be added; Assigned to Dynamic lets
 * the rule decide the members.
 */
class AdminUnitMembershipSwitchTest {
  private static final TenantId T = TenantId.of("t");

  private static User user(String id, String country) {
    return new User(UserId.of(id), id + "@t.example", UserType.MEMBER, Map.of("country", country), true, null);
  }

  private static Directory.Builder people() {
    return Directory.builder(T).user(user("anna", "DE")).user(user("bert", "DE")).user(user("carl", "FR"))
        .group(new Group(GroupId.of("sales"), "Sales", GroupKind.SECURITY, Set.of(), Set.of(), false));
  }

  @Test
  void toAssigned_dynamicAu_keepsItsCurrentMembersAndStopsTheRule() {
    AdministrativeUnit dynamic = new AdministrativeUnit(AdminUnitId.of("de"), "Germany", Set.of(), Set.of(),
        MembershipRule.parse("user.country -eq \"DE\""), false);
    Directory before = people().adminUnit(dynamic).build();

    AdministrativeUnit assigned = dynamic.toAssigned(before);

    assertThat(assigned.isDynamic()).isFalse();
    assertThat(assigned.memberUsers()).containsExactly("anna", "bert");
    assertThat(assigned.id()).isEqualTo(dynamic.id());
    // The rule is no longer processed: a user who now matches it is not added, and groups may join.
    Directory after = Directory.builder(T).user(user("anna", "DE")).user(user("bert", "FR"))
        .user(user("carl", "DE"))
        .group(new Group(GroupId.of("sales"), "Sales", GroupKind.SECURITY, Set.of(), Set.of(), false))
        .adminUnit(new AdministrativeUnit(assigned.id(), assigned.name(), assigned.memberUsers(),
            Set.of(GroupId.of("sales")), null, assigned.restricted()))
        .build();
    assertThat(after.memberUsers(after.adminUnit("de").orElseThrow())).extracting(u -> u.id().value())
        .containsExactly("anna", "bert");
    assertThat(dynamic.toAssigned(before).toAssigned(before)).isEqualTo(assigned);
  }

  @Test
  void withRule_assignedAu_dropsItsListedMembersForTheRules() {
    AdministrativeUnit listed = new AdministrativeUnit(AdminUnitId.of("au"), "AU", Set.of("carl"),
        Set.of(GroupId.of("sales")), null, false);
    AdministrativeUnit dynamic = listed.withRule(MembershipRule.parse("user.country -eq \"DE\""));

    assertThat(dynamic.isDynamic()).isTrue();
    assertThat(dynamic.memberUsers()).isEmpty();
    assertThat(dynamic.memberGroups()).isEmpty();
    Directory d = people().adminUnit(dynamic).build();
    assertThat(d.memberUsers(dynamic)).extracting(u -> u.id().value()).containsExactly("anna", "bert");
  }
}
