package io.tenantry.notices;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.notices.internal.Render;
import io.tenantry.notices.spi.InMemoryNoticeStateStore;
import io.tenantry.notices.spi.NoticeReaderPolicy;
import io.tenantry.notices.spi.NoticeStateStore;
import io.tenantry.notices.spi.NotificationPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service health: incidents and advisories with their status timelines, subscriptions per admin
 * and service, and the e-mail notifications when an issue starts, changes status and ends.
 *
 * <p>Issues are posted by the host and target all tenants or a list; a tenant never sees another
 * tenant's issues. Reading and being notified need the service health right of the {@link
 * NoticeReaderPolicy} (Service Support Administrator, Global Reader, Global Administrator and the
 * other roles holding {@code microsoft.office365.serviceHealth/allEntities/allTasks}); an admin
 * without it gets nothing.
 *
 * <p>Notification rules, per status update of an issue: the first update notifies {@link
 * NotificationKind#ISSUE_STARTED} (followed by {@link NotificationKind#ISSUE_ENDED} when it is
 * already {@code serviceRestored}); a later update whose status differs from the previous one
 * notifies {@link NotificationKind#ISSUE_ENDED} when it is {@code serviceRestored}, else {@link
 * NotificationKind#ISSUE_STATUS_CHANGED} (the post-incident report included); an update that keeps
 * the status notifies nothing. Recipients: admins with the service health right whose {@link
 * HealthSubscription} covers the issue's service (and advisories, for an advisory), in UPN order.
 *
 * <p>Each update is notified once per tenant, recorded in the {@link NoticeStateStore} under its
 * issue, time and status (not its position in the timeline, which an inserted update would shift).
 * With a persistent store, a later run may see a version of an issue holding an update older than
 * updates already notified (within one instance {@link #post} only lets updates be appended). Such
 * a <b>late update</b> is notified once, at its own time, by the same rule, against the update
 * before it in the current timeline: a {@code serviceDegradation} inserted between a notified
 * {@code investigating} and a notified {@code serviceRestored} sends {@link
 * NotificationKind#ISSUE_STATUS_CHANGED}. The updates already notified are not notified again,
 * even when the status before them changed. A late update that becomes the issue's first sends
 * nothing: the issue's start was already announced.
 *
 * <p>Thread-safe and deterministic: the caller passes the time up to which updates count.
 */
public final class ServiceHealth {
  private final NotificationPort notifications;
  private final NoticeStateStore state;
  private final NoticeReaderPolicy policy;
  private final Map<String, HealthIssue> issues = new ConcurrentHashMap<>();

  private ServiceHealth(Builder b) {
    this.notifications = Objects.requireNonNull(b.notifications,
        "notifications: a NotificationPort is required");
    this.state = b.state;
    this.policy = b.policy;
  }

  /**
   * Starts a builder.
   *
   * @return a builder with an in-memory state store and the built-in role policy
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Posts a new issue, or a later version of a posted issue that appends status updates.
   *
   * @param issue the issue
   * @throws ConflictException if an issue with this id exists and the new version changes its
   *     service, kind, targeting or past updates (history is append-only)
   */
  public void post(HealthIssue issue) {
    Objects.requireNonNull(issue, "issue");
    issues.compute(issue.id(), (id, old) -> {
      if (old != null && !old.isExtendedBy(issue)) {
        throw new ConflictException("health-issue", "issue " + id
            + " already exists with a different service, kind, targeting or history;"
            + " updates may only be appended");
      }
      return issue;
    });
  }

  /**
   * Returns the issues an admin may read in the tenant: targeted at it, with the service health
   * right; most recently updated first, then by id.
   *
   * @param tenant the tenant
   * @param reader the admin
   * @return the issues; empty for an admin without the service health right
   */
  public List<HealthIssue> issuesFor(TenantId tenant, Admin reader) {
    Objects.requireNonNull(tenant, "tenant");
    if (!policy.rightsOf(tenant, Objects.requireNonNull(reader, "reader").roles())
        .serviceHealth()) {
      return List.of();
    }
    return issues.values().stream().filter(i -> i.targeting().includes(tenant))
        .sorted(Comparator.comparing((HealthIssue i) -> last(i).at()).reversed()
            .thenComparing(HealthIssue::id))
        .toList();
  }

  private static StatusUpdate last(HealthIssue i) {
    return i.timeline().get(i.timeline().size() - 1);
  }

  /**
   * Saves (or, with null, removes) an admin's subscription.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @param subscription the subscription, or null to unsubscribe
   */
  public void subscribe(TenantId tenant, String upn, HealthSubscription subscription) {
    state.saveSubscription(Objects.requireNonNull(tenant, "tenant"), Checks.upn("upn", upn),
        subscription);
  }

  /**
   * Returns an admin's subscription.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @return the subscription, or empty
   */
  public Optional<HealthSubscription> subscription(TenantId tenant, String upn) {
    return state.subscription(Objects.requireNonNull(tenant, "tenant"), Checks.upn("upn", upn));
  }

  private record Due(HealthIssue issue, int index) {
    Instant at() {
      return issue.timeline().get(index).at();
    }
  }

  /**
   * Sends the notifications of every status update posted up to {@code upTo} (inclusive) in this
   * tenant that was not notified before, in order: by the update's time, then issue id, then
   * update index; recipients in UPN order.
   *
   * @param tenant the tenant
   * @param admins the tenant's admins with their roles
   * @param upTo the current time: later updates wait for a later call
   * @return the notifications sent, in order
   * @throws IllegalArgumentException if an admin is listed twice
   */
  public List<Notification> dispatch(TenantId tenant, Collection<Admin> admins, Instant upTo) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(upTo, "upTo");
    List<Admin> sorted = Admins.sorted(admins);
    List<Due> due = new ArrayList<>();
    for (HealthIssue issue : issues.values()) {
      if (issue.targeting().includes(tenant)) {
        for (int i = 0; i < issue.timeline().size(); i++) {
          if (!issue.timeline().get(i).at().isAfter(upTo)) {
            due.add(new Due(issue, i));
          }
        }
      }
    }
    due.sort(Comparator.comparing(Due::at).thenComparing(d -> d.issue().id())
        .thenComparingInt(Due::index));
    // mark first, so that the kinds of a late update know its issue was notified before
    List<Due> fresh = new ArrayList<>();
    Set<String> notifiedBefore = new HashSet<>();
    for (Due d : due) {
      if (state.markHealthUpdateNotified(tenant, d.issue().id(),
          d.issue().timeline().get(d.index()))) {
        fresh.add(d);
      } else {
        notifiedBefore.add(d.issue().id());
      }
    }
    List<Notification> sent = new ArrayList<>();
    for (Due d : fresh) {
      for (NotificationKind kind : kinds(d.issue(), d.index(),
          notifiedBefore.contains(d.issue().id()))) {
        for (Admin a : sorted) {
          if (!policy.rightsOf(tenant, a.roles()).serviceHealth()) {
            continue;
          }
          Optional<HealthSubscription> sub = state.subscription(tenant, a.upn());
          if (sub.isPresent() && sub.get().covers(d.issue().service(), d.issue().kind())) {
            Notification n = new Notification(tenant, kind, Channel.EMAIL, a.upn(), d.at(),
                d.issue().id(), subject(d.issue(), d.index(), kind),
                Render.healthText(d.issue(), d.index()), null);
            notifications.send(tenant, n);
            sent.add(n);
          }
        }
      }
    }
    return List.copyOf(sent);
  }

  /**
   * The notifications of one update not notified before.
   *
   * @param startedBefore whether another update of the issue was notified by an earlier call
   */
  private static List<NotificationKind> kinds(HealthIssue issue, int index,
      boolean startedBefore) {
    HealthStatus now = issue.timeline().get(index).status();
    if (index == 0) {
      if (startedBefore) {
        return List.of();
      }
      return now == HealthStatus.SERVICE_RESTORED
          ? List.of(NotificationKind.ISSUE_STARTED, NotificationKind.ISSUE_ENDED)
          : List.of(NotificationKind.ISSUE_STARTED);
    }
    HealthStatus before = issue.timeline().get(index - 1).status();
    if (before == now) {
      return List.of();
    }
    return List.of(now == HealthStatus.SERVICE_RESTORED
        ? NotificationKind.ISSUE_ENDED : NotificationKind.ISSUE_STATUS_CHANGED);
  }

  private static String subject(HealthIssue issue, int index, NotificationKind kind) {
    String what = switch (kind) {
      case ISSUE_STARTED -> "started";
      case ISSUE_ENDED -> "ended";
      default -> "changed status";
    };
    return "[" + issue.service() + "] " + issue.kind().label() + " " + issue.id() + " " + what
        + ": " + issue.title() + " (" + issue.timeline().get(index).status().label() + ")";
  }

  /** Builds a {@link ServiceHealth}. Not thread-safe. */
  public static final class Builder {
    private NotificationPort notifications;
    private NoticeStateStore state = new InMemoryNoticeStateStore();
    private NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();

    private Builder() {}

    /**
     * Sets where notifications go (required).
     *
     * @param port the notification port
     * @return this builder
     */
    public Builder notifications(NotificationPort port) {
      this.notifications = Objects.requireNonNull(port, "port");
      return this;
    }

    /**
     * Sets the state store (default: a new {@link InMemoryNoticeStateStore}).
     *
     * @param store the store
     * @return this builder
     */
    public Builder state(NoticeStateStore store) {
      this.state = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the reading policy (default: {@link NoticeReaderPolicy#builtInRoles()}).
     *
     * @param readerPolicy the policy
     * @return this builder
     */
    public Builder readerPolicy(NoticeReaderPolicy readerPolicy) {
      this.policy = Objects.requireNonNull(readerPolicy, "readerPolicy");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service health engine
     * @throws NullPointerException if no notification port was set
     */
    public ServiceHealth build() {
      return new ServiceHealth(this);
    }
  }
}
