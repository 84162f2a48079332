package io.tenantry.reports.analytics;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Usage analytics ({@code graph-reports.md} §5): daily, weekly (ISO) and monthly views of enabled,
 * active, first-time, returning and cumulative active users per product, over up to 12 months
 * ending at the as-of day, optionally sliced by any {@code users.csv} column — the defined ones
 * (Department, City, …) or any extra column a host adds ("bring your own user metadata").
 *
 * <p>Definitions: <b>enabled</b> — a licence assign date on or before the period's end, not
 * deleted before the period's start, and created on or before its end ("Microsoft 365": enabled
 * for any workload); <b>active</b> — an event that makes the user active in the product (every
 * activity but {@code EmailReceived}; "Microsoft 365": in any workload) on a day of the period;
 * <b>first-time</b> — active in the period, and the user's first activity of the product ever (in
 * all the events given, however old) falls in it; <b>returning</b> — active in the period and in
 * the previous period of the same granularity; <b>cumulative active</b> — enabled in the period
 * and active at least once on or before its end. Every directory user who exists as of the as-of
 * day counts, guests included; users created after it and events after it count nowhere. Periods
 * run from the first day of the month {@code months − 1} before the as-of day's month to the as-of
 * day; the first ISO week may begin before that day, and the last period of each granularity is
 * partial (its content date is the as-of day).
 *
 * <p>The engine is stateless; a {@link Computation} is not thread-safe and belongs to one tenant.
 */
public final class UsageAnalytics {
  private static final Product[] PRODUCTS = Product.values();

