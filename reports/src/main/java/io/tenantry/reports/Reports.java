package io.tenantry.reports;

import static io.tenantry.reports.Measure.*;

import io.tenantry.reports.input.App;
import io.tenantry.reports.input.DirectoryColumns;
import io.tenantry.reports.input.DirectoryGroup;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * The report catalogue: computes each {@link ReportFunction} from a {@link ReportInput}, exactly as
 * {@code activity-events.md} §4–7 define the rows and columns. Stateless and thread-safe.
 *
 * <p>Choices where the specification is silent (also in the CHANGELOG): Yammer activity's {@code
 * User State} is {@code Deleted} for a user deleted as of R, else {@code Active}, and {@code State
 * Change Date} is the deletion date; Microsoft 365 Apps' {@code Last Activation Date} is blank (no
 * activation data); the group mailbox and site storage columns of the Microsoft 365 groups report
 * are blank (not measured); a group's {@code Exchange Received Email Count} sums the Exchange
 * {@code EmailSent} and {@code EmailReceived} events carrying the group; a group report lists the
 * groups of its {@link GroupKind} that exist as of R and are not deleted before the window starts
 * unless active in it; a day's {@code Total} groups are those created on or before the day and not
 * deleted on or before it.
 */
public final class Reports {
  private static final Comparator<String> NAME_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
  private static final List<Workload> SIX = Workload.office365Services();
  /** The count columns of the Teams user detail, Team Chat Message Count … Recurring Attended. */
  private static final Measure[] TEAMS_DETAIL_COUNTS = {TEAM_CHAT_MESSAGES,
      PRIVATE_CHAT_MESSAGES, CALLS, MEETINGS_ATTENDED, POST_MESSAGES, REPLY_MESSAGES,
      URGENT_MESSAGES, MEETINGS_ORGANIZED, MEETINGS_ATTENDED, AD_HOC_ORGANIZED, AD_HOC_ATTENDED,
      SCHEDULED_ONE_TIME_ORGANIZED, SCHEDULED_ONE_TIME_ATTENDED, SCHEDULED_RECURRING_ORGANIZED,
      SCHEDULED_RECURRING_ATTENDED};
  private static final Platform[] DEVICE_DETAIL_ORDER = {Platform.WEB, Platform.WINDOWS_PHONE,
      Platform.IOS, Platform.MAC, Platform.ANDROID_PHONE, Platform.WINDOWS, Platform.CHROME_OS,
      Platform.LINUX};
  private static final Platform[] DEVICE_COUNT_ORDER = {Platform.WEB, Platform.WINDOWS_PHONE,
      Platform.ANDROID_PHONE, Platform.IOS, Platform.MAC, Platform.WINDOWS, Platform.CHROME_OS,
      Platform.LINUX};

  /** What {@link #inDirectoryOrder} answers when the rows are in that order already. */
  private static final int[] IN_ORDER = new int[0];

  private Reports() {}

  /**
   * Computes a report.
   *
   * @param function the report
   * @param in the tenant's inputs
   * @return the table, rows in output order, names concealed when {@code in} has a concealer
   * @throws IllegalArgumentException if a daily or whole-period report is asked for a single-day
   *     window
   */
  public static ReportTable render(ReportFunction function, ReportInput in) {
    ReportWindow w = in.aggregate().window();
    if (w.singleDay() && !function.acceptsDate()) {
      throw new IllegalArgumentException(function.graphName()
          + " accepts a period only, not a single date");
    }
    Renderer renderer = new Renderer(in, function);
    renderer.render(function);
    return finish(function, renderer.rows, renderer.listedUsers(), in);
  }

