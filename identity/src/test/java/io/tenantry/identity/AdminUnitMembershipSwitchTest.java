package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Switching an AU's membership type ({@code directory-semantics.md} §1.2): Dynamic to Assigned stops
 * the rule and keeps the current members, after which groups may be added; Assigned to Dynamic lets
 * the rule decide the members. Pausing a dynamic AU's rule processing keeps the rule and its
 * members at the pause; resuming lets the rule decide again.
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

  private static final AdministrativeUnit GERMANY = new AdministrativeUnit(AdminUnitId.of("de"), "Germany",
      Set.of(), Set.of(), MembershipRule.parse("user.country -eq \"DE\""), false);

  /** The same people later: anna moved to France, carl to Germany, bert stayed; and an admin, pat. */
  private static Directory.Builder moved() {
    return Directory.builder(T).user(user("anna", "FR")).user(user("bert", "DE")).user(user("carl", "DE"))
        .user(User.member("pat", "pat@t.example"));
  }

  @Test
  void paused_keepsTheMembersAtThePause_whateverTheAttributesBecome() {
    AdministrativeUnit paused = GERMANY.paused(people().adminUnit(GERMANY).build());

    assertThat(paused.isDynamic()).isTrue();
    assertThat(paused.isPaused()).isTrue();
    assertThat(paused.processing()).isEqualTo(RuleProcessingState.PAUSED);
    assertThat(paused.rule()).isEqualTo(GERMANY.rule());
    assertThat(paused.memberUsers()).containsExactly("anna", "bert");
    Directory later = moved().adminUnit(paused)
        .assign(new RoleAssignment("pat", BuiltInRoles.USER_ADMINISTRATOR, Scope.parse("/administrativeUnits/de")))
        .build();
    assertThat(later.memberUsers(paused)).extracting(u -> u.id().value()).containsExactly("anna", "bert");
    Authorizer az = Authorizer.of(later);
    Permission reset = Permission.parse("microsoft.directory/users/password/update");
    assertThat(az.allows(T, "pat", reset, "anna")).isTrue();
    assertThat(az.allows(T, "pat", reset, "carl")).isFalse();
    // still dynamic: no manual member changes, even by a Global Administrator
    Directory withGa = moved().adminUnit(paused)
        .assign(new RoleAssignment("pat", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT)).build();
    assertThat(Authorizer.of(withGa).allows(T, "pat",
        Permission.parse("microsoft.directory/administrativeUnits/members/update"), "de")).isFalse();
  }

  @Test
  void resumed_letsTheRuleDecideAgain_andToAssignedKeepsThePausedMembers() {
    AdministrativeUnit paused = GERMANY.paused(people().adminUnit(GERMANY).build());
    Directory later = moved().adminUnit(paused).build();

    AdministrativeUnit resumed = paused.resumed();

    assertThat(resumed).isEqualTo(GERMANY);
    assertThat(later.memberUsers(resumed)).extracting(u -> u.id().value()).containsExactly("bert", "carl");
    assertThat(paused.toAssigned(later).memberUsers()).containsExactly("anna", "bert");
    assertThat(paused.paused(later)).isSameAs(paused);
    assertThat(GERMANY.resumed()).isSameAs(GERMANY);
  }

  @Test
  void paused_assignedAu_isRefused() {
    AdministrativeUnit listed = new AdministrativeUnit(AdminUnitId.of("au"), "AU", Set.of("carl"), Set.of(), null,
        false);

    assertThatThrownBy(() -> listed.paused(people().adminUnit(listed).build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("au").hasMessageContaining("assigned");
    assertThat(listed.resumed()).isSameAs(listed);
  }

  @Test
  void build_refusesAPausedAssignedAu_andAPausedAuListingGroups() {
    AdministrativeUnit pausedAssigned = new AdministrativeUnit(AdminUnitId.of("au"), "AU", Set.of("carl"),
        Set.of(), null, false, RuleProcessingState.PAUSED);
    AdministrativeUnit pausedWithGroup = new AdministrativeUnit(AdminUnitId.of("de"), "DE", Set.of("anna"),
        Set.of(GroupId.of("sales")), GERMANY.rule(), false, RuleProcessingState.PAUSED);

    assertThatThrownBy(() -> people().adminUnit(pausedAssigned).adminUnit(pausedWithGroup).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly("adminUnits[0].processingState", "adminUnits[1].groups"));
  }

  @Test
  void processingState_readsGraphsValuesInAnyCase() {
    assertThat(RuleProcessingState.parse("Paused")).isEqualTo(RuleProcessingState.PAUSED);
    assertThat(RuleProcessingState.parse(" on ")).isEqualTo(RuleProcessingState.ON);
    assertThat(RuleProcessingState.PAUSED.graphValue()).isEqualTo("Paused");
    assertThatThrownBy(() -> RuleProcessingState.parse("Off")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Off'");
  }
}
