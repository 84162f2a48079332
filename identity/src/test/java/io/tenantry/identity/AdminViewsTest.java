package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each principal sees in the admin center and may read in usage reports, derived from the
 * role contents of {@code directory-semantics.md} §2.3, the AU rules of §1.4 and §1.6, and the report
 * roles of {@code graph-reports.md} §2.1; and the reverse query "which users may this admin manage".
 */
class AdminViewsTest {
  private static final TenantId T = TenantId.of("t");
  private static final TenantId OTHER = TenantId.of("other");
  private static final String RESET = "microsoft.directory/users/password/update";

  private static RoleAssignment at(String who, RoleId role, String scope) {
    return new RoleAssignment(who, role, Scope.parse(scope));
  }

  private static Authorizer authorizer() {
    Directory.Builder b = Directory.builder(T)
        .user(User.member("plain", "plain@t.example"))
        .user(User.member("member1", "member1@t.example"))
        .user(User.member("boss", "boss@t.example"))
        .user(User.member("vip", "vip@t.example"))
        .user(new User(UserId.of("gst"), "gst@partner.example", UserType.GUEST, Map.of(), true, null))
        .user(new User(UserId.of("gstadmin"), "gstadmin@partner.example", UserType.GUEST, Map.of(), true, null))
        .user(new User(UserId.of("gone"), "gone@t.example", UserType.MEMBER, Map.of(), true,
            LocalDate.of(2026, 1, 2)))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("au1"), "au1", Set.of("member1", "boss", "gst"),
            Set.of(), null, false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("rmau"), "rmau", Set.of("vip"), Set.of(), null, true))
        .assign(at("boss", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/"))
        .assign(at("gone", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/"))
        .assign(at("gstadmin", BuiltInRoles.USER_ADMINISTRATOR, "/administrativeUnits/au1"));
    String[][] roles = {
        {"rr", "Reports Reader"}, {"usrr", "Usage Summary Reports Reader"}, {"ssa", "Service Support Administrator"},
        {"mcr", "Message Center Reader"}, {"pwd", "Password Administrator"}, {"help", "Helpdesk Administrator"},
        {"gi", "Guest Inviter"}, {"gr", "Global Reader"}, {"lic", "License Administrator"},
        {"pra", "Privileged Role Administrator"}, {"gadm", "Groups Administrator"}, {"ua", "User Administrator"},
        {"uxsm", "User Experience Success Manager"}, {"exo", "Exchange Administrator"},
        {"spo", "SharePoint Administrator"}, {"teams", "Teams Administrator"}};
    for (String[] r : roles) {
      b.user(User.member(r[0], r[0] + "@t.example"));
      b.assign(at(r[0], BuiltInRoles.byName(r[1]).orElseThrow().id(), "/"));
    }
    for (String who : List.of("au-help", "au-gadm", "au-teams")) {
      b.user(User.member(who, who + "@t.example"));
    }
    b.assign(at("au-help", BuiltInRoles.HELPDESK_ADMINISTRATOR, "/administrativeUnits/au1"))
        .assign(at("au-gadm", BuiltInRoles.GROUPS_ADMINISTRATOR, "/administrativeUnits/au1"))
        .assign(at("au-teams", BuiltInRoles.TEAMS_ADMINISTRATOR, "/administrativeUnits/au1"))
        .assign(at("rrgr", BuiltInRoles.REPORTS_READER, "/"))
        .assign(at("rrgr", BuiltInRoles.GLOBAL_READER, "/"))
        .user(User.member("rrgr", "rrgr@t.example"));
    Directory other = Directory.builder(OTHER).user(User.member("mallory", "mallory@other.example"))
        .assign(at("mallory", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/")).build();
    return Authorizer.of(b.build(), other);
  }

  @Test
  void adminCenterAreas_readerAndSupportRoles_openOnlyTheirOwnArea() {
    Authorizer az = authorizer();
    assertThat(az.adminCenterAreas(T, "rr")).containsExactly(AdminCenterArea.USAGE_REPORTS);
    assertThat(az.adminCenterAreas(T, "usrr")).containsExactly(AdminCenterArea.USAGE_REPORTS);
    assertThat(az.adminCenterAreas(T, "ssa")).containsExactly(AdminCenterArea.SERVICE_HEALTH);
    assertThat(az.adminCenterAreas(T, "mcr")).containsExactly(AdminCenterArea.MESSAGE_CENTER);
    assertThat(az.adminCenterAreas(T, "pwd")).containsExactly(AdminCenterArea.USERS);
    assertThat(az.adminCenterAreas(T, "gi")).containsExactly(AdminCenterArea.USERS);
    assertThat(az.adminCenterAreas(T, "help"))
        .containsExactlyInAnyOrder(AdminCenterArea.USERS, AdminCenterArea.SERVICE_HEALTH);
  }

  @Test
  void adminCenterAreas_managementRoles_openTheAreasOfTheirActions() {
    Authorizer az = authorizer();
    assertThat(az.adminCenterAreas(T, "gr")).contains(AdminCenterArea.USERS, AdminCenterArea.GROUPS,
        AdminCenterArea.DOMAINS, AdminCenterArea.ROLES, AdminCenterArea.USAGE_REPORTS,
        AdminCenterArea.MESSAGE_CENTER, AdminCenterArea.SETTINGS);
    assertThat(az.adminCenterAreas(T, "lic")).contains(AdminCenterArea.USERS, AdminCenterArea.GROUPS)
        .doesNotContain(AdminCenterArea.DOMAINS, AdminCenterArea.ROLES, AdminCenterArea.BILLING,
            AdminCenterArea.USAGE_REPORTS);
    assertThat(az.adminCenterAreas(T, "pra")).contains(AdminCenterArea.ROLES)
        .doesNotContain(AdminCenterArea.USERS, AdminCenterArea.DOMAINS, AdminCenterArea.BILLING);
    assertThat(az.adminCenterAreas(T, "gadm")).contains(AdminCenterArea.GROUPS)
        .doesNotContain(AdminCenterArea.USERS, AdminCenterArea.DOMAINS, AdminCenterArea.ROLES);
    assertThat(az.adminCenterAreas(T, "ua")).contains(AdminCenterArea.USERS, AdminCenterArea.GROUPS)
        .doesNotContain(AdminCenterArea.DOMAINS, AdminCenterArea.ROLES, AdminCenterArea.BILLING);
    assertThat(az.adminCenterAreas(T, "boss")).containsExactlyInAnyOrder(AdminCenterArea.values());
  }

  @Test
  void adminCenterAreas_auScopedOrUnusable_openNoOrganizationArea() {
    Authorizer az = authorizer();
    assertThat(az.adminCenterAreas(T, "au-help")).containsExactly(AdminCenterArea.USERS);
    assertThat(az.adminCenterAreas(T, "au-gadm")).containsExactly(AdminCenterArea.GROUPS);
    assertThat(az.adminCenterAreas(T, "au-teams")).doesNotContain(AdminCenterArea.USAGE_REPORTS,
        AdminCenterArea.SERVICE_HEALTH, AdminCenterArea.SETTINGS, AdminCenterArea.MESSAGE_CENTER);
    assertThat(az.adminCenterAreas(T, "gstadmin")).isEmpty();
    assertThat(az.adminCenterAreas(T, "gone")).isEmpty();
    assertThat(az.adminCenterAreas(T, "plain")).isEmpty();
    assertThat(az.adminCenterAreas(T, "mallory")).isEmpty();
  }

  @Test
  void reportAccess_followsTheReportRolesOfGraphReports() {
    Authorizer az = authorizer();
    for (String who : List.of("rr", "exo", "spo", "teams", "boss", "rrgr")) {
      assertThat(az.reportAccess(T, who)).as(who).isEqualTo(ReportAccess.DETAIL);
    }
    for (String who : List.of("usrr", "gr", "uxsm")) {
      assertThat(az.reportAccess(T, who)).as(who).isEqualTo(ReportAccess.AGGREGATE);
    }
    for (String who : List.of("help", "ua", "au-teams", "gone", "plain", "mallory")) {
      assertThat(az.reportAccess(T, who)).as(who).isEqualTo(ReportAccess.NONE);
    }
  }

  @Test
  void userList_scopedAdminsSeeTheirMembersAndGuestsAreMarked() {
    Authorizer az = authorizer();
    assertThat(az.userList(T, "au-help")).extracting(l -> l.id().value() + ":" + l.isGuest())
        .containsExactlyInAnyOrder("member1:false", "boss:false", "gst:true");
    assertThat(az.userList(T, "ua")).extracting(l -> l.id().value()).contains("plain", "vip", "gst", "boss")
        .doesNotContain("gone");
    assertThat(az.userList(T, "rr")).isEmpty();
    assertThat(az.userList(T, "mallory")).isEmpty();
  }

  @Test
  void userList_byType_splitsActiveUsersFromGuestUsers() {
    // 9.8: the "Active users" view holds members, a separate "Guest users" view holds guests (§4.6).
    Authorizer az = authorizer();
    List<UserListing> all = az.userList(T, "ua");
    List<UserListing> active = az.userList(T, "ua", UserType.MEMBER);
    List<UserListing> guests = az.userList(T, "ua", UserType.GUEST);
    assertThat(active).isNotEmpty().allMatch(l -> !l.isGuest());
    assertThat(guests).extracting(l -> l.id().value()).containsExactly("gst", "gstadmin");
    assertThat(active.size() + guests.size()).isEqualTo(all.size());
    assertThat(az.userList(T, "au-help", UserType.GUEST)).extracting(l -> l.id().value()).containsExactly("gst");
    assertThat(az.userList(T, "mallory", UserType.MEMBER)).isEmpty();
  }

  @Test
  void manageableUsers_isEveryUserTheAuthorizerAllows() {
    Authorizer az = authorizer();
    Permission reset = Permission.parse(RESET);
    List<String> everyone = az.userList(T, "ua").stream().map(l -> l.id().value()).toList();
    for (String admin : List.of("ua", "help", "pwd", "au-help", "boss", "gstadmin", "rr", "gone")) {
      List<String> expected = new ArrayList<>();
      for (String u : everyone) {
        if (az.allows(T, admin, reset, u)) {
          expected.add(u);
        }
      }
      assertThat(az.manageableUsers(T, admin, reset)).extracting(UserId::value).as(admin)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(az.manageableUsers(T, "au-help", reset)).extracting(UserId::value)
        .containsExactlyInAnyOrder("member1", "gst");
    assertThat(az.manageableUsers(T, "ua", reset)).extracting(UserId::value)
        .contains("plain", "member1", "gst").doesNotContain("boss", "vip", "gone");
    assertThat(az.manageableUsers(T, "boss", reset)).extracting(UserId::value).contains("plain", "ua")
        .doesNotContain("vip", "gone");
    assertThat(az.manageableUsers(OTHER, "boss", reset)).isEmpty();
    assertThat(az.manageableUsers(T, "mallory", reset)).isEmpty();
  }
}