  /**
   * Conceals names and puts the rows in output order. Without a concealer, a user detail report's
   * rows follow the directory's {@link UserDirectory#principalNameOrder()} (computed once per
   * directory); other detail reports sort their rows by the key column (stable).
   */
  private static ReportTable finish(ReportFunction function, ColumnarRows rows, int[] rowUser,
      ReportInput in) {
    List<Column> cols = function.columns();
    Concealer concealer = in.concealer();
    if (concealer != null) {
      for (int i = 0; i < cols.size(); i++) {
        Column c = cols.get(i);
        for (int r = 0; r < rows.size(); r++) {
          switch (c.concealment()) {
            case TOKEN -> rows.set(r, i, concealer.token((String) rows.get(r, i)));
            case ZERO_GUID -> rows.set(r, i, Concealer.ZERO_GUID);
            case NONE -> { }
          }
        }
      }
    }
    ReportFunction.Kind kind = function.kind();
    int[] order = null;
    if (kind == ReportFunction.Kind.USER_DETAIL && concealer == null) {
      order = inDirectoryOrder(rowUser, rows.size(), in.users());
      if (order == IN_ORDER) {
        return new ReportTable(function, rows, null);
      }
    }
    if (order == null && (kind == ReportFunction.Kind.USER_DETAIL
        || kind == ReportFunction.Kind.GROUP_DETAIL)) {
      int key = columnIndex(function, kind == ReportFunction.Kind.USER_DETAIL
          ? "User Principal Name" : "Group Display Name");
      Integer[] sorted = new Integer[rows.size()];
      for (int r = 0; r < sorted.length; r++) {
        sorted[r] = r;
      }
      Arrays.sort(sorted, Comparator.comparing(r -> (String) rows.get(r, key), NAME_ORDER));
      order = new int[sorted.length];
      for (int r = 0; r < sorted.length; r++) {
        order[r] = sorted[r];
      }
    }
    return new ReportTable(function, rows, order);
  }

