package io.tenantry.groups;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.groups.spi.GroupActivity;
import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.groups.spi.GroupStore;
import io.tenantry.groups.spi.LifecycleNotifier;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the {@link LifecycleEngine} for a host, once a day per tenant, and applies what it returns
 * through the ports: e-mails first (the notifier), then the new group states (the store), then the
 * audit trail.
 *
 * <p>Fail closed: if the notifier fails, nothing of the day is stored and the exception escapes, so
 * the host retries the day; a group therefore never reaches its deletion day without its 1-day
 * notice having been handed over. Tenants are independent: a call reads and writes one tenant only.
 * Thread-safe when its ports are; two concurrent runs of the same tenant and day are the host's to
 * prevent.
 */
public final class GroupLifecycleService {
  /** The audit actor of automatic lifecycle events. */
  public static final String ACTOR = "lifecycle";

  private final GroupStore store;
  private final GroupSettingsStore settings;
  private final GroupActivity activity;
  private final LifecycleNotifier notifier;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;

  /**
   * Creates the service.
   *
   * @param store where groups are kept
   * @param settings where each tenant's expiration policy is read
   * @param activity where renewal-counting activity is read
   * @param notifier where e-mails go
   * @param audit where events are audited
   * @param ids makes audit record ids
   * @param clock stamps audit records
   * @throws NullPointerException if an argument is null
   */
  public GroupLifecycleService(GroupStore store, GroupSettingsStore settings,
      GroupActivity activity, LifecycleNotifier notifier, AuditLog audit, IdGenerator ids,
      InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs one day for one tenant and applies its outcome.
   *
   * @param tenant the tenant
   * @param day the day (the host runs every day, in order)
   * @param actions the day's renewals, deletions and restores, already authorized
   * @return the outcome (events, ignored actions, changed groups)
   * @throws io.tenantry.core.error.PortFailureException if a port failed; the day is then not
   *     stored
   */
  public DayOutcome runDay(TenantId tenant, LocalDate day, List<LifecycleAction> actions) {
    TenantGroupSettings s = settings.get(tenant);
    LifecycleState state = LifecycleState.of(tenant, store.list(tenant));
    DayOutcome outcome = s.engine().runDay(state, day, actions, activity);
    for (LifecycleEvent e : outcome.events()) {
      if (e instanceof LifecycleEvent.ExpiryNotificationSent n) {
        notifier.send(tenant, n, n.to());
      } else if (e instanceof LifecycleEvent.SoftDeleted d && d.reason() == DeletionReason.EXPIRED) {
        Group g = state.groups().get(d.group()).group();
        List<String> to = s.expirationSetting().map(x -> x.policy().noticeRecipients(g))
            .orElse(List.of());
        notifier.send(tenant, d, to);
      }
    }
    outcome.changes().values().forEach(st -> store.put(tenant, tombstoneIfPurged(st)));
    for (LifecycleEvent e : outcome.events()) {
      audit.append(new AuditRecord(ids.newId(), tenant, clock.instant(), ACTOR, e.name(),
          e.group().value(), AuditResult.SUCCESS, details(e)));
    }
    return outcome;
  }

  /**
   * Strips a purged group of everything but its id, kind, names and creation day.
   *
   * @param state a state
   * @return the state, or its tombstone when purged
   */
  static GroupState tombstoneIfPurged(GroupState state) {
    if (!(state.status() instanceof LifecycleStatus.Purged)) {
      return state;
    }
    Group g = state.group();
    return new GroupState(g.withOwners(List.of()).withMembers(List.of())
        .withMemberGroups(List.of()).withProxyAddresses(List.of()), state.status());
  }

  /**
   * The audit details of an event.
   *
   * @param e the event
   * @return its facts as text
   */
  static Map<String, String> details(LifecycleEvent e) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("date", e.date().toString());
    if (e instanceof LifecycleEvent.Renewed r) {
      d.put("reason", r.reason().fileName());
      d.put("expiresOn", r.expiresOn().toString());
    } else if (e instanceof LifecycleEvent.SoftDeleted s) {
      d.put("reason", s.reason().fileName());
    } else if (e instanceof LifecycleEvent.ExpiryNotificationSent n) {
      d.put("daysBefore", Integer.toString(n.daysBefore()));
      d.put("to", String.join(";", n.to()));
      d.put("expiresOn", n.expiresOn().toString());
    } else if (e instanceof LifecycleEvent.Restored r && r.expiresOn() != null) {
      d.put("expiresOn", r.expiresOn().toString());
    }
    return d;
  }
}
