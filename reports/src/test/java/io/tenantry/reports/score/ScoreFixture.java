package io.tenantry.reports.score;

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
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds small directories and event lists for hand-computed score tests. */
final class ScoreFixture {
  static final TenantId TENANT = TenantId.of("contoso");
  static final LocalDate R = LocalDate.parse("2026-06-30");

  final List<DirectoryUser> users = new ArrayList<>();
  final List<ActivityEvent> events = new ArrayList<>();

  /** Adds a member licensed for the given workloads since 2026-01-01. */
  int member(String name, Workload... licences) {
    return user(name, b -> {
      for (Workload w : licences) {
        b.licence(w, LocalDate.parse("2026-01-01"));
      }
      return b;
    });
  }

  /** Adds a guest licensed for the given workloads. */
  int guest(String name, Workload... licences) {
    return user(name, b -> {
      b.userType(UserType.GUEST);
      for (Workload w : licences) {
        b.licence(w, LocalDate.parse("2026-01-01"));
      }
      return b;
    });
  }

  int user(String name, UnaryOperator<DirectoryUser.Builder> f) {
    DirectoryUser.Builder b = DirectoryUser.builder("id-" + name, name + "@contoso.com")
        .displayName(name.substring(0, 1).toUpperCase() + name.substring(1));
    users.add(f.apply(b).build());
    return users.size() - 1;
  }

  Ev event(int user, Workload w, Activity a) {
    return new Ev(user, w, a);
  }

  UserDirectory directory() {
    return UserDirectory.of(TENANT, users);
  }

  UsageScore score(int historyDays) {
    return UsageScoreEngine.withHistoryDays(historyDays)
        .compute(TENANT, directory(), events, R, Peers.none());
  }

  UsageScore score() {
    return score(1);
  }

  /** A fluent event: on R unless {@link #on} says otherwise; added by {@link #add}. */
  final class Ev {
    private final int user;
    private final Workload workload;
    private final Activity activity;
    private LocalDate day = R;
    private long count = 1;
    private Platform platform;
    private long audio;
    private long video;
    private long screen;
    private String group;
    private String file;

    Ev(int user, Workload workload, Activity activity) {
      this.user = user;
      this.workload = workload;
      this.activity = activity;
    }

    Ev on(LocalDate d) {
      this.day = d;
      return this;
    }

    Ev daysBefore(int n) {
      return on(R.minusDays(n));
    }

    Ev count(long c) {
      this.count = c;
      return this;
    }

    Ev platform(Platform p) {
      this.platform = p;
      return this;
    }

    Ev seconds(long a, long v, long s) {
      this.audio = a;
      this.video = v;
      this.screen = s;
      return this;
    }

    Ev group(String g) {
      this.group = g;
      return this;
    }

    Ev file(String f) {
      this.file = f;
      return this;
    }

    ScoreFixture add() {
      events.add(new ActivityEvent(user, day, workload, activity, count, platform, null, audio,
          video, screen, null, group, file, null, 0));
      return ScoreFixture.this;
    }
  }
}
