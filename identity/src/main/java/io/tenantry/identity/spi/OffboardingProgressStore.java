package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.offboarding.OffboardingStep;
import java.util.Set;

/**
 * The port that remembers which offboarding steps are completed, so a run can resume.
 *
 * <p>Contract: one tenant per call, tenants never see each other's progress; thread-safe;
 * {@link #markCompleted} is idempotent and durable when it returns; failures surface as
 * {@link io.tenantry.core.error.PortFailureException}.
 */
public interface OffboardingProgressStore {
  /**
   * Returns the completed steps of a user's offboarding.
   *
   * @param tenant the tenant
   * @param user the user
   * @return the completed steps (empty when none)
   */
  Set<OffboardingStep> completed(TenantId tenant, UserId user);

  /**
   * Records a completed step.
   *
   * @param tenant the tenant
   * @param user the user
   * @param step the step
   */
  void markCompleted(TenantId tenant, UserId user, OffboardingStep step);
}
