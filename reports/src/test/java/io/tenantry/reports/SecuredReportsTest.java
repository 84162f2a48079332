package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecuredReportsTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private static final Authorizer AUTHORIZER = Authorizer.of(
      Directory.builder(CONTOSO)
          .user(User.member("dave", "dave@contoso.com"))
          .user(User.member("gwen", "gwen@contoso.com"))
          .user(User.member("ursula", "ursula@contoso.com"))
          .user(User.member("nobody", "nobody@contoso.com"))
          .assign(new RoleAssignment("dave", BuiltInRoles.REPORTS_READER, Scope.parse("/")))
          .assign(new RoleAssignment("gwen", BuiltInRoles.GLOBAL_READER, Scope.parse("/")))
          .assign(new RoleAssignment("ursula", BuiltInRoles.USAGE_SUMMARY_REPORTS_READER,
              Scope.parse("/")))
          .build(),
      Directory.builder(FABRIKAM)
          .user(User.member("mallory", "mallory@fabrikam.com"))
          .assign(new RoleAssignment("mallory", BuiltInRoles.GLOBAL_ADMINISTRATOR,
              Scope.parse("/")))
          .build());

  private static ReportInput input(TenantId tenant) {
    UserDirectory users = UserDirectory.of(tenant, List.of(
        DirectoryUser.builder("u1", "alice@" + tenant + ".com").build()));
    GroupDirectory groups = GroupDirectory.empty(tenant);
    ReportWindow w = ReportWindow.period(LocalDate.of(2026, 6, 30), Period.D7);
    return new ReportInput(users, groups, ActivityAggregator.of(users, groups, w).build(),
        tenant.value(), null);
  }

  @Test
  void reportsReader_readsDetailAndCounts() {
    SecuredReports reports = SecuredReports.over(AUTHORIZER);
    assertThat(reports.render(CONTOSO, "dave", ReportFunction.GET_EMAIL_ACTIVITY_USER_DETAIL,
        input(CONTOSO)).function()).isEqualTo(ReportFunction.GET_EMAIL_ACTIVITY_USER_DETAIL);
    assertThat(reports.mayRead(CONTOSO, "dave", ReportFunction.GET_EMAIL_ACTIVITY_COUNTS))
        .isTrue();
  }

  @Test
  void aggregateOnlyRoles_getCountsButNoDetail() {
    SecuredReports reports = SecuredReports.over(AUTHORIZER);
    for (String who : List.of("gwen", "ursula")) {
      assertThat(reports.render(CONTOSO, who, ReportFunction.GET_OFFICE365_ACTIVE_USER_COUNTS,
          input(CONTOSO)).rows()).hasSize(7);
      assertThatThrownBy(() -> reports.render(CONTOSO, who,
          ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL, input(CONTOSO)))
          .isInstanceOf(AccessDeniedException.class).hasMessageContaining("full report reader");
      assertThat(reports.mayRead(CONTOSO, who, ReportFunction.GET_YAMMER_GROUPS_ACTIVITY_DETAIL))
          .isFalse();
    }
  }

  @Test
  void noRoleOrOtherTenant_isDenied() {
    SecuredReports reports = SecuredReports.over(AUTHORIZER);
    assertThat(reports.mayRead(CONTOSO, "nobody", ReportFunction.GET_EMAIL_ACTIVITY_COUNTS))
        .isFalse();
    assertThat(reports.mayRead(CONTOSO, "mallory", ReportFunction.GET_EMAIL_ACTIVITY_COUNTS))
        .isFalse();
    assertThatThrownBy(() -> reports.render(FABRIKAM, "mallory",
        ReportFunction.GET_EMAIL_ACTIVITY_COUNTS, input(CONTOSO)))
        .isInstanceOf(AccessDeniedException.class);
  }
}
