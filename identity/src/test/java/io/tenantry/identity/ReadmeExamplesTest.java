package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.spi.InMemoryDirectoryStore;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the identity example of README.md ("Using identity as a library"). */
class ReadmeExamplesTest {

  @Test
  void readmeExample_helpdeskAtAu_resetsMemberPassword() {
    TenantId contoso = TenantId.of("contoso");
    Directory directory = Directory.builder(contoso)
        .user(User.member("alice", "alice@contoso.com"))
        .user(User.member("carol", "carol@contoso.com"))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("au-sales"), "Sales", Set.of("alice"), Set.of(),
            null, false))
        .assign(new RoleAssignment("carol", BuiltInRoles.HELPDESK_ADMINISTRATOR,
            Scope.parse("/administrativeUnits/au-sales")))
        .build();
    InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    store.put(directory);
    Authorizer authorizer = Authorizer.over(store);

    Decision d = authorizer.authorize(contoso, "carol", "microsoft.directory/users/password/update", "alice");
    assertThat(d.allowed()).isTrue();
    assertThat(d.decidedBy().roleId()).isEqualTo(BuiltInRoles.HELPDESK_ADMINISTRATOR);
    assertThat(authorizer.allows(contoso, "carol", Permission.parse("microsoft.directory/users/create"), null))
        .isFalse();
    assertThat(authorizer.explain(contoso, "carol", Permission.parse("microsoft.directory/users/delete"), "alice")
        .steps()).isNotEmpty().last().asString().startsWith("deny");
    assertThat(authorizer.visibleUsers(contoso, "carol")).containsExactly(UserId.of("alice"));
    assertThat(authorizer.manageableUsers(contoso, "carol",
        Permission.parse("microsoft.directory/users/password/update"))).containsExactly(UserId.of("alice"));
  }
}
