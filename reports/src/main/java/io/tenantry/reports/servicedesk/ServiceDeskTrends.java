package io.tenantry.reports.servicedesk;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import io.tenantry.reports.internal.Cells;
import io.tenantry.reports.servicedesk.internal.Stats;
import io.tenantry.reports.servicedesk.spi.TicketSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Service-desk trends: per workload and week, ticket volume, volume per active user of the
 * workload (the normalized figure: 100 tickets from 10 active users, 10.0, is worse than 1,000
 * from 1,000, 1.0), median and 90th-percentile time to resolve, escalation rate to each tier, each
 * also split into newly migrated and run-state callers; and spikes of the normalized volume and of
 * the escalation rates against the trailing eight weeks.
 *
 * <p>Weeks end on the as-of day R and on every seventh day before it; a ticket belongs to the week
 * of its opening (UTC day). A caller is newly migrated for a ticket when the ticket's day is 0 to
 * 30 days after the migration date (the ticket's own, else the directory's {@code Migration Date}
 * column); an active user is newly migrated for a week when that holds for at least one day of the
 * week. Active means an event that makes its user active (every activity but {@code
 * EmailReceived}) in that workload that week, by a user who exists as of R ({@link
 * DirectoryUser#existsAsOf}; events of users created after R count nowhere).
 *
 * <p>Spike detection looks at segment "All" only, at weeks with at least {@value #MIN_BASELINE}
 * defined values among the trailing {@value #BASELINE_WEEKS}; the baseline weeks may precede the
 * reported weeks. Only rises are spikes. The engine is immutable and thread-safe; a {@link
 * Computation} is not thread-safe.
 */
public final class ServiceDeskTrends {
  /** How many trailing weeks form a spike's baseline. */
  public static final int BASELINE_WEEKS = 8;
  /** The fewest defined baseline values for a spike test. */
  public static final int MIN_BASELINE = 4;
  /** How many days after migration a caller counts as newly migrated. */
  public static final int NEWLY_MIGRATED_DAYS = 30;
  /** The {@code users.csv} column holding a user's migration date. */
  public static final String MIGRATION_DATE_COLUMN = "Migration Date";

  /**
   * What to compute.
   *
   * @param asOf the last day of the last week
   * @param weeks how many weeks to report, 1–520
   * @param threshold the robust z-score at or above which a rise is a spike; above 0
   */
  public record Options(LocalDate asOf, int weeks, double threshold) {
    /** The default number of weeks, as {@code cli.md}'s {@code --weeks}. */
    public static final int DEFAULT_WEEKS = 26;
    /** The default threshold (Iglewicz and Hoaglin's 3.5). */
    public static final double DEFAULT_THRESHOLD = 3.5;

    /**
     * Validates the options.
     *
     * @throws NullPointerException if {@code asOf} is null
     * @throws IllegalArgumentException if weeks or threshold is out of range
     */
    public Options {
      Objects.requireNonNull(asOf, "asOf");
      if (weeks < 1 || weeks > 520) {
        throw new IllegalArgumentException("weeks must lie within 1-520, got " + weeks);
      }
      if (!(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be a positive number, got "
            + threshold);
      }
    }

    /**
     * Returns the default options for an as-of day: 26 weeks, threshold 3.5.
     *
     * @param asOf the as-of day
     * @return the options
     */
    public static Options of(LocalDate asOf) {
      return new Options(asOf, DEFAULT_WEEKS, DEFAULT_THRESHOLD);
    }
  }

  private ServiceDeskTrends() {}

  /**
   * Starts a computation for one tenant.
   *
   * @param tenant the tenant
   * @param directory the tenant's users
   * @param options what to compute
   * @return a computation that accepts the tenant's events
   * @throws AccessDeniedException if the directory belongs to another tenant
   * @throws io.tenantry.core.error.ValidationException if a {@code Migration Date} of the
   *     directory is not a date (every bad value, with its line)
   */
  public static Computation start(TenantId tenant, UserDirectory directory, Options options) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    if (!directory.tenant().equals(tenant)) {
      throw new AccessDeniedException("the directory of tenant " + directory.tenant()
          + " cannot be used for tenant " + tenant);
    }
    return new Computation(tenant, directory, options);
  }

  /**
   * The trends of one tenant in the making: accepts the tenant's events (optional), then {@link
   * #finish}es with its tickets. Not thread-safe.
   */
  public static final class Computation implements Consumer<ActivityEvent> {
    private final TenantId tenant;
    private final UserDirectory directory;
    private final Options options;
    private final int totalWeeks;
    private final long lastDay;
    private final LocalDate[] userMigration;
    private final boolean[] exists;
    private final BitSet[][] active;
    private boolean eventsGiven;
    private boolean finished;

    private Computation(TenantId tenant, UserDirectory directory, Options options) {
      this.tenant = tenant;
      this.directory = directory;
      this.options = options;
      this.totalWeeks = options.weeks() + BASELINE_WEEKS;
      this.lastDay = options.asOf().toEpochDay();
      this.userMigration = new LocalDate[directory.size()];
      this.exists = new boolean[directory.size()];
      Problems problems = new Problems();
      for (int i = 0; i < directory.size(); i++) {
        DirectoryUser u = directory.user(i);
        String v = u.attribute(MIGRATION_DATE_COLUMN).orElse("").strip();
        userMigration[i] = Cells.date(v, MIGRATION_DATE_COLUMN,
            new SourceLocation(directory.source(), u.line()), problems);
        // the reports' rule (activity-events.md §1 and §3), not a copy of it
        exists[i] = u.existsAsOf(options.asOf());
      }
      problems.throwIfAny();
      this.active = new BitSet[Workload.values().length][totalWeeks];
    }

    /**
     * Records one event's activity. Only events that make a user active count, and only of users
     * who exist as of the as-of day ({@link DirectoryUser#existsAsOf}): the events of a user
     * created after it are accepted and count nowhere ({@code activity-events.md} §3).
     *
     * @param e an event of the tenant, resolved against the computation's directory
     * @throws IllegalStateException if the computation has finished
     */
    @Override
    public void accept(ActivityEvent e) {
      if (finished) {
        throw new IllegalStateException("the computation has finished");
      }
      eventsGiven = true;
      if (!e.makesActive() || !exists[e.user()]) {
        return;
      }
      int w = week(e.day().toEpochDay());
      if (w < 0) {
        return;
      }
      BitSet set = active[e.workload().ordinal()][w];
      if (set == null) {
        set = new BitSet(directory.size());
        active[e.workload().ordinal()][w] = set;
      }
      set.set(e.user());
    }

    /**
     * Marks that events were given even if none was accepted (an empty {@code events.jsonl}):
     * active users are then 0, not unknown.
     *
     * @return this computation
     */
    public Computation eventsGiven() {
      eventsGiven = true;
      return this;
    }

    private int week(long day) {
      long back = lastDay - day;
      if (back < 0 || back >= 7L * totalWeeks) {
        return -1;
      }
      return totalWeeks - 1 - (int) (back / 7);
    }

    private LocalDate weekEnd(int w) {
      return LocalDate.ofEpochDay(lastDay - 7L * (totalWeeks - 1 - w));
    }

    /**
     * Computes the trends from the tenant's tickets held by a source.
     *
     * @param source the ticket source
     * @return the report
     */
    public ServiceDeskReport finish(TicketSource source) {
      LocalDate first = weekEnd(0).minusDays(6);
      return finish(source.tickets(tenant, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
          options.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /**
     * Computes the trends.
     *
     * @param tickets the tenant's tickets (others' are denied)
     * @return the report
     * @throws AccessDeniedException if a ticket belongs to another tenant
     * @throws IllegalStateException if called twice
     */
    public ServiceDeskReport finish(List<Ticket> tickets) {
      if (finished) {
        throw new IllegalStateException("the computation has finished");
      }
      finished = true;
      List<List<List<Ticket>>> byWeek = new ArrayList<>();
      for (int i = 0; i < Workload.values().length; i++) {
        List<List<Ticket>> weeksOf = new ArrayList<>(totalWeeks);
        for (int w = 0; w < totalWeeks; w++) {
          weeksOf.add(null);
        }
        byWeek.add(weeksOf);
      }
      EnumSet<Workload> workloads = EnumSet.noneOf(Workload.class);
      int maxTier = 3;
      for (Ticket t : tickets) {
        if (!t.tenant().equals(tenant)) {
          throw new AccessDeniedException("ticket " + t.id() + " belongs to tenant " + t.tenant()
              + ", not " + tenant);
        }
        int w = week(t.openedDay().toEpochDay());
        if (w < 0) {
          continue;
        }
        List<Ticket> list = byWeek.get(t.workload().ordinal()).get(w);
        if (list == null) {
          list = new ArrayList<>();
          byWeek.get(t.workload().ordinal()).set(w, list);
        }
        list.add(t);
        workloads.add(t.workload());
        maxTier = Math.max(maxTier, t.tier());
      }
      List<WeeklyTrend> trends = new ArrayList<>();
      List<Spike> spikes = new ArrayList<>();
      WeeklyTrend[][] all = new WeeklyTrend[Workload.values().length][totalWeeks];
      for (int w = 0; w < totalWeeks; w++) {
        for (Workload wl : workloads) {
          for (Segment s : Segment.values()) {
            WeeklyTrend row = row(w, wl, s, byWeek.get(wl.ordinal()).get(w), maxTier);
            if (s == Segment.ALL) {
              all[wl.ordinal()][w] = row;
            }
            if (w >= BASELINE_WEEKS) {
              trends.add(row);
            }
          }
        }
      }
      for (int w = BASELINE_WEEKS; w < totalWeeks; w++) {
        for (Workload wl : workloads) {
          WeeklyTrend[] series = all[wl.ordinal()];
          detect(series, w, "ticketsPerActiveUser", WeeklyTrend::ticketsPerActiveUser, null,
              spikes);
          for (int tier = 2; tier <= maxTier; tier++) {
            int t = tier;
            detect(series, w, "escalationRateTier" + tier, r -> r.escalationRate(t),
                countAtLeast(byWeek.get(wl.ordinal()).get(w), tier), spikes);
          }
        }
      }
      return new ServiceDeskReport(tenant, options.asOf(), options.weeks(), maxTier, eventsGiven,
          trends, spikes);
    }

    private static Integer countAtLeast(List<Ticket> tickets, int tier) {
      if (tickets == null) {
        return 0;
      }
      return (int) tickets.stream().filter(t -> t.tier() >= tier).count();
    }

    private void detect(WeeklyTrend[] series, int w, String metric,
        java.util.function.Function<WeeklyTrend, BigDecimal> value, Integer escalated,
        List<Spike> spikes) {
      BigDecimal x = value.apply(series[w]);
      if (x == null) {
        return;
      }
      List<Double> base = new ArrayList<>();
      for (int b = w - BASELINE_WEEKS; b < w; b++) {
        BigDecimal v = value.apply(series[b]);
        if (v != null) {
          base.add(v.doubleValue());
        }
      }
      if (base.size() < MIN_BASELINE) {
        return;
      }
      double[] baseline = base.stream().mapToDouble(Double::doubleValue).toArray();
      double median = Stats.median(baseline);
      double z = Stats.robustZ(x.doubleValue(), baseline);
      boolean spike = Double.isNaN(z) ? x.doubleValue() > median : z >= options.threshold();
      if (!spike) {
        return;
      }
      WeeklyTrend r = series[w];
      spikes.add(new Spike(r.weekStart(), r.weekEnd(), r.workload(), metric, x,
          scale(median, 4), scale(Stats.mad(baseline), 4),
          Double.isNaN(z) ? null : scale(z, 2), BigDecimal.valueOf(options.threshold()),
          r.tickets(), r.activeUsers(), escalated));
    }

    private WeeklyTrend row(int w, Workload wl, Segment s, List<Ticket> weekTickets,
        int maxTier) {
      LocalDate end = weekEnd(w);
      LocalDate start = end.minusDays(6);
      List<Ticket> mine = new ArrayList<>();
      if (weekTickets != null) {
        for (Ticket t : weekTickets) {
          if (s == Segment.ALL || (s == Segment.NEWLY_MIGRATED) == newlyMigrated(t)) {
            mine.add(t);
          }
        }
      }
      Integer activeUsers = null;
      BigDecimal perUser = null;
      if (eventsGiven) {
        BitSet set = active[wl.ordinal()][w];
        int n = 0;
        if (set != null) {
          for (int u = set.nextSetBit(0); u >= 0; u = set.nextSetBit(u + 1)) {
            if (s == Segment.ALL || (s == Segment.NEWLY_MIGRATED) == newlyMigrated(u, start, end)) {
              n++;
            }
          }
        }
        activeUsers = n;
        if (n > 0) {
          perUser = BigDecimal.valueOf(mine.size()).divide(BigDecimal.valueOf(n), 4,
              RoundingMode.HALF_UP);
        }
      }
      double[] hours = mine.stream().filter(t -> t.resolved() != null)
          .mapToDouble(t -> t.timeToResolve().orElseThrow().getSeconds() / 3600.0).toArray();
      BigDecimal median = hours.length == 0 ? null : scale(Stats.median(hours), 2);
      BigDecimal p90 = hours.length == 0 ? null : scale(Stats.nearestRank(hours, 90), 2);
      List<BigDecimal> rates = new ArrayList<>();
      for (int tier = 2; tier <= maxTier; tier++) {
        int t = tier;
        rates.add(mine.isEmpty() ? null : BigDecimal.valueOf(mine.stream()
            .filter(x -> x.tier() >= t).count()).divide(BigDecimal.valueOf(mine.size()), 4,
                RoundingMode.HALF_UP));
      }
      return new WeeklyTrend(start, end, wl, s, mine.size(), activeUsers, perUser, hours.length,
          median, p90, rates);
    }

    private boolean newlyMigrated(Ticket t) {
      LocalDate m = t.migrationDate() != null ? t.migrationDate() : userMigration[t.user()];
      if (m == null) {
        return false;
      }
      long days = t.openedDay().toEpochDay() - m.toEpochDay();
      return days >= 0 && days <= NEWLY_MIGRATED_DAYS;
    }

    private boolean newlyMigrated(int user, LocalDate start, LocalDate end) {
      LocalDate m = userMigration[user];
      return m != null && !m.isAfter(end) && !m.isBefore(start.minusDays(NEWLY_MIGRATED_DAYS));
    }

    private static BigDecimal scale(double v, int decimals) {
      return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }
  }
}
