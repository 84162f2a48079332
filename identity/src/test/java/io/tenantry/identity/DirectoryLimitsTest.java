package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryLimitsTest {
  private static final TenantId T = TenantId.of("t");

  private static List<String> messages(Directory.Builder b) {
    try {
      b.build();
      return List.of();
    } catch (ValidationException e) {
      return e.problems().stream().map(Problem::message).toList();
    }
  }

  @Test
  void objectInMoreThanThirtyAdminUnits_isRefused() {
    Directory.Builder b = Directory.builder(T).user(User.member("u", "u@t"));
    for (int i = 0; i < 31; i++) {
      b.adminUnit(new AdministrativeUnit(AdminUnitId.of("a" + i), "a" + i, Set.of("u"), Set.of(), null, false));
    }
    assertThat(messages(b)).singleElement().asString().contains("31 administrative units").contains("30");
  }

  @Test
  void moreRestrictedAdminUnitsThanTheLimit_isRefused() {
    Directory.Builder b = Directory.builder(T).limits(new TenantLimits(30, 2, 100, 150, 100, 500));
    for (int i = 0; i < 3; i++) {
      b.adminUnit(new AdministrativeUnit(AdminUnitId.of("r" + i), "r" + i, Set.of(), Set.of(), null, true));
    }
    assertThat(messages(b)).singleElement().asString().contains("at most 2 restricted");
  }

  @Test
  void dynamicAdminUnits_beyondTheDefaultCap_areRefused() {
    assertThat(TenantLimits.MICROSOFT.maxDynamicGroupsAndAUs()).isEqualTo(15_000);
    Directory.Builder b = Directory.builder(T).user(User.member("u", "u@t"));
    MembershipRule rule = MembershipRule.parse("user.department -eq \"x\"");
    for (int i = 0; i < 15_000; i++) {
      b.adminUnit(new AdministrativeUnit(AdminUnitId.of("d" + i), "d" + i, Set.of(), Set.of(), rule, false));
    }
    b.adminUnit(new AdministrativeUnit(AdminUnitId.of("assigned"), "assigned", Set.of("u"), Set.of(), null, false));
    assertThat(b.build().adminUnits()).hasSize(15_001);
    b.adminUnit(new AdministrativeUnit(AdminUnitId.of("d15000"), "d15000", Set.of(), Set.of(), rule, false));
    assertThat(messages(b)).singleElement().asString().contains("at most 15000 dynamic groups")
        .contains("15001 dynamic administrative units");
  }

  @Test
  void dynamicAdminUnits_beyondAConfiguredCap_areRefused() {
    Directory.Builder b = Directory.builder(T)
        .limits(TenantLimits.MICROSOFT.withMaxDynamicGroupsAndAUs(2));
    MembershipRule rule = MembershipRule.parse("user.department -eq \"x\"");
    for (int i = 0; i < 3; i++) {
      b.adminUnit(new AdministrativeUnit(AdminUnitId.of("d" + i), "d" + i, Set.of(), Set.of(), rule, false));
    }
    assertThat(messages(b)).singleElement().asString().contains("at most 2 dynamic");
    assertThatThrownBy(() -> TenantLimits.MICROSOFT.withMaxDynamicGroupsAndAUs(0))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void tooManyCustomRolesAndAssignments_areRefused() {
    Directory.Builder b = Directory.builder(T).user(User.member("u", "u@t"))
        .limits(new TenantLimits(30, 100, 2, 2, 100, 500));
    for (int i = 0; i < 3; i++) {
      RoleDefinition r = RoleDefinition.custom(RoleId.of("c" + i), "c" + i,
          List.of(Permission.parse("microsoft.directory/users/basic/update")));
      b.customRole(r).assign(new RoleAssignment("u", r.id(), Scope.TENANT));
    }
    assertThat(messages(b)).hasSize(2).anySatisfy(m -> assertThat(m).contains("at most 2 custom roles"))
        .anySatisfy(m -> assertThat(m).contains("3 custom role assignments"));
  }

  @Test
  void microsoftLimits_atTheirValues_areAcceptedAndOneMoreIsRefused() {
    // §1.8 and §2.5: 100 built-in assignments per principal at AU or object scope (none at tenant
    // scope), 150 custom-role assignments per principal at any scope, 100 custom roles, 500
    // role-assignable groups (§2.4).
    Directory.Builder b = Directory.builder(T).user(User.member("u", "u@t")).user(User.member("v", "v@t"));
    for (int i = 0; i < 150; i++) {
      b.adminUnit(new AdministrativeUnit(AdminUnitId.of("a" + i), "a" + i, Set.of(), Set.of(), null, false));
    }
    for (int i = 0; i < 100; i++) {
      b.assign(new RoleAssignment("u", BuiltInRoles.HELPDESK_ADMINISTRATOR, Scope.parse("/administrativeUnits/a" + i)));
      RoleDefinition r = RoleDefinition.custom(RoleId.of("c" + i), "c" + i,
          List.of(Permission.parse("microsoft.directory/users/basic/update")));
      b.customRole(r);
    }
    for (RoleDefinition r : BuiltInRoles.all()) {
      b.assign(new RoleAssignment("u", r.id(), Scope.TENANT));
    }
    for (int i = 0; i < 150; i++) {
      b.assign(new RoleAssignment("v", RoleId.of("c" + (i % 100)), Scope.parse("/administrativeUnits/a" + i)));
    }
    for (int i = 0; i < 500; i++) {
      b.group(new Group(GroupId.of("g" + i), "g" + i, GroupKind.SECURITY, Set.of(), Set.of(), true));
    }
    assertThat(messages(b)).isEmpty();
    b.assign(new RoleAssignment("u", BuiltInRoles.HELPDESK_ADMINISTRATOR, Scope.parse("/administrativeUnits/a100")))
        .assign(new RoleAssignment("v", RoleId.of("c0"), Scope.TENANT))
        .customRole(RoleDefinition.custom(RoleId.of("c100"), "c100",
            List.of(Permission.parse("microsoft.directory/users/basic/update"))))
        .group(new Group(GroupId.of("g500"), "g500", GroupKind.SECURITY, Set.of(), Set.of(), true));
    assertThat(messages(b)).hasSize(4)
        .anySatisfy(m -> assertThat(m).contains("101 built-in role assignments at AU or object scope"))
        .anySatisfy(m -> assertThat(m).contains("151 custom role assignments"))
        .anySatisfy(m -> assertThat(m).contains("at most 100 custom roles"))
        .anySatisfy(m -> assertThat(m).contains("at most 500 role-assignable groups"));
  }

  @Test
  void duplicateIdsAndNestedAdminUnits_areRefused() {
    Directory.Builder b = Directory.builder(T).user(User.member("x", "x@t"))
        .group(new Group(GroupId.of("x"), "x", GroupKind.SECURITY, Set.of(), Set.of(), false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("outer"), "o", Set.of("inner"), Set.of(), null, false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("inner"), "i", Set.of(), Set.of(), null, false));
    assertThat(messages(b)).anySatisfy(m -> assertThat(m).contains("already used"))
        .anySatisfy(m -> assertThat(m).contains("cannot be nested"));
  }

  @Test
  void dynamicAdminUnitWithMembers_isRefused() {
    Directory.Builder b = Directory.builder(T).user(User.member("u", "u@t"))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("d"), "d", Set.of("u"), Set.of(),
            MembershipRule.parse("user.country -eq \"DE\""), false));
    assertThat(messages(b)).singleElement().asString().contains("dynamic");
  }

  @Test
  void limits_belowOne_areRefused() {
    assertThatThrownBy(() -> new TenantLimits(0, 1, 1, 1, 1, 1)).isInstanceOf(ValidationException.class);
  }
}
