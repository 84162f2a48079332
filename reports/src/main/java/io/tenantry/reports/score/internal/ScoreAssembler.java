package io.tenantry.reports.score.internal;

import io.tenantry.core.TenantId;
import io.tenantry.reports.score.Champion;
import io.tenantry.reports.score.DepartmentChampions;
import io.tenantry.reports.score.GroupDimension;
import io.tenantry.reports.score.GroupView;
import io.tenantry.reports.score.HistoryEntry;
import io.tenantry.reports.score.MaturityLevel;
import io.tenantry.reports.score.Peers;
import io.tenantry.reports.score.Recommendation;
import io.tenantry.reports.score.Scenario;
import io.tenantry.reports.score.ScenarioResult;
import io.tenantry.reports.score.TargetPerson;
import io.tenantry.reports.score.TotalScore;
import io.tenantry.reports.score.UsageScore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the sweep's counts into a {@link UsageScore}: points, maturity, total, peers, history,
 * group views and recommendations.
 */
public final class ScoreAssembler {
  /** The window length of every score day. */
  public static final int WINDOW_DAYS = 28;
  private static final int SCENARIOS = Scenario.values().length;
  private static final BigDecimal MANAGED = BigDecimal.valueOf(60);
  private static final Comparator<String> VALUE_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private ScoreAssembler() {}

  /**
   * Computes the score.
   *
   * @param tenant the tenant
   * @param data the compiled data
   * @param peers the peer values
   * @return the score
   */
  public static UsageScore score(TenantId tenant, ScoreData data, Peers peers) {
    return score(tenant, data, ScoreSweep.run(data), peers);
  }

  /**
   * Computes the score from a sweep already run.
   *
   * @param tenant the tenant
   * @param data the compiled data
   * @param r the sweep's result over {@code data}
   * @param peers the peer values
   * @return the score
   */
  public static UsageScore score(TenantId tenant, ScoreData data, ScoreSweep.Result r,
      Peers peers) {
    int days = data.historyDays;
    long[] n = r.numerators()[days - 1];
    long[] m = r.denominators()[days - 1];
    List<ScenarioResult> scenarios = new ArrayList<>(SCENARIOS);
    for (Scenario s : Scenario.inOrder()) {
      scenarios.add(line(s, n[s.ordinal()], m[s.ordinal()], peers));
    }
    List<HistoryEntry> history = new ArrayList<>(days);
    LocalDate first = LocalDate.ofEpochDay(data.asOf - (days - 1L));
    for (int h = 0; h < days; h++) {
      EnumMap<Scenario, BigDecimal> points = new EnumMap<>(Scenario.class);
      for (Scenario s : Scenario.inOrder()) {
        points.put(s, Decimals.points(r.numerators()[h][s.ordinal()],
            r.denominators()[h][s.ordinal()]));
      }
      history.add(new HistoryEntry(first.plusDays(h), total(points).percent(), points));
    }
    EnumMap<Scenario, BigDecimal> todays = new EnumMap<>(Scenario.class);
    scenarios.forEach(l -> todays.put(l.scenario(), l.points()));
    return new UsageScore(tenant, LocalDate.ofEpochDay(data.asOf), WINDOW_DAYS, total(todays),
        scenarios, recommendations(data, r, scenarios), history, groups(data, r));
  }

  /**
   * Builds one scenario's line.
   *
   * @param s the scenario
   * @param n the numerator
   * @param m the denominator
   * @param peers the peer values
   * @return the line
   */
  public static ScenarioResult line(Scenario s, long n, long m, Peers peers) {
    BigDecimal points = Decimals.points(n, m);
    BigDecimal peer = peers.of(s).orElse(null);
    BigDecimal delta = points == null || peer == null ? null
        : Decimals.oneDecimal(points.subtract(peer));
    return new ScenarioResult(s, n, m, points, points == null ? null : MaturityLevel.of(points),
        peer, delta);
  }

  /**
   * Totals rounded scenario points: their sum, 100 per applicable scenario, and the percentage.
   *
   * @param points each scenario's points, null when not applicable
   * @return the total
   */
  public static TotalScore total(Map<Scenario, BigDecimal> points) {
    BigDecimal sum = BigDecimal.ZERO.setScale(1);
    int max = 0;
    for (BigDecimal p : points.values()) {
      if (p != null) {
        sum = sum.add(p);
        max += 100;
      }
    }
    return new TotalScore(sum, max, Decimals.percent(sum, max));
  }

  private static List<Recommendation> recommendations(ScoreData data, ScoreSweep.Result r,
      List<ScenarioResult> lines) {
    List<Recommendation> out = new ArrayList<>();
    int[] byUpn = null;
    for (ScenarioResult line : lines) {
      if (!line.applicable() || line.points().compareTo(MANAGED) >= 0) {
        continue;
      }
      if (byUpn == null) {
        byUpn = byUpn(data);
      }
      Scenario s = line.scenario();
      int bit = 1 << s.ordinal();
      List<Integer> targets = new ArrayList<>();
      BigInteger targetWeight = BigInteger.ZERO;
      for (int u : byUpn) {
        if (r.population()[u] && (r.inDenominator()[u] & bit) != 0
            && (r.inNumerator()[u] & bit) == 0) {
          targets.add(u);
          targetWeight = targetWeight.add(BigInteger.valueOf(r.meetingWeight()[u]));
        }
      }
      long k = (targets.size() + 9L) / 10;
      BigDecimal reached;
      if (s == Scenario.MEETINGS && !targets.isEmpty()) {
        // N + k × (average target weight), exactly: (N × t + W × k) ÷ (M × t)
        BigInteger t = BigInteger.valueOf(targets.size());
        BigInteger num = BigInteger.valueOf(line.numerator()).multiply(t)
            .add(targetWeight.multiply(BigInteger.valueOf(k)));
        reached = Decimals.points(num, BigInteger.valueOf(line.denominator()).multiply(t));
      } else {
        reached = Decimals.points(line.numerator() + k, line.denominator());
      }
      List<TargetPerson> people = targets.stream()
          .map(u -> new TargetPerson(data.ids[u], data.upns[u], data.names[u])).toList();
      out.add(new Recommendation(s, Playbook.action(s), reached.subtract(line.points()), people,
          Playbook.campaign(s)));
    }
    return out;
  }

