package io.tenantry.identity.offboarding;

import io.tenantry.identity.Permission;
import java.time.Duration;

/**
 * The steps of Microsoft's recommended offboarding sequence ({@code directory-semantics.md} §8), in
 * order, each with the action the acting admin needs on the departing user and the documented
 * delay before it fully takes effect.
 */
public enum OffboardingStep {
  /** Reset the password (not sent to anyone). */
  RESET_PASSWORD("microsoft.directory/users/password/update", Duration.ZERO, "OffboardingResetPassword"),
  /** Initiate sign-out: revoke sessions and refresh tokens (about 1 hour for access tokens). */
  SIGN_OUT("microsoft.directory/users/invalidateAllRefreshTokens", Duration.ofHours(1), "OffboardingSignOut"),
  /** Block sign-in ({@code accountEnabled=false}; up to 24 hours). */
  BLOCK_SIGN_IN("microsoft.directory/users/disable", Duration.ofHours(24), "OffboardingBlockSignIn"),
  /** Preserve mailbox content (export or hold). */
  PRESERVE_MAILBOX("microsoft.office365.exchange/allEntities/basic/allTasks", Duration.ZERO,
      "OffboardingPreserveMailbox"),
  /** E-mail continuity: forward mail or convert the mailbox to a shared mailbox. */
  EMAIL_CONTINUITY("microsoft.office365.exchange/allEntities/basic/allTasks", Duration.ZERO,
      "OffboardingEmailContinuity"),
  /** Wipe and block mobile devices. */
  WIPE_DEVICES("microsoft.intune/allEntities/allProperties/allTasks", Duration.ZERO, "OffboardingWipeDevices"),
  /** Give another employee access to the OneDrive (kept 30 days after deletion by default). */
  HANDOVER_ONEDRIVE("microsoft.office365.sharePoint/allEntities/allTasks", Duration.ZERO,
      "OffboardingHandoverOneDrive"),
  /** Remove the licences (mail, contacts and calendar kept 30 days). */
  REMOVE_LICENSES("microsoft.directory/users/assignLicense", Duration.ZERO, "OffboardingRemoveLicenses"),
  /** Delete the user (soft delete, restorable for 30 days). */
  DELETE_USER("microsoft.directory/users/delete", Duration.ZERO, "OffboardingDeleteUser");

  private final Permission permission;
  private final Duration expectedLag;
  private final String activity;

  OffboardingStep(String permission, Duration expectedLag, String activity) {
    this.permission = Permission.parse(permission);
    this.expectedLag = expectedLag;
    this.activity = activity;
  }

  /**
   * The action the acting admin needs on the user.
   *
   * @return the permission
   */
  public Permission permission() {
    return permission;
  }

  /**
   * The documented delay before the step fully takes effect (9.17).
   *
   * @return the lag, zero when immediate
   */
  public Duration expectedLag() {
    return expectedLag;
  }

  /**
   * The audit activity name of the step.
   *
   * @return e.g. {@code OffboardingBlockSignIn}
   */
  public String activity() {
    return activity;
  }
}
