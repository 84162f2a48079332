package io.tenantry.testkit.reports.score;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UserType;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random small tenants (a directory and its events around an as-of day) for Usage Score property
 * tests: licences assigned before and after the day, guests, late creations, deletions inside and
 * before the window, every activity of every workload, platforms, meeting seconds, groups and a
 * few shared file ids.
 *
 * @param directory the users
 * @param events the events, some after the as-of day
 * @param asOf the as-of day the data is drawn around
 */
public record ScoreInputs(UserDirectory directory, List<ActivityEvent> events, LocalDate asOf) {

  /**
   * Copies the events.
   *
   * @throws NullPointerException if a component is null
   */
  public ScoreInputs {
    events = List.copyOf(events);
  }

  /**
   * Returns an arbitrary of tenants.
   *
   * @param tenant the tenant
   * @param asOf the as-of day
   * @param maxUsers the most users
   * @param maxEvents the most events
   * @return the arbitrary
   */
  public static Arbitrary<ScoreInputs> arbitrary(TenantId tenant, LocalDate asOf, int maxUsers,
      int maxEvents) {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, maxUsers),
        Arbitraries.integers().between(0, maxEvents))
        .as((seed, users, events) -> draw(tenant, asOf, seed, users, events));
  }

  /**
   * Draws a tenant from a seed.
   *
   * @param tenant the tenant
   * @param asOf the as-of day
   * @param seed the seed
   * @param userCount how many users
   * @param eventCount how many events
   * @return the tenant's inputs
   */
  public static ScoreInputs draw(TenantId tenant, LocalDate asOf, long seed, int userCount,
      int eventCount) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<DirectoryUser> users = new ArrayList<>();
    for (int i = 0; i < userCount; i++) {
      DirectoryUser.Builder b = DirectoryUser.builder("u" + i, "u" + i + "@example.com");
      for (Workload w : Workload.values()) {
        if (rnd.nextInt(3) > 0) {
          b.licence(w, asOf.minusDays(rnd.nextInt(-5, 120)));
        }
      }
      if (rnd.nextInt(8) == 0) {
        b.userType(UserType.GUEST);
      }
      if (rnd.nextInt(6) == 0) {
        b.createdDate(asOf.minusDays(rnd.nextInt(-3, 60)));
      }
      if (rnd.nextInt(6) == 0) {
        b.deletedDate(asOf.minusDays(rnd.nextInt(-3, 90)));
      }
      b.mfaRegistered(rnd.nextBoolean()).attribute("Department", "D" + (i % 3));
      users.add(b.build());
    }
    List<ActivityEvent> events = new ArrayList<>();
    Activity[] activities = Activity.values();
    for (int e = 0; e < eventCount && userCount > 0; e++) {
      Activity a = activities[rnd.nextInt(activities.length)];
      Workload[] owners = Arrays.stream(Workload.values()).filter(a::belongsTo)
          .toArray(Workload[]::new);
      Workload w = owners[rnd.nextInt(owners.length)];
      Platform p = rnd.nextBoolean() ? Platform.values()[rnd.nextInt(Platform.values().length)]
          : null;
      long audio = 0;
      long video = 0;
      long screen = 0;
      if (w == Workload.TEAMS && rnd.nextBoolean()) {
        audio = rnd.nextInt(0, 4000);
        video = rnd.nextInt(3) == 0 ? rnd.nextInt(1, 900) : 0;
        screen = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 900) : 0;
      }
      events.add(new ActivityEvent(rnd.nextInt(userCount), asOf.minusDays(rnd.nextInt(-2, 70)),
          w, a, 1 + rnd.nextInt(3), p, null, audio, video, screen, null,
          rnd.nextInt(3) == 0 ? "g" + rnd.nextInt(3) : null,
          rnd.nextBoolean() ? "f" + rnd.nextInt(6) : null, null, 0));
    }
    return new ScoreInputs(UserDirectory.of(tenant, users), events, asOf);
  }
}
