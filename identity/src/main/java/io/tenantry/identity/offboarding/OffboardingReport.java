package io.tenantry.identity.offboarding;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running (or resuming) a plan.
 *
 * @param performed the steps performed in this run
 * @param alreadyDone the steps skipped because an earlier run completed them
 * @param stoppedAt the step that was denied or failed, or null when the plan is complete
 * @param reason why the run stopped, or {@code "complete"}
 */
public record OffboardingReport(List<OffboardingStep> performed, List<OffboardingStep> alreadyDone,
    OffboardingStep stoppedAt, String reason) {
  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list or the reason is null
   */
  public OffboardingReport {
    performed = List.copyOf(performed);
    alreadyDone = List.copyOf(alreadyDone);
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Tells whether every step of the plan is done.
   *
   * @return true when nothing stopped the run
   */
  public boolean complete() {
    return stoppedAt == null;
  }
}
