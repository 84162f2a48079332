package io.tenantry.groups;

/**
 * Options of a group restore (directory-semantics 9.5).
 *
 * @param autoReconcileProxyConflict remove the group's addresses that a live object now uses instead
 *     of failing; a removed primary address is replaced by {@code <alias>-<suffix>@<mail domain>}
 */
public record RestoreOptions(boolean autoReconcileProxyConflict) {

  /** Fail on any address conflict (the default). */
  public static final RestoreOptions STRICT = new RestoreOptions(false);

  /** Strip conflicting addresses. */
  public static final RestoreOptions AUTO_RECONCILE = new RestoreOptions(true);
}
