package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.RoleId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleCatalogTest {
  private final RoleDefinition pw = RoleDefinition.custom(RoleId.of("pw"), "Password resetters",
      List.of(Permission.parse("microsoft.directory/users/password/update")));
  private final RoleCatalog catalog = RoleCatalog.withCustomRoles(List.of(pw));

  @Test
  void resolve_builtInNamesAliasesCustomIdsNamesAndTemplateIds() {
    assertThat(catalog.resolve("user administrator")).contains(BuiltInRoles.get(BuiltInRoles.USER_ADMINISTRATOR));
    assertThat(catalog.resolve("Company Administrator")).contains(BuiltInRoles.get(BuiltInRoles.GLOBAL_ADMINISTRATOR));
    assertThat(catalog.resolve("pw")).contains(pw);
    assertThat(catalog.resolve("password RESETTERS")).contains(pw);
    assertThat(catalog.resolve("62e90394-69f5-4237-9190-012177145e10"))
        .contains(BuiltInRoles.get(BuiltInRoles.GLOBAL_ADMINISTRATOR));
    assertThat(catalog.resolve("Wizard")).isEmpty();
    assertThat(catalog.all()).hasSize(BuiltInRoles.all().size() + 1);
  }
}
