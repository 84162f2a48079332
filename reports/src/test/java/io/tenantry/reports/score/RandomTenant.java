package io.tenantry.reports.score;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserType;
import io.tenantry.reports.input.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Random small tenants for property tests, drawn from a seed so a failure replays. */
final class RandomTenant {
  private static final List<Activity> ACTIVITIES = Arrays.asList(Activity.values());

  private RandomTenant() {}

  static ScoreFixture draw(long seed, int users, int events) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ScoreFixture f = new ScoreFixture();
    String[] departments = {"Sales", "Ops", "Legal"};
    for (int i = 0; i < users; i++) {
      int n = i;
      f.user("u" + i, b -> {
        for (Workload w : Workload.values()) {
          if (rnd.nextInt(3) > 0) {
            b.licence(w, ScoreFixture.R.minusDays(rnd.nextInt(-5, 120)));
          }
        }
        if (rnd.nextInt(8) == 0) {
          b.userType(UserType.GUEST);
        }
        if (rnd.nextInt(6) == 0) {
          b.createdDate(ScoreFixture.R.minusDays(rnd.nextInt(-3, 60)));
        }
        if (rnd.nextInt(6) == 0) {
          b.deletedDate(ScoreFixture.R.minusDays(rnd.nextInt(-3, 90)));
        }
        b.mfaRegistered(rnd.nextBoolean());
        b.attribute("Department", departments[n % departments.length]);
        return b;
      });
    }
    for (int e = 0; e < events && users > 0; e++) {
      Activity a = ACTIVITIES.get(rnd.nextInt(ACTIVITIES.size()));
      Workload w = Arrays.stream(Workload.values()).filter(a::belongsTo)
          .skip(rnd.nextInt((int) Arrays.stream(Workload.values()).filter(a::belongsTo).count()))
          .findFirst().orElseThrow();
      ScoreFixture.Ev ev = f.event(rnd.nextInt(users), w, a)
          .daysBefore(rnd.nextInt(-2, 70)).count(1 + rnd.nextInt(3));
      if (rnd.nextBoolean()) {
        ev.platform(Platform.values()[rnd.nextInt(Platform.values().length)]);
      }
      if (w == Workload.TEAMS && rnd.nextBoolean()) {
        ev.seconds(rnd.nextInt(0, 4000), rnd.nextInt(3) == 0 ? rnd.nextInt(1, 900) : 0,
            rnd.nextInt(4) == 0 ? rnd.nextInt(1, 900) : 0);
      }
      if (rnd.nextInt(3) == 0) {
        ev.group("g" + rnd.nextInt(3));
      }
      if (rnd.nextInt(2) == 0) {
        ev.file("f" + rnd.nextInt(6));
      }
      ev.add();
    }
    return f;
  }
}
