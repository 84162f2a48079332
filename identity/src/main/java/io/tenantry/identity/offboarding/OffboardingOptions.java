package io.tenantry.identity.offboarding;

import io.tenantry.core.UserId;
import io.tenantry.core.validation.Problems;
import java.util.Objects;

/**
 * What the offboarding should do beyond the mandatory steps.
 *
 * @param emailContinuity what happens to the user's mail
 * @param forwardOrDelegateTo who receives forwarded mail or shared-mailbox access, or null
 * @param preserveMailbox whether to export or hold the mailbox first
 * @param wipeDevices whether to wipe and block mobile devices
 * @param oneDriveHandoverTo who gets access to the OneDrive, or null for no handover
 * @param deleteUser whether to delete the account at the end
 */
public record OffboardingOptions(EmailContinuity emailContinuity, UserId forwardOrDelegateTo,
    boolean preserveMailbox, boolean wipeDevices, UserId oneDriveHandoverTo, boolean deleteUser) {

  /** What happens to the departing user's mail. */
  public enum EmailContinuity {
    /** Nothing. */
    NONE,
    /** Forward mail to another user (the account must then be kept, licensed). */
    FORWARD,
    /** Convert the mailbox to a shared mailbox (the account must then be kept). */
    CONVERT_TO_SHARED
  }

  /**
   * Validates the options.
   *
   * @throws NullPointerException if {@code emailContinuity} is null
   * @throws io.tenantry.core.error.ValidationException if forwarding or a shared mailbox names
   *     nobody: the problem names the field {@code forwardOrDelegateTo} and the continuity chosen
   */
  public OffboardingOptions {
    Objects.requireNonNull(emailContinuity, "emailContinuity");
    if (emailContinuity != EmailContinuity.NONE && forwardOrDelegateTo == null) {
      Problems problems = new Problems();
      problems.add("forwardOrDelegateTo", emailContinuity + " needs the user who receives the mail",
          "null");
      problems.throwIfAny();
    }
  }

  /**
   * The full sequence: every step, mail kept nowhere, account deleted at the end.
   *
   * @return the options
   */
  public static OffboardingOptions deleteEverything() {
    return new OffboardingOptions(EmailContinuity.NONE, null, false, true, null, true);
  }
}
