package io.tenantry.beam;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.App;
import io.tenantry.reports.input.MeetingType;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.Workload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random tenant as the files a user hands to {@code tenantry reports}: {@code users.csv},
 * {@code groups.csv} and {@code events.jsonl} lines, from a seed. Users are created, deleted and
 * licensed around R; events of every workload fall inside, before and after the window, name users
 * by id or by principal name in another case, and reference existing and unknown groups.
 *
 * @param usersCsv the users snapshot
 * @param groupsCsv the groups snapshot
 * @param events the event lines
 */
record RandomTenantText(String usersCsv, String groupsCsv, List<String> events) {
  static final LocalDate R = LocalDate.of(2026, 6, 30);
  private static final String USERS_HEADER = "User Id,User Principal Name,Display Name,User Type,"
      + "Department,Created Date,Deleted Date,Assigned Products,Exchange License Assign Date,"
      + "OneDrive License Assign Date,SharePoint License Assign Date,"
      + "Skype For Business License Assign Date,Yammer License Assign Date,"
      + "Teams License Assign Date,Microsoft 365 Apps License Assign Date,Cost Center";
  private static final String GROUPS_HEADER = "Group Id,Group Display Name,Group Type,"
      + "Owner Principal Name,Created Date,Deleted Date,Member Count,External Member Count,"
      + "Is Yammer Group,Office 365 Connected";

  static RandomTenantText of(long seed, int userCount, int eventCount) {
    Random rnd = new Random(seed);
    StringBuilder users = new StringBuilder(USERS_HEADER).append("\r\n");
    for (int i = 0; i < userCount; i++) {
      users.append("u").append(i).append(",user").append(i).append("@contoso.com,User ")
          .append(i).append(',').append(pick(rnd, "Member", "Guest", "")).append(',')
          .append(pick(rnd, "Sales", "Ops", "")).append(',').append(maybeDay(rnd, 4)).append(',')
          .append(maybeDay(rnd, 5)).append(',').append(pick(rnd, "OFFICE 365 E3", "")).append(',');
      for (int w = 0; w < 7; w++) {
        users.append(rnd.nextInt(3) == 0 ? "" : R.plusDays(rnd.nextInt(61) - 55)).append(',');
      }
      users.append("CC").append(rnd.nextInt(3)).append("\r\n");
    }
    StringBuilder groups = new StringBuilder(GROUPS_HEADER).append("\r\n");
    int groupCount = rnd.nextInt(4);
    for (int g = 0; g < groupCount; g++) {
      groups.append('g').append(g).append(",Group ").append(g).append(',')
          .append(pick(rnd, "Public", "Private")).append(",owner").append(g)
          .append("@contoso.com,").append(maybeDay(rnd, 3)).append(',').append(maybeDay(rnd, 4))
          .append(',').append(rnd.nextInt(50)).append(',').append(rnd.nextInt(5)).append(',')
          .append(pick(rnd, "Yes", "No")).append(',').append(pick(rnd, "Yes", "No"))
          .append("\r\n");
    }
    List<String> events = new ArrayList<>();
    Activity[] activities = Activity.values();
    for (int i = 0; i < eventCount; i++) {
      Activity a = activities[rnd.nextInt(activities.length)];
      List<Workload> ws = new ArrayList<>();
      for (Workload w : Workload.values()) {
        if (a.belongsTo(w)) {
          ws.add(w);
        }
      }
      Workload w = ws.get(rnd.nextInt(ws.size()));
      int u = rnd.nextInt(userCount);
      StringBuilder e = new StringBuilder("{\"user\":\"")
          .append(rnd.nextBoolean() ? "u" + u : "USER" + u + "@Contoso.com").append("\",")
          .append("\"date\":\"").append(R.plusDays(rnd.nextInt(50) - 45)).append("\",")
          .append("\"workload\":\"").append(w.wireName()).append("\",")
          .append("\"activity\":\"").append(a.wireName()).append('"');
      if (rnd.nextBoolean()) {
        e.append(",\"count\":").append(1 + rnd.nextInt(4));
      }
      if (rnd.nextInt(3) > 0) {
        Platform[] ps = Platform.values();
        e.append(",\"platform\":\"").append(ps[rnd.nextInt(ps.length)].wireName()).append('"');
      }
      if (w == Workload.TEAMS) {
        if (rnd.nextBoolean()) {
          MeetingType[] ts = MeetingType.values();
          e.append(",\"meetingType\":\"").append(ts[rnd.nextInt(ts.length)].wireName())
              .append('"');
        }
        e.append(",\"audioSeconds\":").append(rnd.nextInt(4000))
            .append(",\"videoSeconds\":").append(rnd.nextInt(900))
            .append(",\"screenShareSeconds\":").append(rnd.nextInt(300));
      }
      if (w == Workload.M365_APPS && rnd.nextInt(4) > 0) {
        App[] apps = App.values();
        e.append(",\"app\":\"").append(apps[rnd.nextInt(apps.length)].wireName()).append('"');
      }
      if (rnd.nextInt(3) > 0) {
        e.append(",\"group\":\"g").append(rnd.nextInt(5)).append('"');
      }
      if (rnd.nextInt(3) > 0) {
        e.append(",\"file\":\"f").append(rnd.nextInt(6)).append('"');
      }
      events.add(e.append('}').toString());
    }
    return new RandomTenantText(users.toString(), groups.toString(), events);
  }

  private static String pick(Random rnd, String... values) {
    return values[rnd.nextInt(values.length)];
  }

  private static String maybeDay(Random rnd, int oneIn) {
    return rnd.nextInt(oneIn) == 0 ? R.plusDays(rnd.nextInt(41) - 35).toString() : "";
  }
}
