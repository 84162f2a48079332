package io.tenantry.reports.score;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.score.internal.ScoreAssembler;
import io.tenantry.reports.score.internal.ScoreData;
import io.tenantry.reports.score.internal.ScoreSweep;
import io.tenantry.reports.score.internal.Service;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Computes Usage Scores ({@code usage-score.md}) from a tenant's directory and activity events.
 *
 * <pre>{@code
 * UsageScoreEngine engine = UsageScoreEngine.create();
 * UsageScoreEngine.Computation c = engine.start(tenant, directory, LocalDate.parse("2026-06-30"));
 * ActivityEventReader.of(directory).read(events, c, ActivityEventReader.failFast());
 * UsageScore score = c.finish(Peers.none());
 * Files.write(out, ScoreJson.toBytes(score));
 * }</pre>
 *
 * <p>Events stream through a {@link Computation} once; it keeps one record per user and active day
 * of the {@code historyDays + 27} days it needs, never the events themselves. Every history day is
 * computed over its own trailing 28-day window, with existence, deletion and licences judged on
 * that day. The engine is immutable and thread-safe; a computation is not thread-safe and belongs
 * to one tenant.
 *
 * <p>Choices where {@code usage-score.md} is silent (also in the CHANGELOG):
 * <ul>
 *   <li>A guest's file activity makes the other person a collaborator (spec), but guests are never
 *       counted in any N or M, Meetings included.</li>
 *   <li>"Enabled for S": an assign date on or before the day, and a Deleted Date that is blank or
 *       not before the window's first day, literally as the spec states it.</li>
 *   <li>Group views count every member (not guest) existing as of R who holds the value; the value
 *       is compared exactly after trimming.</li>
 * </ul>
 */
public final class UsageScoreEngine {
  /** The default length of the history: 180 days ending at the as-of day. */
  public static final int HISTORY_DAYS = 180;

  private final int historyDays;

  private UsageScoreEngine(int historyDays) {
    if (historyDays < 1) {
      throw new IllegalArgumentException("historyDays must be at least 1, got " + historyDays);
    }
    this.historyDays = historyDays;
  }

  /**
   * Returns the engine of the spec: 180 days of history.
   *
   * @return the engine
   */
  public static UsageScoreEngine create() {
    return new UsageScoreEngine(HISTORY_DAYS);
  }

  /**
   * Returns an engine with a shorter or longer history (for previews and tests).
   *
   * @param historyDays the number of history days, the as-of day included; at least 1
   * @return the engine
   * @throws IllegalArgumentException if {@code historyDays} is below 1
   */
  public static UsageScoreEngine withHistoryDays(int historyDays) {
    return new UsageScoreEngine(historyDays);
  }