  /**
   * What to compute.
   *
   * @param asOf the last day
   * @param months how many calendar months, the as-of day's included: 1–12
   * @param dimension the {@code users.csv} column to slice by, or null for all users together
   */
  public record Options(LocalDate asOf, int months, String dimension) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if {@code asOf} is null
     * @throws IllegalArgumentException if months lie outside 1–12 or the dimension is blank
     */
    public Options {
      Objects.requireNonNull(asOf, "asOf");
      if (months < 1 || months > 12) {
        throw new IllegalArgumentException("months must lie within 1-12, got " + months);
      }
      if (dimension != null && dimension.isBlank()) {
        throw new IllegalArgumentException("a dimension must name a users.csv column");
      }
    }
  }

  private UsageAnalytics() {}

  /**
   * Starts a computation for one tenant.
   *
   * @param tenant the tenant
   * @param directory the tenant's users
   * @param options what to compute
   * @return a computation that accepts the tenant's events
   * @throws AccessDeniedException if the directory belongs to another tenant
   * @throws ValidationException if the dimension is not a column of the directory
   */
  public static Computation start(TenantId tenant, UserDirectory directory, Options options) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    if (!directory.tenant().equals(tenant)) {
      throw new AccessDeniedException("the directory of tenant " + directory.tenant()
          + " cannot be used for tenant " + tenant);
    }
    return new Computation(directory, options);
  }

  /** One tenant's analytics in the making: accepts events, then {@link #finish}es. */
  public static final class Computation implements Consumer<ActivityEvent> {
    private final UserDirectory directory;
    private final Options options;
    private final LocalDate first;
    private final String[] group;
    private final int[][] days;
    private final int[] dayCount;
    private boolean finished;

    private Computation(UserDirectory directory, Options options) {
      this.directory = directory;
      this.options = options;
      this.first = options.asOf().withDayOfMonth(1).minusMonths(options.months() - 1L);
      this.group = new String[directory.size()];
      boolean columnSeen = options.dimension() == null;
      for (int i = 0; i < directory.size(); i++) {
        if (options.dimension() == null) {
          group[i] = "";
        } else {
          var v = directory.user(i).attribute(options.dimension());
          columnSeen |= v.isPresent();
          group[i] = v.orElse("").strip();
        }
      }
      if (!columnSeen && directory.size() > 0) {
        throw new ValidationException(Problem.of("dimension",
            "is not a column of users.csv", options.dimension()));
      }
      int slots = directory.size() * PRODUCTS.length;
      this.days = new int[slots][];
      this.dayCount = new int[slots];
    }

    /**
     * Records one event's activity.
     *
     * @param e an event of the tenant, resolved against the computation's directory
     * @throws IllegalStateException if the computation has finished
     */
    @Override
    public void accept(ActivityEvent e) {
      if (finished) {
        throw new IllegalStateException("the computation has finished");
      }
      if (!e.makesActive() || e.day().isAfter(options.asOf())) {
        return;
      }
      int d = (int) e.day().toEpochDay();
      add(e.user(), Product.MICROSOFT_365, d);
      add(e.user(), Product.of(e.workload()), d);
    }

    private void add(int user, Product p, int day) {
      int slot = user * PRODUCTS.length + p.ordinal();
      int[] a = days[slot];
      int n = dayCount[slot];
      if (a == null) {
        a = new int[4];
        days[slot] = a;
      } else if (n > 0 && a[n - 1] == day) {
        return;
      } else if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
        days[slot] = a;
      }
      a[n] = day;
      dayCount[slot] = n + 1;
    }

    /**
     * Computes the views.
     *
     * @return rows by granularity (daily, weekly, monthly), dimension value, product, then
     *     period
     * @throws IllegalStateException if called twice
     */
    public List<UsageRow> finish() {
      if (finished) {
        throw new IllegalStateException("the computation has finished");
      }
      finished = true;
      for (int slot = 0; slot < days.length; slot++) {
        if (days[slot] != null) {
          int[] sorted = Arrays.copyOf(days[slot], dayCount[slot]);
          Arrays.sort(sorted);
          days[slot] = Arrays.stream(sorted).distinct().toArray();
        }
      }
      TreeMap<String, List<Integer>> groups = new TreeMap<>(
          String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
      for (int u = 0; u < directory.size(); u++) {
        DirectoryUser user = directory.user(u);
        if (user.existsAsOf(options.asOf())) {
          groups.computeIfAbsent(group[u], k -> new ArrayList<>()).add(u);
        }
      }
      List<UsageRow> rows = new ArrayList<>();
      for (Granularity g : Granularity.values()) {
        LocalDate firstStart = g.start(first);
        int periods = (int) g.between(firstStart, options.asOf()) + 1;
        for (var entry : groups.entrySet()) {
          for (Product p : PRODUCTS) {
            rows.addAll(view(g, firstStart, periods, p, entry.getKey(), entry.getValue()));
          }
        }
      }
      return rows;
    }

    private List<UsageRow> view(Granularity g, LocalDate firstStart, int periods, Product p,
        String value, List<Integer> members) {
      // index 0 is the period before the first one (for returning users); 1..periods are shown
      int[] enabled = new int[periods + 2];
      int[] cumulative = new int[periods + 2];
      int[] active = new int[periods + 1];
      int[] returning = new int[periods + 1];
      int[] firstTime = new int[periods + 1];
      for (int u : members) {
        DirectoryUser user = directory.user(u);
        int[] d = days[u * PRODUCTS.length + p.ordinal()];
        int firstIdx = Integer.MAX_VALUE;
        if (d != null && d.length > 0) {
          firstIdx = (int) Math.max(0, index(g, firstStart, LocalDate.ofEpochDay(d[0])));
          if (firstIdx >= 1) {
            firstTime[firstIdx]++;
          }
          int previous = Integer.MIN_VALUE;
          for (int day : d) {
            long idx = index(g, firstStart, LocalDate.ofEpochDay(day));
            if (idx < 0 || idx == previous) {
              continue;
            }
            active[(int) idx]++;
            if (idx >= 1 && previous == idx - 1) {
              returning[(int) idx]++;
            }
            previous = (int) idx;
          }
        }
        LocalDate from = enabledFrom(user, p);
        if (from == null) {
          continue;
        }
        int a = (int) Math.max(1, index(g, firstStart, from));
        int b = periods;
        if (user.deletedDate() != null) {
          b = (int) Math.min(b, index(g, firstStart, user.deletedDate()));
        }
        if (a <= b) {
          enabled[a]++;
          enabled[b + 1]--;
          int c = Math.max(a, Math.max(1, firstIdx));
          if (firstIdx != Integer.MAX_VALUE && c <= b) {
            cumulative[c]++;
            cumulative[b + 1]--;
          }
        }
      }
      List<UsageRow> out = new ArrayList<>(periods);
      int en = 0;
      int cu = 0;
      for (int i = 1; i <= periods; i++) {
        en += enabled[i];
        cu += cumulative[i];
        LocalDate start = g.plus(firstStart, i - 1L);
        LocalDate end = g.end(start);
        LocalDate content = end.isAfter(options.asOf()) ? options.asOf() : end;
        out.add(new UsageRow(g, start, end, content, p, value, en, active[i], firstTime[i],
            returning[i], cu, percent(active[i], en), percent(returning[i], active[i])));
      }
      return out;
    }

    private static long index(Granularity g, LocalDate firstStart, LocalDate day) {
      return g.between(firstStart, day) + 1;
    }

    private LocalDate enabledFrom(DirectoryUser user, Product p) {
      LocalDate licence = null;
      if (p == Product.MICROSOFT_365) {
        for (Workload w : Workload.values()) {
          LocalDate d = user.licenceAssignDates().get(w);
          if (d != null && (licence == null || d.isBefore(licence))) {
            licence = d;
          }
        }
      } else {
        licence = user.licenceAssignDates().get(p.workload().orElseThrow());
      }
      if (licence == null || licence.isAfter(options.asOf())) {
        return null;
      }
      LocalDate created = user.createdDate();
      return created != null && created.isAfter(licence) ? created : licence;
    }

    private static BigDecimal percent(int n, int m) {
      if (m == 0) {
        return null;
      }
      return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(m), 1, RoundingMode.HALF_UP);
    }
  }
}
