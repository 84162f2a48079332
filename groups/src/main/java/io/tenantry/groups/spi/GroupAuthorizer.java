package io.tenantry.groups.spi;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.GroupOperation;
import java.util.Objects;

/**
 * The injection point through which every group management action is authorized: the host wires
 * it to identity's Authorizer (so an AU-scoped Groups Administrator manages only its AU's groups).
 * The group rules that are not about roles (owners renew and restore the groups they own, the
 * creation restriction, the naming policy) are applied by the groups module itself.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant; a target in another tenant
 *       is denied.</li>
 *   <li><b>Fail closed.</b> An implementation that cannot decide denies, or throws {@link
 *       io.tenantry.core.error.PortFailureException}, which the caller treats as a denial.</li>
 *   <li><b>Threads.</b> Thread-safe; may block.</li>
 * </ul>
 */
@FunctionalInterface
public interface GroupAuthorizer {

  /**
   * Decides whether an actor may perform an operation on a group.
   *
   * @param tenant the tenant
   * @param actor who acts
   * @param operation what they want to do
   * @param target the group, or null for {@link GroupOperation#CREATE}
   * @return the decision, with the reason
   */
  Verdict authorize(TenantId tenant, UserId actor, GroupOperation operation, GroupId target);

  /**
   * A decision: allowed or denied, with why.
   *
   * @param allowed true when the action may proceed
   * @param reason what decided (a role and scope, or why not)
   */
  record Verdict(boolean allowed, String reason) {
    /**
     * Validates the verdict.
     *
     * @throws NullPointerException if {@code reason} is null
     */
    public Verdict {
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * An allowing verdict.
     *
     * @param by what allowed it
     * @return the verdict
     */
    public static Verdict allow(String by) {
      return new Verdict(true, by);
    }

    /**
     * A denying verdict.
     *
     * @param why why not
     * @return the verdict
     */
    public static Verdict deny(String why) {
      return new Verdict(false, why);
    }
  }

  /**
   * Returns an authorizer that denies everything (the fail-closed default).
   *
   * @return the authorizer
   */
  static GroupAuthorizer denyAll() {
    return (tenant, actor, op, target) -> Verdict.deny("no authorizer is configured");
  }

  /**
   * Returns an authorizer that allows everything, for tests and single-administrator tools.
   *
   * @return the authorizer
   */
  static GroupAuthorizer allowAll() {
    return (tenant, actor, op, target) -> Verdict.allow("allowAll");
  }
}
