package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.groups.spi.GroupAuthorizer;
import io.tenantry.groups.spi.IdentityGroupAuthorizer;
import io.tenantry.groups.spi.InMemoryGroupStore;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Group management authorized by identity's Authorizer: AU scoping, tenant-wide roles, isolation. */
class IdentityGroupAuthorizerTest {
  static final TenantId CONTOSO = TenantId.of("contoso");
  static final TenantId FABRIKAM = TenantId.of("fabrikam");
  static final LocalDate DAY = LocalDate.of(2026, 1, 1);

  final Authorizer identity = Authorizer.of(
      Directory.builder(CONTOSO)
          .user(User.member("sam", "sam@contoso.com"))
          .user(User.member("gail", "gail@contoso.com"))
          .group(new io.tenantry.identity.Group(GroupId.of("g-sales"), "Sales team",
              io.tenantry.identity.GroupKind.MICROSOFT365, Set.of(), Set.of(), false))
          .group(new io.tenantry.identity.Group(GroupId.of("g-hr"), "HR team",
              io.tenantry.identity.GroupKind.MICROSOFT365, Set.of(), Set.of(), false))
          .adminUnit(new AdministrativeUnit(AdminUnitId.of("au-sales"), "Sales", Set.of(),
              Set.of(GroupId.of("g-sales")), null, false))
          .assign(new RoleAssignment("sam", BuiltInRoles.GROUPS_ADMINISTRATOR,
              Scope.parse("/administrativeUnits/au-sales")))
          .assign(new RoleAssignment("gail", BuiltInRoles.GROUPS_ADMINISTRATOR, Scope.parse("/")))
          .build(),
      Directory.builder(FABRIKAM).user(User.member("fred", "fred@fabrikam.com")).build());
  final InMemoryGroupStore store = new InMemoryGroupStore();
  final GroupService service = GroupService.builder().store(store)
      .authorizer(IdentityGroupAuthorizer.over(identity))
      .clock(java.time.InstantSource.fixed(DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
      .build();

  void seed(TenantId tenant, String id) {
    store.put(tenant, new GroupState(Group.of(GroupId.of(id), id, GroupKind.MICROSOFT_365, DAY)
        .withOwners(List.of(UserId.of("owner"))), new LifecycleStatus.Active(DAY, null)));
  }

  @Test
  void delete_auScopedGroupsAdministrator_managesOnlyItsAusGroups() {
    seed(CONTOSO, "g-sales");
    seed(CONTOSO, "g-hr");

    assertThat(service.delete(CONTOSO, UserId.of("sam"), GroupId.of("g-sales")).isLive()).isFalse();
    assertThatThrownBy(() -> service.delete(CONTOSO, UserId.of("sam"), GroupId.of("g-hr")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(store.find(CONTOSO, GroupId.of("g-hr")).orElseThrow().isLive()).isTrue();
  }

  @Test
  void restoreAndPurge_tenantWideGroupsAdministrator_areAllowed() {
    seed(CONTOSO, "g-hr");
    service.delete(CONTOSO, UserId.of("gail"), GroupId.of("g-hr"));

    assertThat(service.restore(CONTOSO, UserId.of("gail"), GroupId.of("g-hr"), RestoreOptions.STRICT)
        .isLive()).isTrue();
    service.delete(CONTOSO, UserId.of("gail"), GroupId.of("g-hr"));
    assertThat(service.purge(CONTOSO, UserId.of("gail"), GroupId.of("g-hr")).isLive()).isFalse();
  }

  @Test
  void authorize_adminOfAnotherTenant_isDenied() {
    seed(CONTOSO, "g-hr");
    GroupAuthorizer.Verdict v = IdentityGroupAuthorizer.over(identity)
        .authorize(CONTOSO, UserId.of("fred"), GroupOperation.DELETE, GroupId.of("g-hr"));

    assertThat(v.allowed()).isFalse();
  }
}
