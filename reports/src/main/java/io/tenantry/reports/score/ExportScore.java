package io.tenantry.reports.score;

import io.tenantry.reports.GraphImport;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.score.internal.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of the Usage Score ({@code usage-score.md}) that Microsoft Graph report exports allow:
 * {@code tenantry import-graph --score}.
 *
 * <p>Exports are per-user totals over their own period (D7, D30, D90 or D180), not events, so only
 * a scenario whose N and M are plain per-user facts of the exports is computed, over the exports'
 * period instead of the 28-day window: <b>Communication</b>. M is read from {@code
 * getOffice365ActiveUserDetail} (enabled for two or more of Exchange, Teams and Yammer: the {@code
 * Has … License} columns, users deleted before the period starts left out); N counts the users of
 * M with two or more of: {@code Send Count} > 0 in {@code getEmailActivityUserDetail}, a Teams
 * message ({@code Team Chat Message Count}, {@code Private Chat Message Count}, {@code Post
 * Messages}, {@code Reply Messages}) in {@code getTeamsUserActivityUserDetail}, {@code Posted
 * Count} > 0 in {@code getYammerActivityUserDetail}. Each of these three exports is required when
 * a user of M is licensed for its service; when one is absent Communication is not computable,
 * naming it (rather than counting that mode as unused). Users are matched by User Principal Name
 * ignoring case (concealed tokens match across exports of one tenant). Exports carry no user
 * type, so guests cannot be left out. Every other scenario is reported as not computable with the
 * reason: Content collaboration needs file ids, Teamwork group mail and group files, Meetings
 * per-meeting seconds, Mobility the Exchange clients' platforms, Data protection MFA registration.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExportScore {
  private static final String[] TEAMS_MESSAGES = {"Team Chat Message Count",
      "Private Chat Message Count", "Post Messages", "Reply Messages"};
  /** The licence columns of M, one per communication mode, in the order of {@link #MODE_EXPORTS}. */
  private static final String[] LICENCES = {"Has Exchange License", "Has Teams License",
      "Has Yammer License"};
  /** The detail export of each communication mode: e-mail, Teams, Yammer. */
  private static final ReportFunction[] MODE_EXPORTS = {
      ReportFunction.GET_EMAIL_ACTIVITY_USER_DETAIL,
      ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL,
      ReportFunction.GET_YAMMER_ACTIVITY_USER_DETAIL};
  /** The columns whose positive sum counts each mode, in the order of {@link #MODE_EXPORTS}. */
  private static final String[][] MODE_COLUMNS = {{"Send Count"}, TEAMS_MESSAGES, {"Posted Count"}};

  private ExportScore() {}

  /**
   * What the exports allow.
   *
   * @param period the exports' Report Period in days, or null when no export used carries one
   *     (then users deleted before the period are not recognised as such)
   * @param scenarios the computed scenarios, in {@link Scenario#inOrder()} order
   * @param notComputable each other scenario with the reason, in order
   */
  public record Result(Long period, List<ScenarioResult> scenarios,
      Map<Scenario, String> notComputable) {
    /** Copies the collections. */
    public Result {
      scenarios = List.copyOf(scenarios);
      notComputable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notComputable));
    }
  }

  /**
   * Computes what the imported exports allow.
   *
   * @param imports the imported exports (unrecognised ones are ignored)
   * @return the result
   * @throws IllegalArgumentException if two exports are of the same report function (one would
   *     otherwise be ignored: the score reads one export per function), naming both sources, or if
   *     two detail exports used for the score cover different report periods
   */
  public static Result of(List<GraphImport.Imported> imports) {
    Map<ReportFunction, ReportTable> tables = new EnumMap<>(ReportFunction.class);
    Map<ReportFunction, String> sources = new EnumMap<>(ReportFunction.class);
    for (GraphImport.Imported imp : imports) {
      if (imp.function() != null) {
        String first = sources.putIfAbsent(imp.function(), imp.source());
        if (first != null) {
          throw new IllegalArgumentException("two exports of " + imp.function().graphName() + ": "
              + first + " and " + imp.source() + "; the score reads one export per report");
        }
        tables.put(imp.function(), imp.table());
      }
    }
    Long period = null;
    String periodSource = null;
    for (ReportFunction f : List.of(ReportFunction.GET_OFFICE365_ACTIVE_USER_DETAIL,
        ReportFunction.GET_EMAIL_ACTIVITY_USER_DETAIL,
        ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL,
        ReportFunction.GET_YAMMER_ACTIVITY_USER_DETAIL)) {
      ReportTable t = tables.get(f);
      Long p = t == null ? null : periodOf(t);
      if (p != null && period != null && !p.equals(period)) {
        throw new IllegalArgumentException("the exports cover different report periods: "
            + periodSource + " " + period + " days, " + f.graphName() + " " + p + " days");
      }
      if (p != null) {
        period = p;
        periodSource = f.graphName();
      }
    }
    List<ScenarioResult> computed = new ArrayList<>();
    Map<Scenario, String> not = new LinkedHashMap<>();
    ReportTable active = tables.get(ReportFunction.GET_OFFICE365_ACTIVE_USER_DETAIL);
    if (active == null) {
      not.put(Scenario.COMMUNICATION, "needs getOffice365ActiveUserDetail (who is licensed)");
    } else {
      List<List<Object>> enabled = enabledUsers(active, period);
      List<String> lacking = lackingModeExports(active, enabled, tables);
      if (lacking.isEmpty()) {
        computed.add(communication(active, enabled, tables));
      } else {
        not.put(Scenario.COMMUNICATION, "needs a valid export of "
            + String.join(" and of ", lacking) + " (the messages the licensed users sent)");
      }
    }
    not.put(Scenario.CONTENT_COLLABORATION, "exports carry no file ids (files acted on by others)");
    not.put(Scenario.TEAMWORK, "exports carry no group e-mail or group file activity");
    not.put(Scenario.MEETINGS, "exports carry no per-meeting audio, video or screen-share seconds");
    not.put(Scenario.MOBILITY, "exports carry no platforms of Exchange clients");
    not.put(Scenario.DATA_PROTECTION, "exports carry no MFA registration");
    return new Result(period, computed, not);
  }

  /**
   * The mode exports that Communication's N needs and that are absent: the export of a mode is
   * needed when a user counted in M is licensed for its service (without it N would silently
   * count that mode as unused).
   */
  private static List<String> lackingModeExports(ReportTable active, List<List<Object>> enabled,
      Map<ReportFunction, ReportTable> tables) {
    List<String> lacking = new ArrayList<>();
    for (int i = 0; i < MODE_EXPORTS.length; i++) {
      int col = active.indexOf(LICENCES[i]);
      if (!tables.containsKey(MODE_EXPORTS[i])
          && enabled.stream().anyMatch(row -> Boolean.TRUE.equals(row.get(col)))) {
        lacking.add(MODE_EXPORTS[i].graphName());
      }
    }
    return lacking;
  }

  /** The rows of M: one per user, not deleted before the period, licensed for two services. */
  private static List<List<Object>> enabledUsers(ReportTable active, Long period) {
    int upn = active.indexOf("User Principal Name");
    int deletedDate = active.indexOf("Deleted Date");
    int refresh = active.indexOf("Report Refresh Date");
    int[] licences = new int[LICENCES.length];
    for (int i = 0; i < LICENCES.length; i++) {
      licences[i] = active.indexOf(LICENCES[i]);
    }
    Set<String> seen = new HashSet<>();
    List<List<Object>> enabled = new ArrayList<>();
    for (List<Object> row : active.rows()) {
      String user = key(row.get(upn));
      if (user.isEmpty() || !seen.add(user)) {
        continue;
      }
      if (row.get(deletedDate) instanceof java.time.LocalDate deleted
          && row.get(refresh) instanceof java.time.LocalDate r && period != null
          && deleted.isBefore(r.minusDays(period - 1))) {
        continue;
      }
      int count = 0;
      for (int col : licences) {
        if (Boolean.TRUE.equals(row.get(col))) {
          count++;
        }
      }
      if (count >= 2) {
        enabled.add(row);
      }
    }
    return enabled;
  }

  private static ScenarioResult communication(ReportTable active, List<List<Object>> enabled,
      Map<ReportFunction, ReportTable> tables) {
    Map<String, Integer> modes = new HashMap<>();
    for (int i = 0; i < MODE_EXPORTS.length; i++) {
      count(tables.get(MODE_EXPORTS[i]), MODE_COLUMNS[i], modes);
    }
    int upn = active.indexOf("User Principal Name");
    long n = 0;
    long m = 0;
    for (List<Object> row : enabled) {
      m++;
      if (modes.getOrDefault(key(row.get(upn)), 0) >= 2) {
        n++;
      }
    }
    BigDecimal points = m == 0 ? null : Decimals.points(n, m);
    return new ScenarioResult(Scenario.COMMUNICATION, n, m, points,
        points == null ? null : MaturityLevel.of(points), null, null);
  }

  /** Adds one mode to every user of a detail export with a positive sum of the columns. */
  private static void count(ReportTable table, String[] columns, Map<String, Integer> modes) {
    if (table == null) {
      return;
    }
    int upn = table.indexOf("User Principal Name");
    int[] idx = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      idx[i] = table.indexOf(columns[i]);
    }
    Set<String> counted = new HashSet<>();
    for (List<Object> row : table.rows()) {
      long sum = 0;
      for (int i : idx) {
        if (row.get(i) instanceof Number v) {
          sum += v.longValue();
        }
      }
      String user = key(row.get(upn));
      if (sum > 0 && !user.isEmpty() && counted.add(user)) {
        modes.merge(user, 1, Integer::sum);
      }
    }
  }

  private static String key(Object upn) {
    return Objects.toString(upn, "").trim().toLowerCase(Locale.ROOT);
  }

  private static Long periodOf(ReportTable t) {
    if (t.columns().stream().noneMatch(c -> c.header().equals("Report Period"))) {
      return null;
    }
    int col = t.indexOf("Report Period");
    for (List<Object> row : t.rows()) {
      if (row.get(col) instanceof Number v) {
        return v.longValue();
      }
    }
    return null;
  }
}