  /**
   * Returns every user index in target order: principal name case-insensitively, then exactly,
   * then by index. Sorted once per score, so each recommendation's targets come out in order
   * instead of being sorted again per scenario.
   */
  private static int[] byUpn(ScoreData data) {
    Integer[] order = new Integer[data.users];
    for (int u = 0; u < order.length; u++) {
      order[u] = u;
    }
    Arrays.sort(order, (a, b) -> {
      int c = String.CASE_INSENSITIVE_ORDER.compare(data.upns[a], data.upns[b]);
      return c != 0 ? c : data.upns[a].compareTo(data.upns[b]);
    });
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /**
   * Finds champion candidates per department on R.
   *
   * @param data the compiled data
   * @param r the sweep result
   * @param perDepartment how many candidates to keep per department
   * @return the departments of at least ten people, ordered by value
   */
  public static List<DepartmentChampions> champions(ScoreData data, ScoreSweep.Result r,
      int perDepartment) {
    String[] values = data.attributes[GroupDimension.DEPARTMENT.ordinal()];
    TreeMap<String, List<Integer>> holders = new TreeMap<>(VALUE_ORDER);
    for (int u = 0; u < data.users; u++) {
      if (r.population()[u] && values[u] != null) {
        holders.computeIfAbsent(values[u], v -> new ArrayList<>()).add(u);
      }
    }
    List<DepartmentChampions> out = new ArrayList<>();
    holders.forEach((department, members) -> {
      if (members.size() < GroupView.PRIVACY_FLOOR) {
        return;
      }
      List<Champion> candidates = new ArrayList<>();
      for (int u : members) {
        List<Scenario> strengths = new ArrayList<>();
        for (Scenario s : Scenario.inOrder()) {
          if ((r.inNumerator()[u] & (1 << s.ordinal())) != 0) {
            strengths.add(s);
          }
        }
        if (!strengths.isEmpty()) {
          candidates.add(new Champion(new TargetPerson(data.ids[u], data.upns[u], data.names[u]),
              strengths, r.activeDays()[u]));
        }
      }
      candidates.sort(Comparator.comparingInt(Champion::breadth).reversed()
          .thenComparing(Comparator.comparingInt(Champion::activeDays).reversed())
          .thenComparing(c -> c.person().userPrincipalName(), VALUE_ORDER));
      out.add(new DepartmentChampions(department, members.size(),
          candidates.subList(0, Math.min(perDepartment, candidates.size()))));
    });
    return out;
  }

  private static Map<GroupDimension, List<GroupView>> groups(ScoreData data, ScoreSweep.Result r) {
    EnumMap<GroupDimension, List<GroupView>> out = new EnumMap<>(GroupDimension.class);
    for (GroupDimension d : GroupDimension.values()) {
      String[] values = data.attributes[d.ordinal()];
      TreeMap<String, List<Integer>> holders = new TreeMap<>(VALUE_ORDER);
      for (int u = 0; u < data.users; u++) {
        if (r.population()[u] && values[u] != null) {
          holders.computeIfAbsent(values[u], v -> new ArrayList<>()).add(u);
        }
      }
      List<GroupView> views = new ArrayList<>();
      holders.forEach((value, members) -> {
        if (members.size() >= GroupView.PRIVACY_FLOOR) {
          views.add(new GroupView(value, members.size(), groupTotal(r, members).percent()));
        }
      });
      out.put(d, views);
    }
    return out;
  }

  /**
   * Computes the total over a subset of users from their membership on R.
   *
   * @param r the sweep result
   * @param members the users
   * @return the total over those users
   */
  static TotalScore groupTotal(ScoreSweep.Result r, List<Integer> members) {
    long[] n = new long[SCENARIOS];
    long[] m = new long[SCENARIOS];
    int meetings = Scenario.MEETINGS.ordinal();
    for (int u : members) {
      for (int s = 0; s < SCENARIOS; s++) {
        if (s == meetings) {
          n[s] += r.meetingVisualWeight()[u];
          m[s] += r.meetingWeight()[u];
        } else if ((r.inDenominator()[u] & (1 << s)) != 0) {
          m[s]++;
          if ((r.inNumerator()[u] & (1 << s)) != 0) {
            n[s]++;
          }
        }
      }
    }
    EnumMap<Scenario, BigDecimal> points = new EnumMap<>(Scenario.class);
    for (Scenario s : Scenario.inOrder()) {
      points.put(s, Decimals.points(n[s.ordinal()], m[s.ordinal()]));
    }
    return total(points);
  }
}
