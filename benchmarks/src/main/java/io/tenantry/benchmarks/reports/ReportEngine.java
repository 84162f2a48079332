package io.tenantry.benchmarks.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
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
 * One way to compute the D30 getTeamsUserActivityUserCounts report (distinct users per tenant, day
 * and activity) over {@link SyntheticEvents}: the unit of work of {@link ReportsBenchmark}. Loading
 * happens when the engine is built; {@link #counts} is what is measured.
 */
interface ReportEngine extends AutoCloseable {

  /**
   * Computes the report of every tenant.
   *
   * @return the distinct-user counts, indexed by {@link SyntheticEvents#slot}
   */
  long[] counts();

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
   * Tenantry's reports: per tenant, an {@link ActivityAggregator} folds the tenant's parsed {@link
   * ActivityEvent}s into a D30 aggregate and {@link Reports#render} renders
   * getTeamsUserActivityUserCounts from it; one thread, tenant after tenant.
   */
  final class TenantryReports implements ReportEngine {
    private static final Activity[] ACTIVITIES = {Activity.TEAM_CHAT_MESSAGE,
        Activity.PRIVATE_CHAT_MESSAGE, Activity.CALL, Activity.MEETING_ATTENDED,
        Activity.OTHER_ACTION};
    private final UserDirectory[] users = new UserDirectory[SyntheticEvents.TENANTS];
    private final GroupDirectory[] groups = new GroupDirectory[SyntheticEvents.TENANTS];
    private final List<List<ActivityEvent>> events = new ArrayList<>();
    private final ReportWindow window = ReportWindow.period(SyntheticEvents.AS_OF, Period.D30);

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
      for (int i = 0; i < data.size(); i++) {
        events.get(data.tenant()[i]).add(ActivityEvent.of(data.user()[i], days[data.day()[i]],
            Workload.TEAMS, ACTIVITIES[data.activity()[i]], data.count()[i]));
      }
    }

    @Override
    public long[] counts() {
      long[] out = new long[SyntheticEvents.TENANTS * SyntheticEvents.DAYS
          * SyntheticEvents.ACTIVITIES];
      for (int t = 0; t < SyntheticEvents.TENANTS; t++) {
        PartialAggregate agg = ActivityAggregator.aggregate(users[t], groups[t], window,
            events.get(t));
        ReportTable table = Reports.render(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_COUNTS,
            new ReportInput(users[t], groups[t], agg, "Tenant " + t, null));
        int date = table.indexOf("Report Date");
        int first = table.indexOf("Team Chat Messages");
        for (List<Object> row : table.rows()) {
          int d = (int) (((LocalDate) row.get(date)).toEpochDay()
              - SyntheticEvents.FIRST.toEpochDay());
          for (int a = 0; a < SyntheticEvents.ACTIVITIES; a++) {
            out[SyntheticEvents.slot(t, d, a)] = ((Number) row.get(first + a)).longValue();
          }
        }
      }
      return out;
    }
  }

  /**
   * DuckDB 2.0 in process (its default threads), the events appender-loaded into one table
   * {@code events(tenant INTEGER, day INTEGER, user_id INTEGER, activity TINYINT, n TINYINT)};
   * the report is one {@code COUNT(DISTINCT user_id) FILTER (WHERE activity = a)} per activity,
   * grouped by tenant and day, over the window's days.
   */
  final class DuckDb implements ReportEngine {
    static final String SQL = "SELECT tenant, day,"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 0),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 1),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 2),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 3),"
        + " COUNT(DISTINCT user_id) FILTER (WHERE activity = 4)"
        + " FROM events WHERE day BETWEEN ? AND ? AND n > 0 GROUP BY tenant, day";
    private final Connection connection;

    DuckDb(SyntheticEvents data) throws SQLException {
      connection = DriverManager.getConnection("jdbc:duckdb:");
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

    @Override
    public long[] counts() {
      long[] out = new long[SyntheticEvents.TENANTS * SyntheticEvents.DAYS
          * SyntheticEvents.ACTIVITIES];
      long first = SyntheticEvents.FIRST.toEpochDay();
      try (PreparedStatement ps = connection.prepareStatement(SQL)) {
        ps.setInt(1, (int) first);
        ps.setInt(2, (int) SyntheticEvents.AS_OF.toEpochDay());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int t = rs.getInt(1);
            int d = (int) (rs.getInt(2) - first);
            for (int a = 0; a < SyntheticEvents.ACTIVITIES; a++) {
              out[SyntheticEvents.slot(t, d, a)] = rs.getLong(3 + a);
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
