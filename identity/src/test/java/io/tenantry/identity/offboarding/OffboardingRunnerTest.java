package io.tenantry.identity.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Group;
import io.tenantry.core.GroupId;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import io.tenantry.identity.spi.InMemoryOffboardingProgressStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OffboardingRunnerTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final UserId LEAVER = UserId.of("leaver");

  private final List<OffboardingStep> performed = new ArrayList<>();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private InMemoryOffboardingProgressStore progress = new InMemoryOffboardingProgressStore();
  private final IdGenerator ids = IdGenerator.sequential();
  private OffboardingStep failOn;

  private Authorizer authorizer(boolean leaverIsAdmin) {
    Directory.Builder b = Directory.builder(T)
        .user(User.member("leaver", "leaver@contoso.com"))
        .user(User.member("ga", "ga@contoso.com"))
        .user(User.member("help", "help@contoso.com"))
        .assign(new RoleAssignment("ga", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT))
        .assign(new RoleAssignment("help", BuiltInRoles.HELPDESK_ADMINISTRATOR, Scope.TENANT));
    if (leaverIsAdmin) {
      b.assign(new RoleAssignment("leaver", BuiltInRoles.USER_ADMINISTRATOR, Scope.TENANT));
    }
    return Authorizer.of(b.build());
  }

  private OffboardingRunner runner(Authorizer az) {
    return new OffboardingRunner(az, (tenant, user, step, options) -> {
      if (step == failOn) {
        throw new PortFailureException("mail service unavailable", new IllegalStateException("503"));
      }
      performed.add(step);
    }, progress, audit, InstantSource.fixed(Instant.parse("2026-06-01T00:00:00Z")), ids);
  }

  @Test
  void plan_fullSequence_isInMicrosoftsOrder() {
    OffboardingPlan plan = OffboardingPlan.of(T, LEAVER, OffboardingOptions.deleteEverything());
    assertThat(plan.steps()).containsExactly(OffboardingStep.RESET_PASSWORD, OffboardingStep.SIGN_OUT,
        OffboardingStep.BLOCK_SIGN_IN, OffboardingStep.WIPE_DEVICES, OffboardingStep.REMOVE_LICENSES,
        OffboardingStep.DELETE_USER);
  }

  @Test
  void plan_sharedMailbox_keepsTheAccount_forwardingKeepsTheLicence() {
    OffboardingPlan shared = OffboardingPlan.of(T, LEAVER, new OffboardingOptions(
        OffboardingOptions.EmailContinuity.CONVERT_TO_SHARED, UserId.of("boss"), true, false, null, true));
    assertThat(shared.steps()).doesNotContain(OffboardingStep.DELETE_USER).contains(OffboardingStep.EMAIL_CONTINUITY);
    assertThat(shared.notes()).singleElement().asString().contains("cannot be deleted");
    OffboardingPlan forward = OffboardingPlan.of(T, LEAVER, new OffboardingOptions(
        OffboardingOptions.EmailContinuity.FORWARD, UserId.of("boss"), false, false, UserId.of("boss"), false));
    assertThat(forward.steps()).doesNotContain(OffboardingStep.REMOVE_LICENSES)
        .contains(OffboardingStep.HANDOVER_ONEDRIVE);
  }

  @Test
  void plan_mailOrOneDriveHandedToTheLeaverThemself_isRefused() {
    // §8 steps 4 and 6: mail goes to another user, OneDrive to another employee.
    assertThatThrownBy(() -> OffboardingPlan.of(T, LEAVER, new OffboardingOptions(
        OffboardingOptions.EmailContinuity.FORWARD, LEAVER, false, false, null, false)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.path()).isEqualTo("forwardOrDelegateTo")));
    assertThatThrownBy(() -> OffboardingPlan.of(T, LEAVER, new OffboardingOptions(
        OffboardingOptions.EmailContinuity.CONVERT_TO_SHARED, LEAVER, false, false, LEAVER, false)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void run_failedStep_stopsAndResumesWithoutRepeatingDoneSteps() {
    OffboardingPlan plan = OffboardingPlan.of(T, LEAVER, OffboardingOptions.deleteEverything());
    failOn = OffboardingStep.WIPE_DEVICES;
    OffboardingReport first = runner(authorizer(false)).run(plan, "ga");
    assertThat(first.complete()).isFalse();
    assertThat(first.stoppedAt()).isEqualTo(OffboardingStep.WIPE_DEVICES);
    assertThat(first.reason()).contains("mail service unavailable");
    failOn = null;
    OffboardingReport second = runner(authorizer(false)).run(plan, "ga");
    assertThat(second.complete()).isTrue();
    assertThat(second.alreadyDone()).containsExactly(OffboardingStep.RESET_PASSWORD, OffboardingStep.SIGN_OUT,
        OffboardingStep.BLOCK_SIGN_IN);
    assertThat(performed).containsExactlyElementsOf(plan.steps());
    List<AuditRecord> records = audit.query(AuditQuery.of(T)).items();
    assertThat(records).hasSize(plan.steps().size() + 1);
    assertThat(records).filteredOn(r -> r.result() == AuditResult.FAILURE).singleElement()
        .extracting(AuditRecord::activity).isEqualTo("OffboardingWipeDevices");
  }

  @Test
  void run_helpdeskOnAnAdmin_isDeniedAtTheFirstStep() {
    OffboardingPlan plan = OffboardingPlan.of(T, LEAVER, OffboardingOptions.deleteEverything());
    OffboardingReport r = runner(authorizer(true)).run(plan, "help");
    assertThat(r.stoppedAt()).isEqualTo(OffboardingStep.RESET_PASSWORD);
    assertThat(r.reason()).startsWith("denied").contains("User Administrator");
    assertThat(performed).isEmpty();
  }

  @Test
  void options_continuityWithoutRecipient_isRefusedNamingTheField() {
    assertThatThrownBy(() -> new OffboardingOptions(OffboardingOptions.EmailContinuity.FORWARD, null, false, false,
        null, false))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.path()).isEqualTo("forwardOrDelegateTo");
              assertThat(p.message()).contains("FORWARD");
            }));
  }

  /**
   * §8 step 1: initiating sign-out for an admin requires Global Administrator, although Matrix A
   * lets a User Administrator invalidate a Helpdesk Administrator's tokens; §9 takes the stricter.
   */
  private Authorizer adminLeaver(boolean throughGroup) {
    Directory.Builder b = Directory.builder(T)
        .user(User.member("leaver", "leaver@contoso.com"))
        .user(User.member("ua", "ua@contoso.com"))
        .user(User.member("ga", "ga@contoso.com"))
        .user(User.member("gm", "gm@contoso.com"))
        .user(User.member("paa", "paa@contoso.com"))
        .assign(new RoleAssignment("ua", BuiltInRoles.USER_ADMINISTRATOR, Scope.TENANT))
        .assign(new RoleAssignment("paa", BuiltInRoles.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.TENANT))
        .assign(new RoleAssignment("ga", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT))
        // a Global Administrator through a role-assignable group counts as one
        .group(new Group(GroupId.of("admins"), "admins", GroupKind.SECURITY, Set.of("gm"), Set.of(), true))
        .assign(new RoleAssignment("admins", BuiltInRoles.GLOBAL_ADMINISTRATOR, Scope.TENANT));
    if (throughGroup) {
      b.group(new Group(GroupId.of("helpdesk"), "helpdesk", GroupKind.SECURITY, Set.of("leaver"), Set.of(), true))
          .assign(new RoleAssignment("helpdesk", BuiltInRoles.HELPDESK_ADMINISTRATOR, Scope.TENANT));
    } else {
      b.assign(new RoleAssignment("leaver", BuiltInRoles.HELPDESK_ADMINISTRATOR, Scope.TENANT));
    }
    return Authorizer.of(b.build());
  }

  @Test
  void run_signOutOfAnAdmin_needsAGlobalAdministrator_evenWhereMatrixAAllows() {
    OffboardingPlan plan = OffboardingPlan.of(T, LEAVER, OffboardingOptions.deleteEverything());
    for (boolean throughGroup : new boolean[] {false, true}) {
      Authorizer az = adminLeaver(throughGroup);
      // Matrix A alone: a User Administrator may invalidate a Helpdesk Administrator's tokens; a
      // member of a role-assignable group is beyond it (§2.3), not beyond a Privileged
      // Authentication Administrator
      String actor = throughGroup ? "paa" : "ua";
      assertThat(az.authorize(T, actor, OffboardingStep.SIGN_OUT.permission(), "leaver").allowed()).isTrue();
      performed.clear();
      progress = new InMemoryOffboardingProgressStore();
      OffboardingReport r = runner(az).run(plan, actor);
      assertThat(r.stoppedAt()).isEqualTo(OffboardingStep.SIGN_OUT);
      assertThat(r.reason()).startsWith("denied").contains("requires Global Administrator");
      assertThat(performed).containsExactly(OffboardingStep.RESET_PASSWORD);
    }
    List<AuditRecord> denials = audit.query(AuditQuery.of(T)).items().stream()
        .filter(a -> a.result() == AuditResult.FAILURE).toList();
    assertThat(denials).hasSize(2).allSatisfy(a -> assertThat(a.activity()).isEqualTo("OffboardingSignOut"));
    for (String ga : List.of("ga", "gm")) {
      performed.clear();
      progress = new InMemoryOffboardingProgressStore();
      assertThat(runner(adminLeaver(false)).run(plan, ga).complete()).as(ga).isTrue();
      assertThat(performed).as(ga).containsExactlyElementsOf(plan.steps());
    }
  }

  @Test
  void run_signOutOfANonAdmin_needsNoGlobalAdministrator() {
    OffboardingPlan plan = OffboardingPlan.of(T, LEAVER, OffboardingOptions.deleteEverything());
    OffboardingReport r = runner(authorizer(false)).run(plan, "help");
    // Helpdesk signs a non-admin out; it stops later, at the first step its role does not grant
    assertThat(r.stoppedAt()).isEqualTo(OffboardingStep.BLOCK_SIGN_IN);
    assertThat(performed).containsExactly(OffboardingStep.RESET_PASSWORD, OffboardingStep.SIGN_OUT);
  }

  @Test
  void effectiveAssignments_includeThoseOfRoleAssignableGroups() {
    Authorizer az = adminLeaver(true);
    assertThat(az.effectiveAssignments(T, "leaver")).extracting(RoleAssignment::roleId)
        .containsExactly(BuiltInRoles.HELPDESK_ADMINISTRATOR);
    assertThat(az.effectiveAssignments(T, "ua")).containsExactly(
        new RoleAssignment("ua", BuiltInRoles.USER_ADMINISTRATOR, Scope.TENANT));
    assertThat(az.effectiveAssignments(T, "nobody")).isEmpty();
    assertThat(az.effectiveAssignments(TenantId.of("fabrikam"), "ua")).isEmpty();
  }
}
