package io.tenantry.groups;

import io.tenantry.core.TenantId;
import io.tenantry.groups.internal.DailyLifecycleEngine;
import io.tenantry.groups.spi.GroupActivity;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The deterministic group lifecycle engine: given a tenant's groups, a day and the day's actions, it
 * returns the events the day causes. A pure function: same inputs, same outcome, byte for byte; it
 * performs no effect (a {@link GroupLifecycleService} applies the outcome through the ports).
 *
 * <h2>One day (the rules of {@code cli.md}, "groups simulate")</h2>
 * <ol>
 *   <li>Soft-deleted groups whose deletion day + 30 is the day are purged.</li>
 *   <li>The day's actions run in order: a {@code delete} soft-deletes a Microsoft 365 group and
 *       purges a security or distribution group; a {@code restore} brings back a soft-deleted group
 *       (a managed one is renewed that day: E = day + lifetime); a {@code renew} is remembered for step 3. Actions that
 *       cannot apply are returned as {@link SkippedAction}s.</li>
 *   <li>From the day the policy is in force, each live managed group, by id: an owner renewal
 *       renews it; else activity after its last renewal within 35 days of its expiration E renews
 *       it; else a notice is sent on E − 30, E − 15 and E − 1; else it is soft-deleted on E + 1.</li>
 * </ol>
 *
 * <p>The host calls {@link #runDay} once for every day, in order, without gaps (a missed day is
 * replayed, not skipped): the rules act on exact days, which is what guarantees that no group is
 * deleted before its 1-day notice. The one exception is written in the rules themselves: a group
 * restored before the policy is in force expires restore day + lifetime (rule 5, without rule 2's
 * 35-day floor), so it may reach its deletion day with notice days that fell before enablement.
 *
 * <p>Thread-safe and immutable.
 */
public interface LifecycleEngine {

  /**
   * Creates an engine for a policy switched on on a day.
   *
   * @param policy the tenant's expiration policy
   * @param enabledOn the day the policy is in force from
   * @return the engine
   * @throws NullPointerException if an argument is null
   */
  static LifecycleEngine of(ExpirationPolicy policy, LocalDate enabledOn) {
    return new DailyLifecycleEngine(policy, enabledOn);
  }

  /**
   * Creates an engine for a tenant without an expiration policy (Microsoft's default): groups
   * never expire; deletes, restores and purges still apply.
   *
   * @return the engine
   */
  static LifecycleEngine withoutExpiration() {
    return new DailyLifecycleEngine(
        new ExpirationPolicy(180, ManagedGroupTypes.NONE, Set.of(), List.of()), LocalDate.MIN);
  }

  /**
   * Returns the policy.
   *
   * @return the expiration policy
   */
  ExpirationPolicy policy();

  /**
   * Returns the day the policy is in force from.
   *
   * @return the enablement day
   */
  LocalDate enabledOn();

  /**
   * Builds the starting state of groups that are all live: each starts its clock on its creation
   * day, and a managed one expires on {@link ExpirationPolicy#initialExpiration}.
   *
   * @param tenant the tenant
   * @param groups the groups
   * @return the state
   * @throws IllegalArgumentException if two groups have the same id
   */
  LifecycleState start(TenantId tenant, Collection<Group> groups);

  /**
   * Runs one day.
   *
   * @param state the tenant's groups at the start of the day
   * @param day the day
   * @param actions the day's actions, in the order they were done
   * @param activity where renewal-counting activity is read
   * @return the day's events, ignored actions and changed groups
   * @throws IllegalArgumentException if an action is dated another day
   * @throws io.tenantry.core.error.PortFailureException if the activity port fails
   */
  DayOutcome runDay(LifecycleState state, LocalDate day, List<LifecycleAction> actions,
      GroupActivity activity);
}