  /**
   * Starts a computation for one tenant as of one day.
   *
   * @param tenant the tenant
   * @param directory the tenant's directory
   * @param asOf the as-of day R
   * @return a computation to feed events to
   * @throws AccessDeniedException if the directory belongs to another tenant
   * @throws NullPointerException if an argument is null
   */
  public Computation start(TenantId tenant, UserDirectory directory, LocalDate asOf) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(asOf, "asOf");
    if (!directory.tenant().equals(tenant)) {
      throw new AccessDeniedException("the directory of tenant " + directory.tenant()
          + " cannot be scored for tenant " + tenant);
    }
    return new Computation(tenant, directory, asOf, historyDays);
  }

  /**
   * Computes a score from events already in memory.
   *
   * @param tenant the tenant
   * @param directory the tenant's directory
   * @param events the tenant's events, resolved against {@code directory}
   * @param asOf the as-of day R
   * @param peers the peer values ({@link Peers#none()} for none)
   * @return the score
   * @throws AccessDeniedException if the directory belongs to another tenant
   * @throws IllegalArgumentException if an event names a user outside the directory
   */
  public UsageScore compute(TenantId tenant, UserDirectory directory,
      Iterable<ActivityEvent> events, LocalDate asOf, Peers peers) {
    Computation c = start(tenant, directory, asOf);
    events.forEach(c);
    return c.finish(peers);
  }

  /**
   * One tenant's score in the making: accepts that tenant's events, in any order, then {@link
   * #finish}es. Not thread-safe.
   */
  public static final class Computation implements Consumer<ActivityEvent> {
    private final TenantId tenant;
    private final ScoreData.Builder builder;
    private final int users;
    private boolean finished;
    private ScoreData data;
    private ScoreSweep.Result sweep;

    private Computation(TenantId tenant, UserDirectory directory, LocalDate asOf,
        int historyDays) {
      this.tenant = tenant;
      this.builder = ScoreData.builder(asOf, historyDays);
      this.users = directory.size();
      for (DirectoryUser u : directory.users()) {
        EnumMap<Service, LocalDate> licences = new EnumMap<>(Service.class);
        u.licenceAssignDates().forEach((w, d) -> licences.put(service(w), d));
        EnumMap<GroupDimension, String> groups = new EnumMap<>(GroupDimension.class);
        groups.put(GroupDimension.DEPARTMENT, u.department());
        groups.put(GroupDimension.COMPANY, u.company());
        groups.put(GroupDimension.COUNTRY, u.country());
        groups.put(GroupDimension.STATE, u.state());
        groups.put(GroupDimension.CITY, u.city());
        builder.addUser(u.id().value(), u.userPrincipalName(), u.displayName(), u.isGuest(),
            u.createdDate(), u.deletedDate(), licences, u.mfaRegistered(), groups);
      }
    }

    /**
     * Adds one event of the tenant.
     *
     * @param e the event, resolved against the computation's directory
     * @throws IllegalArgumentException if the event's user index is outside the directory
     * @throws IllegalStateException if the computation has finished
     */
    @Override
    public void accept(ActivityEvent e) {
      if (finished) {
        throw new IllegalStateException("the computation has finished");
      }
      if (e.user() >= users) {
        throw new IllegalArgumentException("event on line " + e.line() + " names user index "
            + e.user() + ", outside the directory of " + users + " users");
      }
      builder.addEvent(e.user(), e.day(), e.workload(), e.activity(), e.count(), e.platform(),
          e.audioSeconds(), e.videoSeconds(), e.screenShareSeconds(),
          e.group() != null && !e.group().isEmpty(), e.file());
    }

    /**
     * Computes the score from the events accepted so far.
     *
     * @param peers the peer values ({@link Peers#none()} for none)
     * @return the score
     * @throws IllegalStateException if called twice
     */
    public UsageScore finish(Peers peers) {
      Objects.requireNonNull(peers, "peers");
      if (finished) {
        throw new IllegalStateException("the computation has finished");
      }
      finished = true;
      data = builder.build();
      sweep = ScoreSweep.run(data);
      return ScoreAssembler.score(tenant, data, sweep, peers);
    }

    /**
     * Returns the champion candidates per department, as of R: the people counted in the most
     * scenario numerators, then with the most active days in the window, then by principal name;
     * only people counted in at least one numerator; departments (Department column) of fewer
     * than ten members are left out (privacy floor).
     *
     * @param perDepartment how many candidates to keep per department, at least 1
     * @return the departments ordered by value (case-insensitive)
     * @throws IllegalStateException if {@link #finish} has not run
     * @throws IllegalArgumentException if {@code perDepartment} is below 1
     */
    public List<DepartmentChampions> champions(int perDepartment) {
      if (sweep == null) {
        throw new IllegalStateException("finish the computation first");
      }
      if (perDepartment < 1) {
        throw new IllegalArgumentException("perDepartment must be at least 1, got "
            + perDepartment);
      }
      return ScoreAssembler.champions(data, sweep, perDepartment);
    }

    private static Service service(Workload w) {
      return switch (w) {
        case EXCHANGE -> Service.EXCHANGE;
        case ONE_DRIVE -> Service.ONEDRIVE;
        case SHARE_POINT -> Service.SHAREPOINT;
        case SKYPE_FOR_BUSINESS -> Service.SKYPE_FOR_BUSINESS;
        case YAMMER -> Service.YAMMER;
        case TEAMS -> Service.TEAMS;
        case M365_APPS -> Service.M365_APPS;
      };
    }
  }
}
