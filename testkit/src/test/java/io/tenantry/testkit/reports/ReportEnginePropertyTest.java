package io.tenantry.testkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.ActivityColumns;
import io.tenantry.reports.GraphImport;
import io.tenantry.reports.GroupKind;
import io.tenantry.reports.Measure;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportInput;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.ReportWriter;
import io.tenantry.reports.Reports;
import io.tenantry.reports.UserSet;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.Workload;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReportEnginePropertyTest {
  private static final TenantId T = TenantId.of("contoso");

  @Provide
  Arbitrary<ActivityScenario> anyWindow() {
    return ActivityScenario.scenarios(T, true);
  }

  @Provide
  Arbitrary<ActivityScenario> periods() {
    return ActivityScenario.scenarios(T, false);
  }

  private static PartialAggregate aggregate(ActivityScenario s, List<ActivityEvent> events) {
    return ActivityAggregator.aggregate(s.users(), s.groups(), s.window(), events);
  }

  private static List<LocalDate> days(ActivityScenario s) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = s.window().first(); !d.isAfter(s.window().last()); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  @Property(tries = 150)
  void engine_randomTenant_equalsNaiveOracle(@ForAll("anyWindow") ActivityScenario s) {
    PartialAggregate agg = aggregate(s, s.events());
    NaiveReportOracle o = s.oracle();
    for (LocalDate d : days(s)) {
      for (Measure m : Measure.values()) {
        assertThat(agg.dailySum(d, m)).as("%s %s", d, m).isEqualTo(o.dailySum(d, m));
      }
      for (int i = 0; i < UserSet.COUNT; i++) {
        UserSet set = new UserSet(i);
        assertThat(agg.dailyUserCount(d, set)).as("%s set %d", d, i)
            .isEqualTo(o.dailyUserCount(d, set));
      }
      for (GroupKind k : GroupKind.values()) {
        assertThat(agg.groupDailyActiveCount(k, d)).isEqualTo(o.groupDailyActiveCount(k, d));
        for (Measure m : List.of(Measure.EMAIL_RECEIVED, Measure.YAMMER_POSTED,
            Measure.YAMMER_READ, Measure.YAMMER_LIKED)) {
          assertThat(agg.groupDailySum(k, d, m)).isEqualTo(o.groupDailySum(k, d, m));
        }
      }
    }
    for (int i = 0; i < UserSet.COUNT; i++) {
      assertThat(agg.periodUserCount(new UserSet(i))).isEqualTo(o.periodUserCount(new UserSet(i)));
    }
    for (int u = 0; u < s.users().size(); u++) {
      for (Measure m : Measure.values()) {
        assertThat(agg.userSum(u, m)).as("user %d %s", u, m).isEqualTo(o.userSum(u, m));
      }
      for (Workload w : Workload.values()) {
        assertThat(agg.lastActivity(u, w)).as("user %d %s", u, w).isEqualTo(o.lastActivity(u, w));
      }
    }
    for (int g = 0; g < s.groups().size(); g++) {
      for (Measure m : List.of(Measure.EMAIL_RECEIVED, Measure.YAMMER_POSTED,
          Measure.YAMMER_READ, Measure.YAMMER_LIKED)) {
        assertThat(agg.groupSum(g, m)).isEqualTo(o.groupSum(g, m));
      }
      for (GroupKind k : GroupKind.values()) {
        assertThat(agg.groupLastActivity(g, k)).isEqualTo(o.groupLastActivity(g, k));
      }
      assertThat(agg.groupActiveFileCount(g)).isEqualTo(o.groupActiveFileCount(g));
    }
  }

  @Property(tries = 150)
  void merge_partitions_isAssociativeCommutativeWithIdentityAndEqualsWhole(
      @ForAll("anyWindow") ActivityScenario s) {
    Random rnd = new Random(s.seed());
    List<List<ActivityEvent>> parts = List.of(new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    for (ActivityEvent e : s.events()) {
      parts.get(rnd.nextInt(3)).add(e);
    }
    PartialAggregate a = aggregate(s, parts.get(0));
    PartialAggregate b = aggregate(s, parts.get(1));
    PartialAggregate c = aggregate(s, parts.get(2));
    PartialAggregate empty = PartialAggregate.empty(T, s.window(), s.users().size(),
        s.groups().size());
    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
    assertThat(a.merge(empty)).isEqualTo(a);
    assertThat(empty.merge(a)).isEqualTo(a);
    assertThat(a.merge(b).merge(c)).isEqualTo(aggregate(s, s.events()));
  }

  @Property(tries = 150)
  void columns_anyWindowOfOneCompiledSnapshot_equalsThatWindowsAggregator(
      @ForAll("anyWindow") ActivityScenario s) {
    ActivityColumns columns = ActivityColumns.of(s.users(), s.groups(), s.events());
    LocalDate r = s.window().asOf();
    List<ReportWindow> windows = new ArrayList<>(List.of(s.window()));
    for (int shift : new int[] {-20, -3, 0, 9}) {
      for (Period p : Period.values()) {
        windows.add(ReportWindow.period(r.plusDays(shift), p));
      }
      windows.add(ReportWindow.day(r.plusDays(shift), r.plusDays(shift - 2)));
    }
    for (ReportWindow w : windows) {
      PartialAggregate expected = ActivityAggregator.aggregate(s.users(), s.groups(), w,
          s.events());
      PartialAggregate actual = columns.aggregate(w);
      assertThat(actual).as("%s", w).isEqualTo(expected);
      assertThat(PartialAggregate.fromBytes(actual.toBytes())).isEqualTo(expected);
    }
  }

  @Property(tries = 150)
  void binaryForm_roundTrips(@ForAll("anyWindow") ActivityScenario s) {
    PartialAggregate a = aggregate(s, s.events());
    assertThat(PartialAggregate.fromBytes(a.toBytes())).isEqualTo(a);
  }

  /** Detail columns whose every contributing event lists its user (it makes the user active). */
  private static final List<String[]> SUMS = List.of(
      new String[] {"getEmailActivityUserDetail", "Send Count", "getEmailActivityCounts", "Send"},
      new String[] {"getEmailActivityUserDetail", "Read Count", "getEmailActivityCounts", "Read"},
      new String[] {"getEmailActivityUserDetail", "Meeting Created Count", "getEmailActivityCounts",
          "Meeting Created"},
      new String[] {"getEmailActivityUserDetail", "Meeting Interacted Count",
          "getEmailActivityCounts", "Meeting Interacted"},
      new String[] {"getOneDriveActivityUserDetail", "Viewed Or Edited File Count",
          "getOneDriveActivityFileCounts", "Viewed Or Edited"},
      new String[] {"getOneDriveActivityUserDetail", "Synced File Count",
          "getOneDriveActivityFileCounts", "Synced"},
      new String[] {"getOneDriveActivityUserDetail", "Shared Internally File Count",
          "getOneDriveActivityFileCounts", "Shared Internally"},
      new String[] {"getOneDriveActivityUserDetail", "Shared Externally File Count",
          "getOneDriveActivityFileCounts", "Shared Externally"},
      new String[] {"getSharePointActivityUserDetail", "Viewed Or Edited File Count",
          "getSharePointActivityFileCounts", "Viewed Or Edited"},
      new String[] {"getSharePointActivityUserDetail", "Synced File Count",
          "getSharePointActivityFileCounts", "Synced"},
      new String[] {"getSharePointActivityUserDetail", "Shared Internally File Count",
          "getSharePointActivityFileCounts", "Shared Internally"},
      new String[] {"getSharePointActivityUserDetail", "Shared Externally File Count",
          "getSharePointActivityFileCounts", "Shared Externally"},
      new String[] {"getSharePointActivityUserDetail", "Visited Page Count",
          "getSharePointActivityPages", "Visited Page Count"},
      new String[] {"getYammerActivityUserDetail", "Posted Count", "getYammerActivityCounts",
          "Posted"},
      new String[] {"getYammerActivityUserDetail", "Read Count", "getYammerActivityCounts", "Read"},
      new String[] {"getYammerActivityUserDetail", "Liked Count", "getYammerActivityCounts",
          "Liked"},
      new String[] {"getTeamsUserActivityUserDetail", "Team Chat Message Count",
          "getTeamsUserActivityCounts", "Team Chat Messages"},
      new String[] {"getTeamsUserActivityUserDetail", "Private Chat Message Count",
          "getTeamsUserActivityCounts", "Private Chat Messages"},
      new String[] {"getTeamsUserActivityUserDetail", "Call Count", "getTeamsUserActivityCounts",
          "Calls"},
      new String[] {"getTeamsUserActivityUserDetail", "Meeting Count",
          "getTeamsUserActivityCounts", "Meetings"},
      new String[] {"getTeamsUserActivityUserDetail", "Post Messages",
          "getTeamsUserActivityCounts", "Post Messages"},
      new String[] {"getTeamsUserActivityUserDetail", "Reply Messages",
          "getTeamsUserActivityCounts", "Reply Messages"},
      new String[] {"getTeamsUserActivityUserDetail", "Meetings Organized Count",
          "getTeamsUserActivityCounts", "Meetings Organized"},
      new String[] {"getTeamsUserActivityUserDetail", "Meetings Attended Count",
          "getTeamsUserActivityCounts", "Meetings Attended"},
      new String[] {"getTeamsUserActivityUserDetail", "Audio Duration",
          "getTeamsUserActivityCounts", "Audio Duration"},
      new String[] {"getTeamsUserActivityUserDetail", "Video Duration In Seconds",
          "getTeamsUserActivityCounts", "Video Duration"},
      new String[] {"getTeamsUserActivityUserDetail", "Screen Share Duration",
          "getTeamsUserActivityCounts", "Screen Share Duration"});

  private static long columnSum(ReportTable t, String header) {
    int i = t.indexOf(header);
    long s = 0;
    for (List<Object> row : t.rows()) {
      Object v = row.get(i);
      s += v instanceof Duration d ? d.getSeconds() : (Long) v;
    }
    return s;
  }

  @Property(tries = 150)
  void detailColumnSums_equalDailyCountSumsOverTheWindow(@ForAll("periods") ActivityScenario s) {
    ReportInput in = new ReportInput(s.users(), s.groups(), aggregate(s, s.events()), "Contoso",
        null);
    for (String[] pair : SUMS) {
      ReportTable detail = Reports.render(ReportFunction.byGraphName(pair[0]).orElseThrow(), in);
      ReportTable daily = Reports.render(ReportFunction.byGraphName(pair[2]).orElseThrow(), in);
      assertThat(daily.rows()).hasSize(s.window().days());
      assertThat(columnSum(detail, pair[1])).as("%s.%s", pair[0], pair[1])
          .isEqualTo(columnSum(daily, pair[3]));
    }
  }

  @Property(tries = 100)
  void teamsDetail_everyCell_equalsTheAggregateAndDirectoryAccessors(
      @ForAll("periods") ActivityScenario s) {
    PartialAggregate agg = aggregate(s, s.events());
    ReportInput in = new ReportInput(s.users(), s.groups(), agg, "Contoso", null);
    ReportTable t = Reports.render(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL, in);
    ReportTable devices = Reports.render(ReportFunction.GET_TEAMS_DEVICE_USAGE_USER_DETAIL, in);
    LocalDate r = s.window().asOf();
    List<String> listed = new ArrayList<>();
    for (int row = 0; row < t.rowCount(); row++) {
      String upn = (String) t.value(row, t.indexOf("User Principal Name"));
      listed.add(upn);
      int u = s.users().resolve(upn).orElseThrow();
      DirectoryUser user = s.users().user(u);
      assertThat(t.value(row, t.indexOf("User Id"))).isEqualTo(user.id().value());
      assertThat(t.value(row, t.indexOf("Last Activity Date")))
          .isEqualTo(agg.lastActivity(u, Workload.TEAMS));
      assertThat(t.value(row, t.indexOf("Is Deleted"))).isEqualTo(user.isDeletedAsOf(r));
      assertThat(t.value(row, t.indexOf("Deleted Date"))).isEqualTo(user.deletedDateAsOf(r));
      assertThat(t.value(row, t.indexOf("Assigned Products"))).isEqualTo(user.assignedProducts());
      assertThat(t.longValue(row, t.indexOf("Team Chat Message Count")))
          .isEqualTo(agg.userSum(u, Measure.TEAM_CHAT_MESSAGES));
      assertThat(t.longValue(row, t.indexOf("Meetings Attended Count")))
          .isEqualTo(agg.userSum(u, Measure.MEETINGS_ATTENDED));
      assertThat(t.value(row, t.indexOf("Audio Duration")))
          .isEqualTo(Duration.ofSeconds(agg.userSum(u, Measure.AUDIO_SECONDS)));
      assertThat(t.value(row, t.indexOf("Screen Share Duration In Seconds")))
          .isEqualTo(agg.userSum(u, Measure.SCREEN_SHARE_SECONDS));
      assertThat(t.value(row, t.indexOf("Has Other Action")))
          .isEqualTo(agg.inPeriod(u, UserSet.did(Measure.OTHER_ACTIONS)));
      assertThat(t.value(row, t.indexOf("Is Licensed")))
          .isEqualTo(user.hasLicence(Workload.TEAMS, r));
    }
    List<Object> deviceUsers = new ArrayList<>();
    devices.rows().forEach(row -> deviceUsers.add(row.get(devices.indexOf("User Principal Name"))));
    assertThat(listed).as("the same users as the device usage detail, in the same order")
        .isEqualTo(deviceUsers);
  }

  @Property(tries = 60)
  void everyReport_writtenAndImported_givesSameRows(@ForAll("anyWindow") ActivityScenario s)
      throws java.io.IOException {
    ReportInput in = new ReportInput(s.users(), s.groups(), aggregate(s, s.events()), "Contoso",
        null);
    for (ReportFunction f : ReportFunction.values()) {
      if (s.window().singleDay() && !f.acceptsDate()) {
        continue;
      }
      ReportTable table = Reports.render(f, in);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ReportWriter.writeCsv(table, out);
      GraphImport.Imported back = GraphImport.read(new java.io.StringReader(
          out.toString(java.nio.charset.StandardCharsets.UTF_8)), f.graphName() + ".csv");
      assertThat(back.function()).isEqualTo(f);
      assertThat(back.table().rows()).as(f.graphName()).isEqualTo(table.rows());
    }
  }

  @Property(tries = 100)
  void results_neverMixTenants(@ForAll("anyWindow") ActivityScenario s) {
    TenantId other = TenantId.of("fabrikam");
    ActivityScenario t = ActivityScenario.build(other, s.seed(), s.users().size(),
        s.events().size(), true);
    PartialAggregate mine = aggregate(s, s.events());
    PartialAggregate theirs = ActivityAggregator.aggregate(t.users(), t.groups(), s.window(),
        t.events());
    assertThat(mine.tenant()).isEqualTo(T);
    assertThat(theirs.tenant()).isEqualTo(other);
    assertThatThrownBy(() -> mine.merge(theirs)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenants");
    assertThatThrownBy(() -> new ReportInput(s.users(), s.groups(), theirs, "x", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActivityAggregator.of(s.users(), t.groups(), s.window()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