  private static int columnIndex(ReportFunction function, String header) {
    List<Column> cols = function.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).header().equals(header)) {
        return i;
      }
    }
    throw new IllegalArgumentException(function.graphName() + " has no column " + header);
  }

  /**
   * The rows of a user detail report (row r lists user {@code rowUser[r]}) in the directory's
   * principal-name order, {@link #IN_ORDER} when they are in that order already, or null when a
   * user is listed twice.
   */
  private static int[] inDirectoryOrder(int[] rowUser, int rows, UserDirectory users) {
    int[] rowOf = new int[users.size()];
    Arrays.fill(rowOf, -1);
    for (int r = 0; r < rows; r++) {
      if (rowOf[rowUser[r]] >= 0) {
        return null;
      }
      rowOf[rowUser[r]] = r;
    }
    int[] order = new int[rows];
    int k = 0;
    for (int u : users.principalNameOrder()) {
      if (rowOf[u] >= 0) {
        order[k++] = rowOf[u];
      }
    }
    for (int r = 0; r < rows; r++) {
      if (order[r] != r) {
        return order;
      }
    }
    return IN_ORDER;
  }

  /** Renders one report into a row list. */
  private static final class Renderer {
    private final ReportInput in;
    private final PartialAggregate agg;
    private final ReportWindow w;
    private final LocalDate r;
    private final long period;
    private final long firstDay;
    ColumnarRows rows;
    private int[] listed = new int[16];
    private int listedCount;

    Renderer(ReportInput in, ReportFunction function) {
      this.in = in;
      this.agg = in.aggregate();
      this.w = agg.window();
      this.r = w.asOf();
      this.period = w.reportPeriod();
      this.firstDay = w.first().toEpochDay();
      int expected = switch (function.kind()) {
        case USER_DETAIL -> in.users().size();
        case GROUP_DETAIL -> in.groups().size();
        default -> w.days();
      };
      this.rows = new ColumnarRows(function.columns(), expected);
    }

    private void row(Object... values) {
      for (Object v : values) {
        rows.add(v);
      }
    }

    private void rowOf(List<Object> values) {
      for (Object v : values) {
        rows.add(v);
      }
    }

    /** Notes that the next row lists a user. */
    private void listing(int user) {
      if (listedCount == listed.length) {
        listed = Arrays.copyOf(listed, listedCount * 2);
      }
      listed[listedCount++] = user;
    }

    int[] listedUsers() {
      return listed;
    }

    /** The days of the window, newest first. */
    private List<LocalDate> daysNewestFirst() {
      List<LocalDate> days = new ArrayList<>(w.days());
      for (LocalDate d = w.last(); !d.isBefore(w.first()); d = d.minusDays(1)) {
        days.add(d);
      }
      return days;
    }

    /**
     * §6: the users listed in a detail report for a service, in the directory's principal-name
     * order when names are not concealed (the order {@link #finish} gives the rows, so the
     * columns come out in output order and are read in sequence), else in directory order.
     */
    private int[] detailUsers(Workload s) {
      DirectoryColumns cols = in.users().columns();
      RoaringBitmap active = agg.periodSet(UserSet.active(s));
      long rDay = r.toEpochDay();
      long last = w.last().toEpochDay();
      int[] list = new int[in.users().size()];
      int[] byName = in.concealer() == null ? in.users().principalNameOrder() : null;
      int n = 0;
      for (int k = 0; k < list.length; k++) {
        int u = byName == null ? k : byName[k];
        if (cols.created(u) > rDay) {
          continue;
        }
        boolean licensed = cols.licensed(s, u) <= rDay;
        long deleted = cols.deleted(u);
        boolean a = licensed && deleted > rDay;
        boolean b = active.contains(u);
        boolean c = licensed && deleted >= firstDay && deleted <= last;
        if (a || b || c) {
          list[n++] = u;
        }
      }
      return Arrays.copyOf(list, n);
    }

    private Long sum(int u, Measure m) {
      return agg.userSum(u, m);
    }

    /** The position of a day of the window. */
    private int index(LocalDate d) {
      return (int) (d.toEpochDay() - firstDay);
    }

    private Long daily(LocalDate d, Measure m) {
      return agg.dailySumAt(index(d), m);
    }

    private Long users(LocalDate d, UserSet s) {
      return (long) agg.dailyUserCountAt(index(d), s);
    }

    private Long users(LocalDate d, Measure m) {
      return users(d, UserSet.did(m));
    }

    void render(ReportFunction f) {
      switch (f) {
        case GET_OFFICE365_ACTIVE_USER_DETAIL -> activeUserDetail();
        case GET_OFFICE365_ACTIVE_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            List<Object> v = new ArrayList<>(List.of(r, users(d, UserSet.activeOffice365())));
            for (Workload s : SIX) {
              v.add(users(d, UserSet.active(s)));
            }
            v.add(d);
            v.add(period);
            rowOf(v);
          }
        }
        case GET_OFFICE365_SERVICES_USER_COUNTS -> servicesUserCounts();
        case GET_TEAMS_USER_ACTIVITY_USER_DETAIL -> teamsDetail();
        case GET_TEAMS_USER_ACTIVITY_COUNTS -> teamsCounts();
        case GET_TEAMS_USER_ACTIVITY_USER_COUNTS -> teamsUserCounts();
        case GET_TEAMS_DEVICE_USAGE_USER_DETAIL -> {
          for (int u : detailUsers(Workload.TEAMS)) {
            listing(u);
            DirectoryUser user = in.users().user(u);
            List<Object> v = new ArrayList<>(List.of(r, user.id().value(),
                user.userPrincipalName()));
            v.add(agg.lastActivity(u, Workload.TEAMS));
            v.add(user.isDeletedAsOf(r));
            v.add(user.deletedDateAsOf(r));
            for (Platform p : DEVICE_DETAIL_ORDER) {
              v.add(agg.inPeriod(u, UserSet.teamsPlatform(p)));
            }
            v.add(user.hasLicence(Workload.TEAMS, r));
            v.add(period);
            rowOf(v);
          }
        }
        case GET_TEAMS_DEVICE_USAGE_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            List<Object> v = new ArrayList<>(List.of(r));
            for (Platform p : DEVICE_COUNT_ORDER) {
              v.add(users(d, UserSet.teamsPlatform(p)));
            }
            v.add(d);
            v.add(period);
            rowOf(v);
          }
        }
        case GET_TEAMS_DEVICE_USAGE_DISTRIBUTION_USER_COUNTS -> {
          List<Object> v = new ArrayList<>(List.of(r));
          for (Platform p : DEVICE_COUNT_ORDER) {
            v.add((long) agg.periodUserCount(UserSet.teamsPlatform(p)));
          }
          v.add(period);
          rowOf(v);
        }
        case GET_YAMMER_GROUPS_ACTIVITY_DETAIL -> {
          for (int g : detailGroups(GroupKind.YAMMER)) {
            DirectoryGroup group = in.groups().group(g);
            row(r, group.displayName(), group.isDeletedAsOf(r), group.ownerPrincipalName(),
                agg.groupLastActivity(g, GroupKind.YAMMER), group.groupType(),
                group.office365Connected(), group.memberCount(),
                agg.groupSum(g, YAMMER_POSTED), agg.groupSum(g, YAMMER_READ),
                agg.groupSum(g, YAMMER_LIKED), period);
          }
        }
        case GET_YAMMER_GROUPS_ACTIVITY_GROUP_COUNTS -> groupCounts(GroupKind.YAMMER);
        case GET_YAMMER_GROUPS_ACTIVITY_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, agg.groupDailySum(GroupKind.YAMMER, d, YAMMER_LIKED),
                agg.groupDailySum(GroupKind.YAMMER, d, YAMMER_POSTED),
                agg.groupDailySum(GroupKind.YAMMER, d, YAMMER_READ), d, period);
          }
        }
        case GET_OFFICE365_GROUPS_ACTIVITY_DETAIL -> {
          for (int g : detailGroups(GroupKind.MICROSOFT_365)) {
            DirectoryGroup group = in.groups().group(g);
            row(r, group.displayName(), group.isDeletedAsOf(r), group.ownerPrincipalName(),
                agg.groupLastActivity(g, GroupKind.MICROSOFT_365), group.groupType(),
                group.memberCount(), group.externalMemberCount(),
                agg.groupSum(g, EMAIL_RECEIVED), (long) agg.groupActiveFileCount(g),
                agg.groupSum(g, YAMMER_POSTED), agg.groupSum(g, YAMMER_READ),
                agg.groupSum(g, YAMMER_LIKED), null, null, null, null, group.id().value(),
                period);
          }
        }
        case GET_OFFICE365_GROUPS_ACTIVITY_COUNTS -> {
          GroupKind k = GroupKind.MICROSOFT_365;
          for (LocalDate d : daysNewestFirst()) {
            row(r, agg.groupDailySum(k, d, EMAIL_RECEIVED), agg.groupDailySum(k, d, YAMMER_POSTED),
                agg.groupDailySum(k, d, YAMMER_READ), agg.groupDailySum(k, d, YAMMER_LIKED), d,
                period);
          }
        }
        case GET_OFFICE365_GROUPS_ACTIVITY_GROUP_COUNTS -> groupCounts(GroupKind.MICROSOFT_365);
        case GET_ONEDRIVE_ACTIVITY_USER_DETAIL -> {
          for (int u : detailUsers(Workload.ONE_DRIVE)) {
            listing(u);
            DirectoryUser user = in.users().user(u);
            row(r, user.userPrincipalName(), user.isDeletedAsOf(r), user.deletedDateAsOf(r),
                agg.lastActivity(u, Workload.ONE_DRIVE), sum(u, ONEDRIVE_VIEWED_OR_EDITED),
                sum(u, ONEDRIVE_SYNCED), sum(u, ONEDRIVE_SHARED_INTERNALLY),
                sum(u, ONEDRIVE_SHARED_EXTERNALLY), user.assignedProducts(), period);
          }
        }
        case GET_ONEDRIVE_ACTIVITY_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, users(d, ONEDRIVE_VIEWED_OR_EDITED), users(d, ONEDRIVE_SYNCED),
                users(d, ONEDRIVE_SHARED_INTERNALLY), users(d, ONEDRIVE_SHARED_EXTERNALLY), d,
                period);
          }
        }
        case GET_ONEDRIVE_ACTIVITY_FILE_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, daily(d, ONEDRIVE_VIEWED_OR_EDITED), daily(d, ONEDRIVE_SYNCED),
                daily(d, ONEDRIVE_SHARED_INTERNALLY), daily(d, ONEDRIVE_SHARED_EXTERNALLY), d,
                period);
          }
        }
        case GET_SHAREPOINT_ACTIVITY_USER_DETAIL -> {
          for (int u : detailUsers(Workload.SHARE_POINT)) {
            listing(u);
            DirectoryUser user = in.users().user(u);
            row(r, user.userPrincipalName(), user.isDeletedAsOf(r), user.deletedDateAsOf(r),
                agg.lastActivity(u, Workload.SHARE_POINT), sum(u, SHAREPOINT_VIEWED_OR_EDITED),
                sum(u, SHAREPOINT_SYNCED), sum(u, SHAREPOINT_SHARED_INTERNALLY),
                sum(u, SHAREPOINT_SHARED_EXTERNALLY), sum(u, SHAREPOINT_PAGE_VIEWED),
                user.assignedProducts(), period);
          }
        }
        case GET_SHAREPOINT_ACTIVITY_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, users(d, SHAREPOINT_PAGE_VIEWED), users(d, SHAREPOINT_VIEWED_OR_EDITED),
                users(d, SHAREPOINT_SYNCED), users(d, SHAREPOINT_SHARED_INTERNALLY),
                users(d, SHAREPOINT_SHARED_EXTERNALLY), d, period);
          }
        }
        case GET_SHAREPOINT_ACTIVITY_FILE_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, daily(d, SHAREPOINT_VIEWED_OR_EDITED), daily(d, SHAREPOINT_SYNCED),
                daily(d, SHAREPOINT_SHARED_INTERNALLY), daily(d, SHAREPOINT_SHARED_EXTERNALLY), d,
                period);
          }
        }
        case GET_SHAREPOINT_ACTIVITY_PAGES -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, daily(d, SHAREPOINT_PAGE_VIEWED), d, period);
          }
        }
        case GET_YAMMER_ACTIVITY_USER_DETAIL -> {
          for (int u : detailUsers(Workload.YAMMER)) {
            listing(u);
            DirectoryUser user = in.users().user(u);
            boolean deleted = user.isDeletedAsOf(r);
            row(r, user.userPrincipalName(), user.displayName(), deleted ? "Deleted" : "Active",
                user.deletedDateAsOf(r), agg.lastActivity(u, Workload.YAMMER),
                sum(u, YAMMER_POSTED), sum(u, YAMMER_READ), sum(u, YAMMER_LIKED),
                user.assignedProducts(), period);
          }
        }
        case GET_YAMMER_ACTIVITY_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, daily(d, YAMMER_LIKED), daily(d, YAMMER_POSTED), daily(d, YAMMER_READ), d,
                period);
          }
        }
        case GET_YAMMER_ACTIVITY_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, users(d, YAMMER_LIKED), users(d, YAMMER_POSTED), users(d, YAMMER_READ), d,
                period);
          }
        }
        case GET_EMAIL_ACTIVITY_USER_DETAIL -> {
          for (int u : detailUsers(Workload.EXCHANGE)) {
            listing(u);
            DirectoryUser user = in.users().user(u);
            row(r, user.userPrincipalName(), user.displayName(), user.isDeletedAsOf(r),
                user.deletedDateAsOf(r), agg.lastActivity(u, Workload.EXCHANGE),
                sum(u, EMAIL_SENT), sum(u, EMAIL_RECEIVED), sum(u, EMAIL_READ),
                sum(u, MEETING_CREATED), sum(u, MEETING_INTERACTED), user.assignedProducts(),
                period);
          }
        }
        case GET_EMAIL_ACTIVITY_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, daily(d, EMAIL_SENT), daily(d, EMAIL_RECEIVED), daily(d, EMAIL_READ),
                daily(d, MEETING_CREATED), daily(d, MEETING_INTERACTED), d, period);
          }
        }
        case GET_EMAIL_ACTIVITY_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            row(r, users(d, EMAIL_SENT), users(d, EMAIL_RECEIVED), users(d, EMAIL_READ),
                users(d, MEETING_CREATED), users(d, MEETING_INTERACTED), d, period);
          }
        }
        case GET_M365_APP_USER_DETAIL -> {
          for (int u : detailUsers(Workload.M365_APPS)) {
            listing(u);
            DirectoryUser user = in.users().user(u);
            List<Object> v = new ArrayList<>();
            v.add(r);
            v.add(user.userPrincipalName());
            v.add(null);
            v.add(agg.lastActivity(u, Workload.M365_APPS));
            v.add(period);
            for (AppPlatform p : AppPlatform.values()) {
              v.add(agg.inPeriod(u, UserSet.appPlatform(p)));
            }
            for (App a : App.values()) {
              v.add(agg.inPeriod(u, UserSet.app(a)));
            }
            for (AppPlatform p : AppPlatform.values()) {
              for (App a : App.values()) {
                v.add(agg.inPeriod(u, UserSet.appOn(a, p)));
              }
            }
            rowOf(v);
          }
        }
        case GET_M365_APP_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            List<Object> v = new ArrayList<>(List.of(r, period, d));
            for (App a : App.values()) {
              v.add(users(d, UserSet.app(a)));
            }
            rowOf(v);
          }
        }
        case GET_M365_APP_PLATFORM_USER_COUNTS -> {
          for (LocalDate d : daysNewestFirst()) {
            List<Object> v = new ArrayList<>(List.of(r, period, d));
            for (AppPlatform p : AppPlatform.values()) {
              v.add(users(d, UserSet.appPlatform(p)));
            }
            rowOf(v);
          }
        }
      }
    }

    private void activeUserDetail() {
      for (int u = 0; u < in.users().size(); u++) {
        DirectoryUser user = in.users().user(u);
        if (!user.existsAsOf(r)
            || (user.deletedDate() != null && user.deletedDate().isBefore(w.first()))) {
          continue;
        }
        listing(u);
        List<Object> v = new ArrayList<>();
        v.add(r);
        v.add(user.userPrincipalName());
        v.add(user.displayName());
        v.add(user.isDeletedAsOf(r));
        v.add(user.deletedDateAsOf(r));
        for (Workload s : SIX) {
          v.add(user.hasLicence(s, r));
        }
        for (Workload s : SIX) {
          v.add(agg.lastActivity(u, s));
        }
        for (Workload s : SIX) {
          v.add(user.licenceAssignDateAsOf(s, r));
        }
        v.add(user.assignedProducts());
        rowOf(v);
      }
    }

    private void servicesUserCounts() {
      long[] active = new long[SIX.size() + 1];
      long[] inactive = new long[SIX.size() + 1];
      for (int u = 0; u < in.users().size(); u++) {
        DirectoryUser user = in.users().user(u);
        if (!user.existsAsOf(r) || user.isDeletedAsOf(r)) {
          continue;
        }
        boolean any = false;
        for (int i = 0; i < SIX.size(); i++) {
          Workload s = SIX.get(i);
          if (user.hasLicence(s, r)) {
            any = true;
            if (agg.inPeriod(u, UserSet.active(s))) {
              active[i]++;
            } else {
              inactive[i]++;
            }
          }
        }
        if (any) {
          if (agg.inPeriod(u, UserSet.activeOffice365())) {
            active[SIX.size()]++;
          } else {
            inactive[SIX.size()]++;
          }
        }
      }
      List<Object> v = new ArrayList<>();
      v.add(r);
      for (int i = 0; i <= SIX.size(); i++) {
        v.add(active[i]);
        v.add(inactive[i]);
      }
      v.add(period);
      rowOf(v);
    }

    /** getTeamsUserActivityCounts: typed values, no boxing. */
    private void teamsCounts() {
      for (LocalDate d : daysNewestFirst()) {
        int k = index(d);
        rows.add(r);
        rows.add(d);
        rows.addLong(agg.dailySumAt(k, TEAM_CHAT_MESSAGES));
        rows.addLong(agg.dailySumAt(k, POST_MESSAGES));
        rows.addLong(agg.dailySumAt(k, REPLY_MESSAGES));
        rows.addLong(agg.dailySumAt(k, PRIVATE_CHAT_MESSAGES));
        rows.addLong(agg.dailySumAt(k, CALLS));
        rows.addLong(agg.dailySumAt(k, MEETINGS_ATTENDED));
        rows.addSeconds(agg.dailySumAt(k, AUDIO_SECONDS));
        rows.addSeconds(agg.dailySumAt(k, VIDEO_SECONDS));
        rows.addSeconds(agg.dailySumAt(k, SCREEN_SHARE_SECONDS));
        rows.addLong(agg.dailySumAt(k, MEETINGS_ORGANIZED));
        rows.addLong(agg.dailySumAt(k, MEETINGS_ATTENDED));
        rows.addLong(period);
      }
    }

    /** getTeamsUserActivityUserCounts: typed values, no boxing. */
    private void teamsUserCounts() {
      for (LocalDate d : daysNewestFirst()) {
        int k = index(d);
        rows.add(r);
        rows.add(d);
        rows.addLong(agg.dailyUserCountAt(k, UserSet.did(TEAM_CHAT_MESSAGES)));
        rows.addLong(agg.dailyUserCountAt(k, UserSet.did(PRIVATE_CHAT_MESSAGES)));
        rows.addLong(agg.dailyUserCountAt(k, UserSet.did(CALLS)));
        rows.addLong(agg.dailyUserCountAt(k, UserSet.did(MEETINGS_ATTENDED)));
        rows.addLong(agg.dailyUserCountAt(k, UserSet.did(OTHER_ACTIONS)));
        rows.addLong(period);
      }
    }

    /**
     * getTeamsUserActivityUserDetail, column by column: each count column is read from the
     * aggregate's per-measure sums in one loop, and a column nobody has (a count of zero for
     * every user, nobody deleted) is kept as one value.
     */
    private void teamsDetail() {
      DirectoryColumns cols = in.users().columns();
      RoaringBitmap other = agg.periodSet(UserSet.did(OTHER_ACTIONS));
      long rDay = r.toEpochDay();
      int[] users = detailUsers(Workload.TEAMS);
      int n = users.length;
      int[] userRow = new int[n];
      Object[] ids = new Object[n];
      Object[] names = new Object[n];
      Object[] products = new Object[n];
      int[] last = new int[n];
      byte[] deleted = new byte[n];
      Object[] deletedDates = new Object[n];
      boolean anyDeleted = false;
      byte[] otherAction = new byte[n];
      byte[] licensed = new byte[n];
      for (int k = 0; k < n; k++) {
        int u = users[k];
        userRow[k] = agg.userRow(u);
        ids[k] = cols.id(u);
        names[k] = cols.principalName(u);
        products[k] = cols.assignedProducts(u);
        last[k] = agg.lastActivityDay(u, Workload.TEAMS);
        boolean gone = cols.deleted(u) <= rDay;
        anyDeleted |= gone;
        deleted[k] = ColumnarRows.bool(gone);
        deletedDates[k] = gone ? in.users().user(u).deletedDate() : null;
        otherAction[k] = ColumnarRows.bool(other.contains(u));
        licensed[k] = ColumnarRows.bool(cols.licensed(Workload.TEAMS, u) <= rDay);
      }
      List<Column> columns = ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL.columns();
      Object[] values = new Object[columns.size()];
      int c = 0;
      values[c++] = r;
      values[c++] = in.tenantDisplayName();
      values[c++] = "";
      values[c++] = ids;
      values[c++] = names;
      values[c++] = last;
      values[c++] = anyDeleted ? deleted : Boolean.FALSE;
      values[c++] = anyDeleted ? deletedDates : null;
      values[c++] = products;
      for (Measure m : TEAMS_DETAIL_COUNTS) {
        values[c++] = sums(m, userRow);
      }
      Object audio = sums(AUDIO_SECONDS, userRow);
      Object video = sums(VIDEO_SECONDS, userRow);
      Object screen = sums(SCREEN_SHARE_SECONDS, userRow);
      values[c++] = audio instanceof long[] ? audio : Duration.ZERO;
      values[c++] = video instanceof long[] ? video : Duration.ZERO;
      values[c++] = screen instanceof long[] ? screen : Duration.ZERO;
      values[c++] = audio;
      values[c++] = video;
      values[c++] = screen;
      values[c++] = otherAction;
      values[c++] = licensed;
      values[c] = period;
      rows = ColumnarRows.ofColumns(columns, n, values);
      listed = users;
      listedCount = n;
    }

    /** A measure's window sums of the listed users (rows of the per-user columns), or 0L. */
    private Object sums(Measure m, int[] userRow) {
      long[] column = agg.userSumColumn(m);
      if (column == null) {
        return 0L;
      }
      long[] out = new long[userRow.length];
      for (int k = 0; k < out.length; k++) {
        out[k] = userRow[k] < 0 ? 0 : column[userRow[k]];
      }
      return out;
    }

    /**
     * The rows of a group detail report: the groups of the kind that exist as of R and were not
     * deleted before the window starts, or were active in it. Viva Engage lists "every group that
     * existed (not deleted) at any point in the widest 180-day window" ({@code graph-reports.md}
     * §1.2), so for it the cut-off is R−179 whatever the period.
     */
    private List<Integer> detailGroups(GroupKind kind) {
      LocalDate from = kind == GroupKind.YAMMER ? r.minusDays(Period.D180.days() - 1L) : w.first();
      List<Integer> list = new ArrayList<>();
      for (int g = 0; g < in.groups().size(); g++) {
        DirectoryGroup group = in.groups().group(g);
        if (!kind.includes(group) || !group.existsAsOf(r)) {
          continue;
        }
        boolean deletedBefore = group.deletedDate() != null
            && group.deletedDate().isBefore(from);
        if (!deletedBefore || agg.groupActiveInWindow(g, kind)) {
          list.add(g);
        }
      }
      return list;
    }

    private void groupCounts(GroupKind kind) {
      for (LocalDate d : daysNewestFirst()) {
        long total = 0;
        for (DirectoryGroup group : in.groups().groups()) {
          if (kind.includes(group) && group.existsAsOf(d) && !group.isDeletedAsOf(d)) {
            total++;
          }
        }
        row(r, total, (long) agg.groupDailyActiveCount(kind, d), d, period);
      }
    }
  }
}
