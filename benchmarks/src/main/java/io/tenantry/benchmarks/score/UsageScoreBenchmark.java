package io.tenantry.benchmarks.score;

import io.tenantry.core.TenantId;
import io.tenantry.reports.score.Peers;
import io.tenantry.reports.score.Scenario;
import io.tenantry.reports.score.ScenarioResult;
import io.tenantry.reports.score.UsageScore;
import io.tenantry.reports.score.UsageScoreEngine;
import io.tenantry.testkit.reports.score.NaiveUsageScore;
import io.tenantry.testkit.reports.score.ScoreInputs;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Usage Score of one tenant as of one day (the numerators and denominators of the six
 * scenarios of {@code usage-score.md}), from its directory and its events in memory: Tenantry's
 * {@link UsageScoreEngine} (a one-day history, so both sides compute the same figures) against
 * testkit's {@link NaiveUsageScore} ({@code engine=naive}), the spec written out with sets and
 * loops. The data is testkit's {@link ScoreInputs#draw} (every workload, activity and platform,
 * guests, late creations, deletions, licences on both sides of the day) with {@code eventsPerUser}
 * events per user over the 70 days around the as-of day. The score is milliseconds per score.
 *
 * <p>The {@code tenantry} trial's setup checks that both engines give the same figures on the data
 * before anything is timed; the {@code naive} trial draws the same data from the same seed and does
 * not repeat the check. The naive oracle scans the whole 28-day window once per user, so its cost
 * grows with users × events (at 100 thousand users one naive score takes a minute or more), and so
 * does the ratio; that is also why the data is sparse. The quick run ({@code benchmarks/run
 * --quick}) passes {@code -p users=10000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UsageScoreBenchmark {
  private static final TenantId TENANT = TenantId.of("contoso");
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final UsageScoreEngine ENGINE = UsageScoreEngine.withHistoryDays(1);

  /** The engine measured: {@code tenantry} or {@code naive}. */
  @Param({"tenantry", "naive"})
  public String engine;

  /** How many users the tenant has. */
  @Param("100000")
  public int users;

  /** How many events per user the data holds (about 40% of them in the window). */
  @Param("2")
  public int eventsPerUser;

  private ScoreInputs data;

  /**
   * Draws the tenant and, in the {@code tenantry} trial, checks that both engines give the same
   * figures.
   *
   * @throws IllegalStateException if the engines disagree
   * @throws IllegalArgumentException if the engine is unknown
   */
  @Setup(Level.Trial)
  public void setUp() {
    if (!engine.equals("tenantry") && !engine.equals("naive")) {
      throw new IllegalArgumentException("unknown engine '" + engine
          + "'; expected tenantry or naive");
    }
    data = ScoreInputs.draw(TENANT, AS_OF, 42, users, users * eventsPerUser);
    if (engine.equals("naive")) {
      return;
    }
    long[][] ours = tenantry(data);
    long[][] naive = NaiveUsageScore.counts(data.directory(), data.events(), AS_OF);
    for (Scenario s : Scenario.inOrder()) {
      if (!Arrays.equals(ours[s.ordinal()], naive[s.ordinal()])) {
        throw new IllegalStateException(s.displayName() + ": the engine gives N, M = "
            + Arrays.toString(ours[s.ordinal()]) + ", the naive oracle "
            + Arrays.toString(naive[s.ordinal()]));
      }
    }
  }

  static long[][] tenantry(ScoreInputs in) {
    UsageScore score = ENGINE.compute(TENANT, in.directory(), in.events(), AS_OF, Peers.none());
    long[][] out = new long[Scenario.values().length][];
    for (Scenario s : Scenario.inOrder()) {
      ScenarioResult line = score.scenario(s);
      out[s.ordinal()] = new long[] {line.numerator(), line.denominator()};
    }
    return out;
  }

  /**
   * One score.
   *
   * @return N and M of every scenario
   */
  @Benchmark
  public long[][] score() {
    return engine.equals("naive")
        ? NaiveUsageScore.counts(data.directory(), data.events(), AS_OF)
        : tenantry(data);
  }
}
