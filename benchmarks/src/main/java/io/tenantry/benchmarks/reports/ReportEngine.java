package io.tenantry.benchmarks.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.ActivityColumns;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportInput;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.Reports;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.DirectoryUser;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.Workload;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One way to compute the Teams user activity reports over {@link SyntheticEvents}: the unit of
 * work of {@link ReportsBenchmark}. Loading happens when the engine is built (Tenantry compiles
 * each tenant's parsed events into {@link ActivityColumns}; DuckDB appends them into a table);
 * {@link #report} is what is measured.
 */
interface ReportEngine extends AutoCloseable {

  /** The three families of a workload's reports, each with its Tenantry function and its SQL. */
  enum Family {
    /** getTeamsUserActivityUserDetail: one row per user active in the period. */
    DETAIL,
    /** getTeamsUserActivityCounts: summed activity per day. */
    COUNTS,
    /** getTeamsUserActivityUserCounts: distinct users per day and activity. */
    USER_COUNTS
  }

  /**
   * Computes one family's report of every tenant for a period ending {@link
   * SyntheticEvents#AS_OF}.
   *
   * @param family the family
   * @param period the period
   * @return the values, indexed by {@link SyntheticEvents#daily} or {@link SyntheticEvents#detail}
   */
  long[] report(Family family, Period period);

  @Override
  default void close() throws SQLException {}

  /**
   * Loads the events into an engine of a name.
   *
   * @param name {@code tenantry} or {@code duckdb}
   * @param events the events
   * @return the engine
   * @throws IllegalArgumentException for another name
   */
  static ReportEngine named(String name, SyntheticEvents events) {
    switch (name) {
      case "tenantry": return new TenantryReports(events);
      case "duckdb":
        try {
          return new DuckDb(events);
        } catch (SQLException e) {
          throw new IllegalStateException("cannot load DuckDB", e);
        }
      default: throw new IllegalArgumentException("unknown engine '" + name + "'");
    }
  }

  /**
   * Tenantry's reports: per tenant, {@link ActivityColumns} compiled once from the tenant's
   * parsed {@link ActivityEvent}s; a report takes the period's aggregate from them and {@link
   * Reports#render renders} the report function (rows, formats and order as written); one
   * thread, tenant after tenant.
   */
  final class TenantryReports implements ReportEngine {
    private static final Activity[] ACTIVITIES = {Activity.TEAM_CHAT_MESSAGE,
        Activity.PRIVATE_CHAT_MESSAGE, Activity.CALL, Activity.MEETING_ATTENDED,
        Activity.OTHER_ACTION};
    private static final String[] DAILY = {"Team Chat Messages", "Private Chat Messages", "Calls",
        "Meetings"};
    private static final String[] DETAIL = {"Team Chat Message Count",
        "Private Chat Message Count", "Call Count", "Meeting Count"};
    private final UserDirectory[] users = new UserDirectory[SyntheticEvents.TENANTS];
    private final GroupDirectory[] groups = new GroupDirectory[SyntheticEvents.TENANTS];
    private final List<List<ActivityEvent>> events = new ArrayList<>();
    private final ActivityColumns[] columns = new ActivityColumns[SyntheticEvents.TENANTS];

    TenantryReports(SyntheticEvents data) {
      LocalDate[] days = new LocalDate[SyntheticEvents.DAYS];
      for (int d = 0; d < days.length; d++) {
        days[d] = SyntheticEvents.FIRST.plusDays(d);
      }
      for (int t = 0; t < SyntheticEvents.TENANTS; t++) {
        TenantId tenant = TenantId.of("tenant" + t);
        List<DirectoryUser> list = new ArrayList<>(SyntheticEvents.USERS);
        for (int u = 0; u < SyntheticEvents.USERS; u++) {
          list.add(DirectoryUser.builder("user" + u, "user" + u + "@tenant" + t + ".example.com")
              .build());
        }
        users[t] = UserDirectory.of(tenant, list);
        groups[t] = GroupDirectory.empty(tenant);
        events.add(new ArrayList<>(data.size() / SyntheticEvents.TENANTS + 1024));
      }
      // tenant after tenant, so that each tenant's records lie together in memory as they do
      // when a reader hands them over one by one
      for (int t = 0; t < SyntheticEvents.TENANTS; t++) {
        List<ActivityEvent> mine = events.get(t);
        for (int i = 0; i < data.size(); i++) {
          if (data.tenant()[i] == t) {
            mine.add(ActivityEvent.of(data.user()[i], days[data.day()[i]], Workload.TEAMS,
                ACTIVITIES[data.activity()[i]], data.count()[i]));
          }
        }
      }
      ingest();
    }

    /**
     * Compiles every tenant's parsed events into its columns (what the ingest benchmark
     * measures).
     *
     * @return the columns, one per tenant
     */
    ActivityColumns[] ingest() {
      for (int t = 0; t < SyntheticEvents.TENANTS; t++) {
        columns[t] = ActivityColumns.of(users[t], groups[t], events.get(t));
      }
      return columns;
    }

    /**
     * Returns the compiled columns.
     *
     * @return one per tenant
     */
    ActivityColumns[] columns() {
      return columns;
    }

    @Override
    public long[] report(Family family, Period period) {
      ReportWindow window = ReportWindow.period(SyntheticEvents.AS_OF, period);
      ReportFunction function = switch (family) {
        case DETAIL -> ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL;
        case COUNTS -> ReportFunction.GET_TEAMS_USER_ACTIVITY_COUNTS;
        case USER_COUNTS -> ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_COUNTS;
      };
      long[] out = new long[family == Family.DETAIL
          ? SyntheticEvents.TENANTS * SyntheticEvents.USERS * SyntheticEvents.DETAIL
          : SyntheticEvents.TENANTS * SyntheticEvents.DAYS * SyntheticEvents.ACTIVITIES];
      for (int t = 0; t < SyntheticEvents.TENANTS; t++) {
        ReportTable table = Reports.render(function, new ReportInput(users[t], groups[t],
            columns[t].aggregate(window), "Tenant " + t, null));
        if (family == Family.DETAIL) {
          readDetail(table, t, out);
        } else {
          readDaily(table, t, family == Family.COUNTS ? 4 : 5, out);
        }
      }
      return out;
    }

    private static void readDaily(ReportTable table, int t, int columns, long[] out) {
      int date = table.indexOf("Report Date");
      int[] idx = new int[columns];
      for (int a = 0; a < columns; a++) {
        idx[a] = table.indexOf(a < DAILY.length ? DAILY[a] : "Other Actions");
      }
      for (int row = 0; row < table.rowCount(); row++) {
        int d = (int) (table.epochDayValue(row, date) - SyntheticEvents.FIRST.toEpochDay());
        for (int a = 0; a < columns; a++) {
          out[SyntheticEvents.daily(t, d, a)] = table.longValue(row, idx[a]);
        }
      }
    }

    private static void readDetail(ReportTable table, int t, long[] out) {
      int id = table.indexOf("User Id");
      int last = table.indexOf("Last Activity Date");
      int other = table.indexOf("Has Other Action");
      int[] idx = new int[DETAIL.length];
      for (int a = 0; a < idx.length; a++) {
        idx[a] = table.indexOf(DETAIL[a]);
      }
      long first = SyntheticEvents.FIRST.toEpochDay();
      for (int row = 0; row < table.rowCount(); row++) {
        String userId = (String) table.value(row, id);
        int u = Integer.parseInt(userId, 4, userId.length(), 10);
        out[SyntheticEvents.detail(t, u, 0)] = table.epochDayValue(row, last) - first + 1;
        for (int a = 0; a < idx.length; a++) {
          out[SyntheticEvents.detail(t, u, 1 + a)] = table.longValue(row, idx[a]);
        }
        out[SyntheticEvents.detail(t, u, 5)] = table.booleanValue(row, other) ? 1 : 0;
      }
    }
  }

  /**
   * DuckDB 2.0 in process (its default threads): the events appender-loaded into {@code
   * events(tenant INTEGER, day INTEGER, user_id INTEGER, activity TINYINT, n TINYINT)} and the
   * directory into {@code users(tenant INTEGER, user_id INTEGER, upn VARCHAR)}. Each family is
   * the SQL a user would write for the same report: {@code COUNT(DISTINCT …) FILTER} and {@code
   * SUM … FILTER} grouped by tenant and day over the period's days; for the detail, the users
   * active in the period joined with the directory, their sums over the period and last activity
   * day on or before R, ordered by principal name like the report.
   */
  final class DuckDb implements ReportEngine {
    private static final String USER_COUNTS = "SELECT tenant, day,"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 0),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 1),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 2),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 3),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 4)"
        + " FROM events WHERE day BETWEEN ? AND ? GROUP BY tenant, day";
    private static final String COUNTS = "SELECT tenant, day,"
        + " SUM(n) FILTER (WHERE activity = 0), SUM(n) FILTER (WHERE activity = 1),"
        + " SUM(n) FILTER (WHERE activity = 2), SUM(n) FILTER (WHERE activity = 3)"
        + " FROM events WHERE day BETWEEN ? AND ? GROUP BY tenant, day";
    private static final String DETAIL = "SELECT e.tenant, e.user_id, MAX(e.day),"
        + " SUM(e.n) FILTER (WHERE e.activity = 0 AND e.day >= ?),"
        + " SUM(e.n) FILTER (WHERE e.activity = 1 AND e.day >= ?),"
        + " SUM(e.n) FILTER (WHERE e.activity = 2 AND e.day >= ?),"
        + " SUM(e.n) FILTER (WHERE e.activity = 3 AND e.day >= ?),"
        + " COUNT(*) FILTER (WHERE e.activity = 4 AND e.day >= ?) > 0, u.upn"
        + " FROM events e JOIN users u ON u.tenant = e.tenant AND u.user_id = e.user_id"
        + " WHERE e.day <= ? GROUP BY e.tenant, e.user_id, u.upn"
        + " HAVING COUNT(*) FILTER (WHERE e.day >= ?) > 0 ORDER BY e.tenant, u.upn";
    private final Connection connection;

    DuckDb(SyntheticEvents data) throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
      load(connection, data);
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE users (tenant INTEGER, user_id INTEGER, upn VARCHAR)");
      }
      try (DuckDBAppender app = connection.unwrap(DuckDBConnection.class)
          .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "users")) {
        for (int t = 0; t < SyntheticEvents.TENANTS; t++) {
          for (int u = 0; u < SyntheticEvents.USERS; u++) {
            app.beginRow();
            app.append(t);
            app.append(u);
            app.append("user" + u + "@tenant" + t + ".example.com");
            app.endRow();
          }
        }
      }
    }

    /**
     * Creates the events table and appends every event (what the ingest benchmark measures).
     *
     * @param connection an open DuckDB connection without an events table
     * @param data the events
     * @throws SQLException if DuckDB fails
     */
    static void load(Connection connection, SyntheticEvents data) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE events (tenant INTEGER, day INTEGER, user_id INTEGER,"
            + " activity TINYINT, n TINYINT)");
      }
      long first = SyntheticEvents.FIRST.toEpochDay();
      try (DuckDBAppender app = connection.unwrap(DuckDBConnection.class)
          .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
        for (int i = 0; i < data.size(); i++) {
          app.beginRow();
          app.append(data.tenant()[i]);
          app.append((int) (first + data.day()[i]));
          app.append(data.user()[i]);
          app.append(data.activity()[i]);
          app.append(data.count()[i]);
          app.endRow();
        }
      }
    }

    /**
     * Returns DuckDB's own count of the memory a connection's database holds.
     *
     * @param connection the connection
     * @return bytes
     */
    static long memoryBytes(Connection connection) {
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT SUM(memory_usage_bytes) FROM duckdb_memory()")) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB memory query failed", e);
      }
    }

    @Override
    public long[] report(Family family, Period period) {
      long first = SyntheticEvents.FIRST.toEpochDay();
      int from = (int) (first + SyntheticEvents.firstDay(period));
      int asOf = (int) SyntheticEvents.AS_OF.toEpochDay();
      boolean detail = family == Family.DETAIL;
      long[] out = new long[detail
          ? SyntheticEvents.TENANTS * SyntheticEvents.USERS * SyntheticEvents.DETAIL
          : SyntheticEvents.TENANTS * SyntheticEvents.DAYS * SyntheticEvents.ACTIVITIES];
      String sql = switch (family) {
        case DETAIL -> DETAIL;
        case COUNTS -> COUNTS;
        case USER_COUNTS -> USER_COUNTS;
      };
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        if (detail) {
          for (int k = 1; k <= 5; k++) {
            ps.setInt(k, from);
          }
          ps.setInt(6, asOf);
          ps.setInt(7, from);
        } else {
          ps.setInt(1, from);
          ps.setInt(2, asOf);
        }
        int values = family == Family.COUNTS ? 4 : 5;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int t = rs.getInt(1);
            if (detail) {
              int u = rs.getInt(2);
              out[SyntheticEvents.detail(t, u, 0)] = rs.getInt(3) - first + 1;
              for (int a = 0; a < 4; a++) {
                out[SyntheticEvents.detail(t, u, 1 + a)] = rs.getLong(4 + a);
              }
              out[SyntheticEvents.detail(t, u, 5)] = rs.getBoolean(8) ? 1 : 0;
            } else {
              int d = (int) (rs.getInt(2) - first);
              for (int a = 0; a < values; a++) {
                out[SyntheticEvents.daily(t, d, a)] = rs.getLong(3 + a);
              }
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB query failed", e);
      }
      return out;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
