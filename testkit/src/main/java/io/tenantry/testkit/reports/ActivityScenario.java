package io.tenantry.testkit.reports;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.App;
import io.tenantry.reports.input.DirectoryGroup;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.MeetingType;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UserType;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A small random tenant for property tests of the report engine: users with licences, creation
 * and deletion around the report date, groups of both kinds, and events of every workload inside,
 * before and after the window (and after R). Built from a seed, so a failing case is reproducible
 * from jqwik's report.
 *
 * @param seed the seed the scenario was built from
 * @param users the directory
 * @param groups the groups
 * @param window the window
 * @param events the events, resolved against {@code users}
 */
public record ActivityScenario(long seed, UserDirectory users, GroupDirectory groups,
    ReportWindow window, List<ActivityEvent> events) {

  /** Copies the events. */
  public ActivityScenario {
    events = List.copyOf(events);
  }

  /**
   * Scenarios of a tenant with a period window (D7 or D30) or, now and then, a single day.
   *
   * @param tenant the tenant
   * @param allowSingleDay whether single-day windows may be drawn
   * @return the arbitrary
   */
  public static Arbitrary<ActivityScenario> scenarios(TenantId tenant, boolean allowSingleDay) {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(0, 60))
        .as((seed, users, events) -> build(tenant, seed, users, events, allowSingleDay));
  }

  /**
   * Builds a scenario from a seed.
   *
   * @param tenant the tenant
   * @param seed the seed
   * @param userCount how many users
   * @param eventCount how many events
   * @param allowSingleDay whether the window may be a single day
   * @return the scenario
   */
  public static ActivityScenario build(TenantId tenant, long seed, int userCount, int eventCount,
      boolean allowSingleDay) {
    Random rnd = new Random(seed);
    LocalDate r = LocalDate.of(2026, 6, 30).minusDays(rnd.nextInt(40));
    ReportWindow window;
    if (allowSingleDay && rnd.nextInt(4) == 0) {
      window = ReportWindow.day(r, r.minusDays(rnd.nextInt(28)));
    } else {
      window = ReportWindow.period(r, rnd.nextBoolean() ? Period.D7 : Period.D30);
    }
    List<DirectoryUser> users = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      DirectoryUser.Builder b = DirectoryUser.builder("u" + i, "user" + i + "@"
          + (rnd.nextBoolean() ? "Contoso.com" : "contoso.com"))
          .displayName("User " + i)
          .userType(rnd.nextInt(5) == 0 ? UserType.GUEST : UserType.MEMBER)
          .createdDate(rnd.nextInt(4) == 0 ? r.plusDays(rnd.nextInt(41) - 35) : null)
          .deletedDate(rnd.nextInt(4) == 0 ? r.plusDays(rnd.nextInt(41) - 35) : null)
          .assignedProducts(rnd.nextBoolean() ? "OFFICE 365 E3" : "");
      for (Workload w : Workload.values()) {
        if (rnd.nextInt(3) > 0) {
          b.licence(w, r.plusDays(rnd.nextInt(61) - 55));
        }
      }
      users.add(b.build());
    }
    UserDirectory directory = UserDirectory.of(tenant, users);
    List<DirectoryGroup> groupList = new ArrayList<>();
    int groupCount = rnd.nextInt(4);
    for (int g = 0; g < groupCount; g++) {
      groupList.add(new DirectoryGroup(GroupId.of("g" + g), "Group " + (char) ('A' + g),
          rnd.nextBoolean(), "owner" + g + "@contoso.com",
          rnd.nextInt(3) == 0 ? r.plusDays(rnd.nextInt(41) - 35) : null,
          rnd.nextInt(3) == 0 ? r.plusDays(rnd.nextInt(41) - 35) : null, rnd.nextInt(50),
          rnd.nextInt(5), rnd.nextBoolean(), rnd.nextBoolean(), Map.of(), 0));
    }
    GroupDirectory groups = GroupDirectory.of(tenant, groupList, "groups");
    List<ActivityEvent> events = new ArrayList<>();
    Activity[] activities = Activity.values();
    for (int i = 0; i < eventCount; i++) {
      Activity a = activities[rnd.nextInt(activities.length)];
      Workload w = a == Activity.FILE_VIEWED_OR_EDITED || a == Activity.FILE_SYNCED
          || a == Activity.FILE_SHARED_INTERNALLY || a == Activity.FILE_SHARED_EXTERNALLY
          ? (rnd.nextBoolean() ? Workload.ONE_DRIVE : Workload.SHARE_POINT)
          : firstWorkload(a);
      Platform[] platforms = Platform.values();
      events.add(new ActivityEvent(rnd.nextInt(userCount), r.plusDays(rnd.nextInt(50) - 45), w, a,
          1 + rnd.nextInt(4),
          rnd.nextInt(3) == 0 ? null : platforms[rnd.nextInt(platforms.length)],
          rnd.nextInt(3) == 0 ? null : MeetingType.values()[rnd.nextInt(4)],
          rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(4000), rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(900),
          rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(300),
          rnd.nextInt(4) == 0 ? null : App.values()[rnd.nextInt(App.values().length)],
          rnd.nextInt(3) == 0 ? null : "g" + rnd.nextInt(4),
          rnd.nextInt(3) == 0 ? null : "f" + rnd.nextInt(5), null, i + 1));
    }
    return new ActivityScenario(seed, directory, groups, window, events);
  }

  private static Workload firstWorkload(Activity a) {
    for (Workload w : Workload.values()) {
      if (a.belongsTo(w)) {
        return w;
      }
    }
    throw new IllegalStateException("activity without workload: " + a);
  }

  /**
   * Returns the oracle of this scenario.
   *
   * @return a naive reference over the same inputs
   */
  public NaiveReportOracle oracle() {
    return new NaiveReportOracle(users, groups, window, events);
  }
}
