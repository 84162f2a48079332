package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionTest {

  @Test
  void parse_fourSegments_splitsNamespaceEntityPropertySetAction() {
    Permission p = Permission.parse("microsoft.directory/users/password/update");
    assertThat(p.namespace()).isEqualTo("microsoft.directory");
    assertThat(p.entity()).isEqualTo("users");
    assertThat(p.propertySet()).isEqualTo("password");
    assertThat(p.action()).isEqualTo("update");
    assertThat(p).hasToString("microsoft.directory/users/password/update");
  }

  @Test
  void parse_threeSegments_hasEmptyPropertySet() {
    Permission p = Permission.parse("microsoft.directory/users/create");
    assertThat(p.propertySet()).isEmpty();
    assertThat(p).hasToString("microsoft.directory/users/create");
  }

  @Test
  void parse_manySegments_keepsSlashesInPropertySet() {
    Permission p = Permission.parse("microsoft.directory/crossTenantAccessPolicy/partners/templates/x/standard/read");
    assertThat(p.entity()).isEqualTo("crossTenantAccessPolicy");
    assertThat(p.propertySet()).isEqualTo("partners/templates/x/standard");
    assertThat(p.action()).isEqualTo("read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "microsoft.directory/users", "microsoft.directory//update", "directory/users/read",
      "microsoft./users/read", "microsoft.directory/users/password/", "microsoft.directory/us ers/read",
      "/microsoft.directory/users/read", "microsoft.directory/users//update",
      "microsoft.directory/users/password//update", "microsoft.directory/users//password/update"})
  void parse_outsideGrammar_isRefused(String text) {
    assertThatThrownBy(() -> Permission.parse(text)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("action");
    assertThat(Permission.isValid(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "microsoft.directory/users/password/update, microsoft.directory/users/password/update, true",
      "microsoft.directory/allEntities/allProperties/allTasks, microsoft.directory/users/create, true",
      "microsoft.directory/users/allProperties/allTasks, microsoft.directory/users/password/update, true",
      "microsoft.directory/users/allProperties/read, microsoft.directory/users/standard/read, true",
      "microsoft.directory/users/allProperties/read, microsoft.directory/users/password/update, false",
      "microsoft.directory/users/standard/read, microsoft.directory/users/password/read, false",
      "microsoft.directory/users/basic/update, microsoft.directory/users/userPrincipalName/update, false",
      "microsoft.directory/groups/members/update, microsoft.directory/groups.unified/members/update, false",
      "microsoft.directory/groups.unified/members/update, microsoft.directory/groups/members/update, false",
      "microsoft.directory/users/restore, microsoft.directory/deletedItems.users/restore, false",
      "microsoft.directory/users/allTasks, microsoft.directory/users/inviteGuest, true",
      "microsoft.directory/users/password/allTasks, microsoft.directory/users/password/resetCustom, true",
      "microsoft.office365.usageReports/allEntities/allProperties/read, microsoft.office365.usageReports/allEntities/standard/read, true",
      "microsoft.office365.usageReports/allEntities/standard/read, microsoft.office365.usageReports/allEntities/allProperties/read, false",
      "microsoft.directory/allEntities/allProperties/allTasks, microsoft.azure.serviceHealth/allEntities/allTasks, false"})
  void grants_followsRuleTwo(String grant, String request, boolean expected) {
    assertThat(Permission.parse(grant).grants(Permission.parse(request))).isEqualTo(expected);
  }

  @Test
  void isRead_readAndRestrictedRead_areReads() {
    assertThat(Permission.parse("microsoft.directory/users/standard/read").isRead()).isTrue();
    assertThat(Permission.parse("microsoft.directory/users/authenticationMethods/standard/restrictedRead").isRead())
        .isTrue();
    assertThat(Permission.parse("microsoft.directory/users/allProperties/allTasks").isRead()).isFalse();
  }
}
