package io.tenantry.notices.spi;

import io.tenantry.core.TenantId;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.HealthSubscription;
import io.tenantry.notices.MessageState;
import io.tenantry.notices.RolloutStage;
import io.tenantry.notices.StatusUpdate;
import java.util.Optional;

/**
 * The per-tenant state of the notices engines: each admin's preferences, message states and
 * health subscriptions, and the ledgers that make notifications fire once.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every method is scoped to exactly one tenant; state saved for one tenant is never visible
 *       through another tenant's calls, whatever the admin or message ids.
 *   <li>Admins are identified by UPN compared ignoring case ({@link java.util.Locale#ROOT}).
 *   <li>Saving is idempotent (the last value wins); the {@code mark…} methods are atomic
 *       test-and-set: when several threads mark the same entry, exactly one gets {@code true}.
 *   <li>Implementations are thread-safe; persistent ones may block on I/O and report failures with
 *       {@link io.tenantry.core.error.PortFailureException}.
 * </ul>
 */
public interface NoticeStateStore {

  /**
   * Returns an admin's message center preferences.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @return the saved preferences, or {@link AdminPreferences#NONE}
   */
  AdminPreferences preferences(TenantId tenant, String upn);

  /**
   * Saves an admin's message center preferences.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @param preferences the preferences
   */
  void savePreferences(TenantId tenant, String upn, AdminPreferences preferences);

  /**
   * Returns an admin's state of a message.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @param messageId the message
   * @return the saved state, or {@link MessageState#NEW}
   */
  MessageState messageState(TenantId tenant, String upn, String messageId);

  /**
   * Saves an admin's state of a message.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @param messageId the message
   * @param state the state
   */
  void saveMessageState(TenantId tenant, String upn, String messageId, MessageState state);

  /**
   * Returns an admin's service health subscription.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @return the subscription, or empty when the admin has none
   */
  Optional<HealthSubscription> subscription(TenantId tenant, String upn);

  /**
   * Saves (or, with null, removes) an admin's service health subscription.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @param subscription the subscription, or null to unsubscribe
   */
  void saveSubscription(TenantId tenant, String upn, HealthSubscription subscription);

  /**
   * Records that a major update's stage was notified in the tenant.
   *
   * @param tenant the tenant
   * @param messageId the message
   * @param stage the stage
   * @return true when this call recorded it, false when it was already recorded
   */
  boolean markStageNotified(TenantId tenant, String messageId, RolloutStage stage);

  /**
   * Records that a health issue's status update was notified in the tenant. An update is
   * identified by its issue, time and status ({@link #healthUpdateKey}), never by its position in
   * the issue's timeline: an update inserted before others in a later version of the issue is a
   * new entry, and the updates already notified stay recorded.
   *
   * @param tenant the tenant
   * @param issueId the issue
   * @param update the status update
   * @return true when this call recorded it, false when it was already recorded
   */
  boolean markHealthUpdateNotified(TenantId tenant, String issueId, StatusUpdate update);

  /**
   * Returns the ledger entry that identifies a status update within its issue: its time
   * (ISO-8601, UTC) and its status wire name, e.g. {@code 2026-06-30T08:00:00Z investigating}.
   * Stores may persist it as is.
   *
   * @param update the update
   * @return the entry
   */
  static String healthUpdateKey(StatusUpdate update) {
    return update.at() + " " + update.status().wireName();
  }
}
