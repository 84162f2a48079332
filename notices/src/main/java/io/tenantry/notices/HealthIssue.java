package io.tenantry.notices;

import java.util.List;
import java.util.Objects;

/**
 * A service health incident or advisory with its status timeline.
 *
 * <p>The timeline is ordered by time, strictly increasing, and follows the lifecycle: any open
 * status (investigating, degradation, interruption, restoring, extended recovery) in any order,
 * then {@link HealthStatus#SERVICE_RESTORED}, then optionally {@link
 * HealthStatus#POST_INCIDENT_REPORT_PUBLISHED}. Once restored, an issue does not reopen (a
 * recurrence is a new issue), and nothing follows the post-incident report but further updates of
 * it.
 *
 * @param id the issue id, e.g. {@code EX123456}
 * @param service the affected service
 * @param kind incident or advisory
 * @param title a one-line title
 * @param targeting which tenants the issue affects (and may see it)
 * @param timeline the status updates, oldest first; at least one
 */
public record HealthIssue(String id, String service, HealthIssueKind kind, String title,
    Targeting targeting, List<StatusUpdate> timeline) {

  /**
   * Validates the issue.
   *
   * @throws io.tenantry.core.error.ValidationException naming the bad field or update, if a field
   *     is missing, the timeline is empty, not strictly increasing in time, or breaks the
   *     lifecycle
   */
  public HealthIssue {
    Checks.id("id", id);
    Checks.name("service", service);
    Checks.present("kind", kind);
    Checks.name("title", title);
    Checks.present("targeting", targeting);
    timeline = List.copyOf(Checks.present("updates", timeline));
    if (timeline.isEmpty()) {
      throw Checks.invalid("updates", "an issue needs at least one status update", id);
    }
    for (int i = 1; i < timeline.size(); i++) {
      StatusUpdate prev = timeline.get(i - 1);
      StatusUpdate next = timeline.get(i);
      String field = "updates[" + i + "]";
      if (!next.at().isAfter(prev.at())) {
        throw Checks.invalid(field + ".at", "must be after the previous update (" + prev.at() + ")",
            next.at());
      }
      String broken = lifecycleError(prev.status(), next.status());
      if (broken != null) {
        throw Checks.invalid(field + ".status", broken, next.status().wireName());
      }
    }
    if (timeline.get(0).status() == HealthStatus.POST_INCIDENT_REPORT_PUBLISHED) {
      throw Checks.invalid("updates[0].status", "a post-incident report follows serviceRestored",
          HealthStatus.POST_INCIDENT_REPORT_PUBLISHED.wireName());
    }
  }

  private static String lifecycleError(HealthStatus prev, HealthStatus next) {
    if (prev == HealthStatus.POST_INCIDENT_REPORT_PUBLISHED
        && next != HealthStatus.POST_INCIDENT_REPORT_PUBLISHED) {
      return "nothing but further post-incident report updates may follow the report";
    }
    if (prev == HealthStatus.SERVICE_RESTORED && !next.ended()) {
      return "a restored issue does not reopen (post a new issue)";
    }
    if (next == HealthStatus.POST_INCIDENT_REPORT_PUBLISHED && !prev.ended()) {
      return "a post-incident report follows serviceRestored";
    }
    return null;
  }

  /**
   * Returns the latest status.
   *
   * @return the status of the last update
   */
  public HealthStatus status() {
    return timeline.get(timeline.size() - 1).status();
  }

  /**
   * Tells whether a later version of this issue only appends updates to this one's timeline.
   *
   * @param later the later version
   * @return true when ids, service, kind and targeting match and this timeline is a prefix
   */
  public boolean isExtendedBy(HealthIssue later) {
    Objects.requireNonNull(later, "later");
    return id.equals(later.id) && service.equals(later.service) && kind == later.kind
        && targeting.equals(later.targeting) && later.timeline.size() >= timeline.size()
        && later.timeline.subList(0, timeline.size()).equals(timeline);
  }
}
