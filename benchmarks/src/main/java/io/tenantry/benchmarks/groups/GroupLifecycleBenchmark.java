package io.tenantry.benchmarks.groups;

import io.tenantry.groups.DayOutcome;
import io.tenantry.groups.Group;
import io.tenantry.groups.LifecycleEngine;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.LifecycleState;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.Simulation;
import io.tenantry.groups.simulation.SimulationFile;
import io.tenantry.groups.spi.InMemoryGroupActivity;
import io.tenantry.testkit.groups.NaiveLifecycleOracle;
import java.time.LocalDate;
import java.util.List;
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
 * The group lifecycle over a tenant with a million groups ({@link SyntheticGroups}), in two
 * measures, both in milliseconds per operation:
 *
 * <ul>
 *   <li>{@code simulateWeek}: the first week after the expiration policy is switched on, from the
 *       simulation file to the list of events ({@code groups simulate}): Tenantry's {@link
 *       Simulation} (the {@link LifecycleEngine}, one daily pass a day) against testkit's {@link
 *       NaiveLifecycleOracle} ({@code engine=naive}), the rules written out with mutable records.
 *       Setup checks that both give the same events, in the same order, before anything is
 *       timed.</li>
 *   <li>{@code dailyPass}: one day of the engine alone over a started state, the 100th day after
 *       the switch (the target: at most one second on one core). No peer.</li>
 * </ul>
 *
 * The quick run ({@code benchmarks/run --quick}) passes {@code -p groups=100000}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GroupLifecycleBenchmark {
  /** How many days {@code simulateWeek} simulates. */
  static final int DAYS = 7;

  /** A simulated week, run by Tenantry or by the naive oracle. */
  @State(Scope.Benchmark)
  public static class Week {
    /** The engine measured: {@code tenantry} or {@code naive}. */
    @Param({"tenantry", "naive"})
    public String engine;

    /** How many groups the tenant has. */
    @Param("1000000")
    public int groups;

    SimulationFile file;

    /**
     * Draws the week and checks that both engines give the same events.
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
      file = SyntheticGroups.simulation(groups, DAYS);
      List<LifecycleEvent> ours = Simulation.run(file).events();
      List<LifecycleEvent> naive = NaiveLifecycleOracle.run(file);
      if (!ours.equals(naive)) {
        int i = 0;
        while (i < Math.min(ours.size(), naive.size()) && ours.get(i).equals(naive.get(i))) {
          i++;
        }
        throw new IllegalStateException("the engine and the naive oracle differ at event " + i
            + " of " + ours.size() + " and " + naive.size() + ": "
            + (i < ours.size() ? ours.get(i) : "none") + " vs "
            + (i < naive.size() ? naive.get(i) : "none"));
      }
      if (ours.isEmpty()) {
        throw new IllegalStateException("the synthetic week causes no event");
      }
    }
  }

  /** The engine's state on a day, for {@code dailyPass}. */
  @State(Scope.Benchmark)
  public static class Day {
    /** How many groups the tenant has. */
    @Param("1000000")
    public int groups;

    LifecycleEngine lifecycle;
    LifecycleState state;
    InMemoryGroupActivity activity;
    LocalDate day;

    /** Starts the tenant's groups. */
    @Setup(Level.Trial)
    public void setUp() {
      day = SyntheticGroups.ENABLED.plusDays(100);
      List<SimulatedGroup> all = SyntheticGroups.groups(groups, day);
      lifecycle = LifecycleEngine.of(SyntheticGroups.POLICY, SyntheticGroups.ENABLED);
      activity = new InMemoryGroupActivity();
      for (SimulatedGroup g : all) {
        activity.recordAll(SyntheticGroups.TENANT, g.group().id(), g.activity());
      }
      List<Group> plain = all.stream().map(SimulatedGroup::group).toList();
      state = lifecycle.start(SyntheticGroups.TENANT, plain);
    }
  }

  static List<LifecycleEvent> run(Week w) {
    return switch (w.engine) {
      case "tenantry" -> Simulation.run(w.file).events();
      case "naive" -> NaiveLifecycleOracle.run(w.file);
      default -> throw new IllegalArgumentException("unknown engine '" + w.engine + "'");
    };
  }

  /**
   * A week from the simulation file to its events.
   *
   * @param week the week and the engine
   * @return the events (so the JIT keeps the work)
   */
  @Benchmark
  public List<LifecycleEvent> simulateWeek(Week week) {
    return run(week);
  }

  /**
   * One day of the engine over every group.
   *
   * @param day the started state
   * @return the outcome (so the JIT keeps the work)
   */
  @Benchmark
  public DayOutcome dailyPass(Day day) {
    return day.lifecycle.runDay(day.state, day.day, List.of(), day.activity);
  }
}
