package io.tenantry.identity.offboarding;

import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Decision;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.spi.OffboardingExecutor;
import io.tenantry.identity.spi.OffboardingProgressStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs an {@link OffboardingPlan} through the host's ports: for each step not yet completed, the
 * acting admin is authorized for the step's action on the user (so the matrices of §2.4 apply),
 * the executor performs it, an audit
 * record is appended, and the step is marked completed. A denied or failed step stops the run with
 * a FAILURE audit record; running the plan again resumes after the last completed step, so the run
 * is idempotent and resumable (the executor's steps must themselves be idempotent).
 *
 * <p>Signing out an admin. §8 step 1 says that initiating sign-out for an admin requires a Global
 * Administrator, while Matrix A (§2.4) lets, for example, a User Administrator invalidate a
 * Helpdesk Administrator's refresh tokens. §9 takes the stricter reading when two documented rules
 * conflict on security, so the {@link OffboardingStep#SIGN_OUT} step of a user who holds any admin
 * role (an assignment of their own or through a role-assignable group, at any scope) also needs
 * the actor to hold Global Administrator tenant-wide; a plain {@code authorize} check of
 * {@code users/invalidateAllRefreshTokens} keeps Matrix A's answer.
 */
public final class OffboardingRunner {
  private final Authorizer authorizer;
  private final OffboardingExecutor executor;
  private final OffboardingProgressStore progress;
  private final AuditLog audit;
  private final InstantSource clock;
  private final IdGenerator ids;

  /**
   * Creates a runner.
   *
   * @param authorizer decides whether the actor may perform each step
   * @param executor performs the steps
   * @param progress remembers completed steps
   * @param audit receives one record per attempted step
   * @param clock the time of audit records
   * @param ids the ids of audit records
   */
  public OffboardingRunner(Authorizer authorizer, OffboardingExecutor executor, OffboardingProgressStore progress,
      AuditLog audit, InstantSource clock, IdGenerator ids) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Runs or resumes a plan.
   *
   * @param plan the plan
   * @param actor the acting admin's id
   * @return what was performed, skipped, and where the run stopped
   * @throws io.tenantry.core.error.PortFailureException if the audit log or progress store fails
   *     (the step is then not marked completed and is retried on the next run)
   */
  public OffboardingReport run(OffboardingPlan plan, String actor) {
    Set<OffboardingStep> done = progress.completed(plan.tenant(), plan.user());
    List<OffboardingStep> performed = new ArrayList<>();
    List<OffboardingStep> skipped = new ArrayList<>();
    String user = plan.user().value();
    for (OffboardingStep step : plan.steps()) {
      if (done.contains(step)) {
        skipped.add(step);
        continue;
      }
      Decision d = authorizer.authorize(plan.tenant(), actor, step.permission(), user);
      if (d.allowed() && step == OffboardingStep.SIGN_OUT && !authorizer.effectiveAssignments(plan.tenant(), user)
          .isEmpty() && !globalAdministrator(plan, actor)) {
        d = Decision.deny("initiating sign-out for an admin requires Global Administrator (§8 step 1); '"
            + user + "' holds an admin role");
      }
      if (!d.allowed()) {
        record(plan, actor, step, AuditResult.FAILURE, "denied: " + d.reason());
        return new OffboardingReport(performed, skipped, step, "denied: " + d.reason());
      }
      try {
        executor.perform(plan.tenant(), plan.user(), step, plan.options());
      } catch (RuntimeException e) {
        record(plan, actor, step, AuditResult.FAILURE, "failed: " + e.getMessage());
        return new OffboardingReport(performed, skipped, step, "failed: " + e.getMessage());
      }
      record(plan, actor, step, AuditResult.SUCCESS, d.reason());
      progress.markCompleted(plan.tenant(), plan.user(), step);
      performed.add(step);
    }
    return new OffboardingReport(performed, skipped, null, "complete");
  }

  private boolean globalAdministrator(OffboardingPlan plan, String actor) {
    for (RoleAssignment a : authorizer.effectiveAssignments(plan.tenant(), actor)) {
      if (a.roleId().equals(BuiltInRoles.GLOBAL_ADMINISTRATOR) && a.scope().equals(Scope.TENANT)) {
        return true;
      }
    }
    return false;
  }

  private void record(OffboardingPlan plan, String actor, OffboardingStep step, AuditResult result, String reason) {
    audit.append(new AuditRecord(ids.newId(), plan.tenant(), clock.instant(), actor, step.activity(),
        plan.user().value(), result, Map.of("reason", reason)));
  }
}
