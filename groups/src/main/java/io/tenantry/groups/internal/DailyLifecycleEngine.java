package io.tenantry.groups.internal;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.groups.DayOutcome;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.LifecycleAction;
import io.tenantry.groups.LifecycleEngine;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.LifecycleRules;
import io.tenantry.groups.LifecycleState;
import io.tenantry.groups.LifecycleStatus;
import io.tenantry.groups.RenewalReason;
import io.tenantry.groups.SkippedAction;
import io.tenantry.groups.spi.GroupActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lifecycle engine: the day rules of {@link LifecycleEngine}, applied in one ordered pass over
 * the tenant's groups after the purges and the day's actions. Immutable and thread-safe.
 */
public final class DailyLifecycleEngine implements LifecycleEngine {
  private static final int[] NOTICE_DAYS =
      LifecycleRules.NOTICE_DAYS_BEFORE.stream().mapToInt(Integer::intValue).toArray();
  private final ExpirationPolicy policy;
  private final LocalDate enabledOn;

  /**
   * Creates the engine.
   *
   * @param policy the expiration policy
   * @param enabledOn the day the policy is in force from
   * @throws NullPointerException if an argument is null
   */
  public DailyLifecycleEngine(ExpirationPolicy policy, LocalDate enabledOn) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.enabledOn = Objects.requireNonNull(enabledOn, "enabledOn");
  }

  @Override
  public ExpirationPolicy policy() {
    return policy;
  }

  @Override
  public LocalDate enabledOn() {
    return enabledOn;
  }

  @Override
  public LifecycleState start(TenantId tenant, Collection<Group> groups) {
    List<GroupState> states = new ArrayList<>(groups.size());
    for (Group g : groups) {
      LocalDate e = policy.manages(g) ? policy.initialExpiration(g, enabledOn) : null;
      states.add(new GroupState(g, new LifecycleStatus.Active(g.createdOn(), e)));
    }
    return LifecycleState.of(tenant, states);
  }

  @Override
  public DayOutcome runDay(LifecycleState state, LocalDate day, List<LifecycleAction> actions,
      GroupActivity activity) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(activity, "activity");
    for (LifecycleAction a : actions) {
      if (!a.date().equals(day)) {
        throw new IllegalArgumentException("action " + a + " is dated " + a.date()
            + ", not the day being run (" + day + ")");
      }
    }
    Day run = new Day(state, day);
    run.purgeExpiredRetention();
    for (LifecycleAction a : actions) {
      run.act(a);
    }
    if (!day.isBefore(enabledOn)) {
      run.expire(activity);
    }
    return new DayOutcome(day, run.events, run.skipped, run.changes);
  }

  /** The mutable work of one day; never escapes {@link #runDay}. */
  private final class Day {
    private final LifecycleState state;
    private final LocalDate day;
    private final TreeMap<GroupId, GroupState> changes = new TreeMap<>();
    private final List<LifecycleEvent> events = new ArrayList<>();
    private final List<SkippedAction> skipped = new ArrayList<>();
    private final Set<GroupId> ownerRenewals = new HashSet<>();

    Day(LifecycleState state, LocalDate day) {
      this.state = state;
      this.day = day;
    }

    GroupState current(GroupId id) {
      GroupState changed = changes.get(id);
      return changed != null ? changed : state.get(id);
    }

    void purgeExpiredRetention() {
      for (GroupState s : state.softDeleted()) {
        if (s.status() instanceof LifecycleStatus.SoftDeleted d && d.purgeOn().equals(day)) {
          changes.put(s.group().id(), s.with(new LifecycleStatus.Purged(day)));
          events.add(new LifecycleEvent.Purged(day, s.group().id()));
        }
      }
    }

    void act(LifecycleAction a) {
      GroupState s = current(a.group());
      SkippedAction.Reason refusal = refusal(a, s);
      if (refusal != null) {
        skipped.add(new SkippedAction(a, refusal));
        return;
      }
      GroupId id = a.group();
      switch (a.kind()) {
        case RENEW -> ownerRenewals.add(id);
        case DELETE -> {
          if (s.group().kind().softDeletes()) {
            changes.put(id, s.with(new LifecycleStatus.SoftDeleted(day, DeletionReason.DELETED)));
            events.add(new LifecycleEvent.SoftDeleted(day, id, DeletionReason.DELETED));
          } else {
            changes.put(id, s.with(new LifecycleStatus.Purged(day)));
            events.add(new LifecycleEvent.Purged(day, id));
          }
        }
        case RESTORE -> {
          LocalDate e = policy.manages(s.group()) ? day.plusDays(policy.lifetimeDays()) : null;
          changes.put(id, s.with(new LifecycleStatus.Active(day, e)));
          events.add(new LifecycleEvent.Restored(day, id, e));
        }
      }
    }

    private SkippedAction.Reason refusal(LifecycleAction a, GroupState s) {
      if (s == null) {
        return SkippedAction.Reason.UNKNOWN_GROUP;
      }
      if (s.status() instanceof LifecycleStatus.Purged) {
        return SkippedAction.Reason.PURGED_GROUP;
      }
      if (!s.group().existsOn(day)) {
        return SkippedAction.Reason.NOT_YET_CREATED;
      }
      boolean deleted = s.status() instanceof LifecycleStatus.SoftDeleted;
      return switch (a.kind()) {
        case RENEW -> deleted ? SkippedAction.Reason.DELETED_GROUP
            : policy.manages(s.group()) ? null : SkippedAction.Reason.UNMANAGED_GROUP;
        case DELETE -> deleted ? SkippedAction.Reason.DELETED_GROUP : null;
        case RESTORE -> deleted ? null : SkippedAction.Reason.LIVE_GROUP;
      };
    }

    void expire(GroupActivity activity) {
      // Each rule compares E with a day fixed for the whole pass (no per-group date arithmetic):
      // activity renewal when day <= E <= day + 35, a notice when E = day + 30, 15 or 1,
      // deletion when E = day - 1.
      LocalDate windowEnd = day.plusDays(LifecycleRules.ACTIVITY_RENEWAL_WINDOW_DAYS);
      LocalDate[] noticeExpiries = new LocalDate[NOTICE_DAYS.length];
      for (int i = 0; i < NOTICE_DAYS.length; i++) {
        noticeExpiries[i] = day.plusDays(NOTICE_DAYS[i]);
      }
      LocalDate deletionExpiry = day.minusDays(1);
      List<GroupState> groups = state.inOrder();
      // The morning's changes (purges, actions) in id order, merged with the id-ordered pass
      // instead of looking every group up; each names a group of the state (act refuses others).
      GroupState[] morning = changes.values().toArray(new GroupState[0]);
      int next = 0;
      for (int i = 0, n = groups.size(); i < n; i++) {
        GroupState s = groups.get(i);
        if (next < morning.length && morning[next].group().id().equals(s.group().id())) {
          s = morning[next++];
        }
        if (!(s.status() instanceof LifecycleStatus.Active live) || live.expiresOn() == null
            || s.group().createdOn().isAfter(day) || !policy.manages(s.group())) {
          continue;
        }
        GroupId id = s.group().id();
        LocalDate e = live.expiresOn();
        int notice;
        if (!ownerRenewals.isEmpty() && ownerRenewals.contains(id)) {
          renew(s, RenewalReason.OWNER);
        } else if (!e.isBefore(day) && !e.isAfter(windowEnd)
            && activity.hadActivity(state.tenant(), id, live.lastRenewedOn(), day)) {
          renew(s, RenewalReason.ACTIVITY);
        } else if ((notice = noticeDay(e, noticeExpiries)) > 0) {
          events.add(new LifecycleEvent.ExpiryNotificationSent(day, id, notice,
              policy.noticeRecipients(s.group()), e));
        } else if (e.equals(deletionExpiry)) {
          changes.put(id, s.with(new LifecycleStatus.SoftDeleted(day, DeletionReason.EXPIRED)));
          events.add(new LifecycleEvent.SoftDeleted(day, id, DeletionReason.EXPIRED));
        }
      }
    }

    /** Returns 30, 15 or 1 when E is that many days after today, else 0. */
    private static int noticeDay(LocalDate e, LocalDate[] noticeExpiries) {
      for (int i = 0; i < noticeExpiries.length; i++) {
        if (e.equals(noticeExpiries[i])) {
          return NOTICE_DAYS[i];
        }
      }
      return 0;
    }

    private void renew(GroupState s, RenewalReason reason) {
      LocalDate e = day.plusDays(policy.lifetimeDays());
      changes.put(s.group().id(), s.with(new LifecycleStatus.Active(day, e)));
      events.add(new LifecycleEvent.Renewed(day, s.group().id(), reason, e));
    }
  }
}
