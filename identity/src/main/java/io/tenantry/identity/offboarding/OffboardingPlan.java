package io.tenantry.identity.offboarding;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ordered offboarding steps for one user (§8), built from the options: stop sign-in first
 * (password reset, sign-out, block), then mail, devices and OneDrive, then licences and deletion.
 * An account whose mail is forwarded or converted to a shared mailbox is never deleted ("User
 * cannot be deleted"), and a forwarded account keeps its licence (removing it stops forwarding);
 * such omissions are listed in {@code notes}.
 *
 * @param tenant the tenant
 * @param user the departing user
 * @param options the options
 * @param steps the steps, in order
 * @param notes why a requested step was left out
 */
public record OffboardingPlan(TenantId tenant, UserId user, OffboardingOptions options, List<OffboardingStep> steps,
    List<String> notes) {
  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a component is null
   */
  public OffboardingPlan {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(options, "options");
    steps = List.copyOf(steps);
    notes = List.copyOf(notes);
  }

  /**
   * Builds the plan for a user.
   *
   * @param tenant the tenant
   * @param user the departing user
   * @param options the options
   * @return the plan
   * @throws ValidationException if the options hand the mail or the OneDrive to the departing user
   *     themself (§8 steps 4 and 6 name another user), listing each such field
   */
  public static OffboardingPlan of(TenantId tenant, UserId user, OffboardingOptions options) {
    Problems problems = new Problems();
    if (user.equals(options.forwardOrDelegateTo())) {
      problems.add("forwardOrDelegateTo", "mail must go to another user than the one leaving", user.value());
    }
    if (user.equals(options.oneDriveHandoverTo())) {
      problems.add("oneDriveHandoverTo", "the OneDrive must be handed to another user than the one leaving",
          user.value());
    }
    problems.throwIfAny();
    List<OffboardingStep> steps = new ArrayList<>(List.of(OffboardingStep.RESET_PASSWORD, OffboardingStep.SIGN_OUT,
        OffboardingStep.BLOCK_SIGN_IN));
    List<String> notes = new ArrayList<>();
    if (options.preserveMailbox()) {
      steps.add(OffboardingStep.PRESERVE_MAILBOX);
    }
    boolean keepsAccount = options.emailContinuity() != OffboardingOptions.EmailContinuity.NONE;
    if (keepsAccount) {
      steps.add(OffboardingStep.EMAIL_CONTINUITY);
    }
    if (options.wipeDevices()) {
      steps.add(OffboardingStep.WIPE_DEVICES);
    }
    if (options.oneDriveHandoverTo() != null) {
      steps.add(OffboardingStep.HANDOVER_ONEDRIVE);
    }
    if (options.emailContinuity() == OffboardingOptions.EmailContinuity.FORWARD) {
      notes.add("licences kept: removing them would stop forwarding and deactivate the mailbox");
    } else {
      steps.add(OffboardingStep.REMOVE_LICENSES);
    }
    if (options.deleteUser()) {
      if (keepsAccount) {
        notes.add("account kept: a user whose mail is forwarded or converted to a shared mailbox cannot be deleted");
      } else {
        steps.add(OffboardingStep.DELETE_USER);
      }
    }
    return new OffboardingPlan(tenant, user, options, steps, notes);
  }
}
