package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.RoleId;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInRolesTest {

  private static boolean grants(RoleId role, String action) {
    return BuiltInRoles.get(role).grants(Permission.parse(action));
  }

  @Test
  void all_roles_haveUniqueIdsAndNames() {
    List<RoleDefinition> all = BuiltInRoles.all();
    assertThat(new HashSet<>(all.stream().map(RoleDefinition::id).toList())).hasSize(all.size());
    assertThat(new HashSet<>(all.stream().map(r -> r.name().toLowerCase()).toList())).hasSize(all.size());
  }

  @Test
  void byName_specTemplateIds_match() {
    // Template ids from directory-semantics.md §2.3.
    assertThat(BuiltInRoles.byName("Global Administrator").orElseThrow().id().value())
        .isEqualTo("62e90394-69f5-4237-9190-012177145e10");
    assertThat(BuiltInRoles.byName("helpdesk administrator").orElseThrow().id().value())
        .isEqualTo("729827e3-9c14-49f7-bb1b-9608f156bbb8");
    assertThat(BuiltInRoles.byName("Privileged Authentication Administrator").orElseThrow().id().value())
        .isEqualTo("7be44c8a-adaf-4e2a-84d6-ab2649e08a13");
    assertThat(BuiltInRoles.byName("Usage Summary Reports Reader").orElseThrow().id().value())
        .isEqualTo("75934031-6c7e-415a-99d7-48dbd49e875e");
    assertThat(BuiltInRoles.byName("No Such Role")).isEmpty();
  }

  @Test
  void auAssignable_matchesSectionOnePointFour() {
    List<String> au = List.of("Authentication Administrator", "Cloud Device Administrator", "Groups Administrator",
        "Helpdesk Administrator", "License Administrator", "Password Administrator", "Printer Administrator",
        "Privileged Authentication Administrator", "SharePoint Administrator", "Teams Administrator",
        "Teams Devices Administrator", "User Administrator");
    for (RoleDefinition r : BuiltInRoles.all()) {
      assertThat(r.auAssignable()).as(r.name()).isEqualTo(au.contains(r.name()));
    }
  }

  @Test
  void isPrivileged_matchesMicrosoftsLabelForEveryBuiltInRole() {
    // The roles Microsoft's permissions reference labels PRIVILEGED, among those Tenantry models.
    List<String> privileged = List.of("Global Administrator", "Global Reader", "User Administrator",
        "Helpdesk Administrator", "Password Administrator", "Privileged Role Administrator",
        "Authentication Administrator", "Privileged Authentication Administrator", "Cloud Device Administrator",
        "Domain Name Administrator");
    for (RoleDefinition r : BuiltInRoles.all()) {
      assertThat(r.isPrivileged()).as(r.name()).isEqualTo(privileged.contains(r.name()));
    }
    assertThat(BuiltInRoles.all()).extracting(RoleDefinition::name).containsAll(privileged);
  }

  @Test
  void isPrivileged_permission_labelledOrCoveringOne() {
    assertThat(Permission.parse("microsoft.directory/users/password/update").isPrivileged()).isTrue();
    assertThat(Permission.parse("microsoft.directory/bitlockerKeys/key/read").isPrivileged()).isTrue();
    // a wildcard reaching a labelled action is privileged too
    assertThat(Permission.parse("microsoft.directory/users/allProperties/update").isPrivileged()).isTrue();
    assertThat(Permission.parse("microsoft.directory/allEntities/allProperties/allTasks").isPrivileged()).isTrue();
    // basic and standard sets exclude privileged properties; other namespaces have no labels
    assertThat(Permission.parse("microsoft.directory/users/basic/update").isPrivileged()).isFalse();
    assertThat(Permission.parse("microsoft.directory/users/standard/read").isPrivileged()).isFalse();
    assertThat(Permission.parse("microsoft.directory/deviceLocalCredentials/password/read").isPrivileged()).isFalse();
    assertThat(Permission.parse("microsoft.office365.usageReports/allEntities/allProperties/read").isPrivileged())
        .isFalse();
    assertThat(BuiltInRoles.privilegedActions()).allMatch(Permission::isPrivileged);
  }

  @Test
  void isPrivileged_customRole_whenAnyPermissionIs() {
    RoleDefinition plain = RoleDefinition.custom(RoleId.of("c1"), "Plain",
        List.of(Permission.parse("microsoft.directory/users/basic/update"),
            Permission.parse("microsoft.directory/groups/members/update")));
    RoleDefinition resetter = RoleDefinition.custom(RoleId.of("c2"), "Resetter",
        List.of(Permission.parse("microsoft.directory/users/basic/update"),
            Permission.parse("microsoft.directory/users/password/update")));
    assertThat(plain.isPrivileged()).isFalse();
    assertThat(resetter.isPrivileged()).isTrue();
  }

  @Test
  void privilegedAssignments_listsThoseOfPrivilegedRoles() {
    io.tenantry.core.TenantId t = io.tenantry.core.TenantId.of("contoso");
    RoleDefinition resetter = RoleDefinition.custom(RoleId.of("c2"), "Resetter",
        List.of(Permission.parse("microsoft.directory/users/password/update")));
    RoleAssignment ga = new RoleAssignment("ann", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT);
    RoleAssignment reader = new RoleAssignment("bob", BuiltInRoles.REPORTS_READER, Scope.TENANT);
    RoleAssignment custom = new RoleAssignment("bob", resetter.id(), Scope.TENANT);
    Directory d = Directory.builder(t).customRole(resetter)
        .user(User.member("ann", "ann@contoso.com")).user(User.member("bob", "bob@contoso.com"))
        .assign(ga).assign(reader).assign(custom).build();
    assertThat(d.privilegedAssignments()).containsExactly(ga, custom);
  }

  @Test
  void passwordAdministrator_grantsOnlyPasswordResetAndPortalRead() {
    assertThat(grants(BuiltInRoles.PASSWORD_ADMINISTRATOR, "microsoft.directory/users/password/update")).isTrue();
    assertThat(grants(BuiltInRoles.PASSWORD_ADMINISTRATOR, "microsoft.directory/users/invalidateAllRefreshTokens"))
        .isFalse();
    assertThat(grants(BuiltInRoles.PASSWORD_ADMINISTRATOR, "microsoft.office365.serviceHealth/allEntities/allTasks"))
        .isFalse();
  }

  @Test
  void globalReader_readsButNeverWrites() {
    assertThat(grants(BuiltInRoles.GLOBAL_READER, "microsoft.directory/users/standard/read")).isTrue();
    assertThat(grants(BuiltInRoles.GLOBAL_READER, "microsoft.directory/users/password/update")).isFalse();
    for (Permission p : BuiltInRoles.get(BuiltInRoles.GLOBAL_READER).permissions()) {
      if (!p.namespace().endsWith("serviceHealth")) {
        assertThat(p.isRead() || p.action().equals("getAvailableExtentionProperties")).as(p.toString()).isTrue();
      }
    }
  }

  @Test
  void globalAdministrator_grantsDirectoryAndWorkloads() {
    assertThat(grants(BuiltInRoles.GLOBAL_ADMINISTRATOR, "microsoft.directory/users/password/update")).isTrue();
    assertThat(grants(BuiltInRoles.GLOBAL_ADMINISTRATOR,
        "microsoft.office365.usageReports/allEntities/allProperties/read")).isTrue();
    assertThat(grants(BuiltInRoles.GLOBAL_ADMINISTRATOR, "microsoft.directory/groupsAssignableToRoles/create"))
        .isTrue();
  }

  @Test
  void reportReaders_splitIntoDetailAndAggregate() {
    assertThat(BuiltInRoles.reportAccess(BuiltInRoles.REPORTS_READER)).isEqualTo(ReportAccess.DETAIL);
    assertThat(BuiltInRoles.reportAccess(BuiltInRoles.GLOBAL_READER)).isEqualTo(ReportAccess.AGGREGATE);
    assertThat(BuiltInRoles.reportAccess(BuiltInRoles.USAGE_SUMMARY_REPORTS_READER))
        .isEqualTo(ReportAccess.AGGREGATE);
    assertThat(BuiltInRoles.reportAccess(BuiltInRoles.HELPDESK_ADMINISTRATOR)).isEqualTo(ReportAccess.NONE);
    assertThat(grants(BuiltInRoles.USAGE_SUMMARY_REPORTS_READER,
        "microsoft.office365.usageReports/allEntities/allProperties/read")).isFalse();
  }

  @Test
  void customRole_withoutUserGroupOrDevicePermission_isNotAuAssignable() {
    RoleDefinition reader = RoleDefinition.custom(RoleId.of("r"), "Readers",
        List.of(Permission.parse("microsoft.directory/applications/standard/read")));
    RoleDefinition pw = RoleDefinition.custom(RoleId.of("pw"), "Password",
        List.of(Permission.parse("microsoft.directory/users/password/update")));
    assertThat(reader.auAssignable()).isFalse();
    assertThat(pw.auAssignable()).isTrue();
  }
}
