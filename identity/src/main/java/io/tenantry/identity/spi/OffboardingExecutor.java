package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.offboarding.OffboardingOptions;
import io.tenantry.identity.offboarding.OffboardingStep;

/**
 * The port through which the host performs an offboarding step in its own systems (directory,
 * mail, devices, files).
 *
 * <p>Contract: one tenant per call; must be idempotent (performing a completed step again changes
 * nothing), because a resumed run may repeat a step whose completion was not recorded; may block;
 * thread-safe; a failure is reported by throwing (a {@link io.tenantry.core.error.PortFailureException}
 * with its cause), and the run stops at that step.
 */
@FunctionalInterface
public interface OffboardingExecutor {
  /**
   * Performs one step for one user.
   *
   * @param tenant the tenant
   * @param user the departing user
   * @param step the step
   * @param options the plan's options (recipients of mail and files)
   */
  void perform(TenantId tenant, UserId user, OffboardingStep step, OffboardingOptions options);
}
