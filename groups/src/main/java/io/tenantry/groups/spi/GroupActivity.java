package io.tenantry.groups.spi;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import java.time.LocalDate;

/**
 * The port through which the lifecycle engine learns whether a group had renewal-counting activity
 * (SharePoint file views and edits, Outlook group messages, Teams channel visits, Viva Engage
 * posts; directory-semantics §3.1). A host implements it over its activity data, or uses {@link
 * InMemoryGroupActivity}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant; activity of another
 *       tenant's group with the same id never counts.</li>
 *   <li><b>Pure reads.</b> A call changes nothing and is idempotent; for a given day range the
 *       answer must not change once that range is in the past (the engine is replayable).</li>
 *   <li><b>Threads.</b> Implementations are thread-safe; calls may block on I/O.</li>
 *   <li><b>Failures.</b> Storage failures surface as {@link
 *       io.tenantry.core.error.PortFailureException}; the engine lets them escape and the day is
 *       not applied (fail closed).</li>
 * </ul>
 */
@FunctionalInterface
public interface GroupActivity {

  /**
   * Tells whether a group had counting activity on a day strictly after {@code after} and not
   * after {@code through}.
   *
   * @param tenant the tenant
   * @param group the group
   * @param after the exclusive lower bound (the group's creation or last renewal day)
   * @param through the inclusive upper bound (today)
   * @return true when there was activity in {@code (after, through]}
   * @throws io.tenantry.core.error.PortFailureException if the activity source failed
   */
  boolean hadActivity(TenantId tenant, GroupId group, LocalDate after, LocalDate through);

  /**
   * Returns a source with no activity at all.
   *
   * @return a source whose answer is always false
   */
  static GroupActivity none() {
    return (tenant, group, after, through) -> false;
  }
}
