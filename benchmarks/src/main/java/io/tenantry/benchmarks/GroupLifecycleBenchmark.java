package io.tenantry.benchmarks;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.DayOutcome;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.LifecycleEngine;
import io.tenantry.groups.LifecycleState;
import io.tenantry.groups.spi.InMemoryGroupActivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One daily pass of the group lifecycle engine over a tenant with a million groups (the issue's
 * target: at most one second on one core). 90% are Microsoft 365 groups under an {@code All}
 * policy, created over the two years before the policy was switched on; one in ten has activity.
 * There is no peer tool for this engine, so the benchmark runs alone ({@code engine=tenantry}).
 * With {@code -Dtenantry.bench.quick=true} ({@code benchmarks/run --quick}) it uses 100,000 groups.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class GroupLifecycleBenchmark {
  private static final TenantId TENANT = TenantId.of("contoso");
  private static final LocalDate ENABLED = LocalDate.of(2026, 1, 1);

  /** The engine measured. */
  @Param("tenantry")
  public String engine;

  /** How many groups the tenant has. */
  @Param("1000000")
  public int groups;

  private LifecycleEngine lifecycle;
  private LifecycleState state;
  private InMemoryGroupActivity activity;
  private LocalDate day;

  /** Builds the tenant. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    int count = Boolean.getBoolean("tenantry.bench.quick") ? Math.min(groups, 100_000) : groups;
    lifecycle = LifecycleEngine.of(ExpirationPolicy.all(180, List.of("it@contoso.com")), ENABLED);
    activity = new InMemoryGroupActivity();
    List<Group> all = new ArrayList<>(count);
    List<UserId> owner = List.of(UserId.of("owner@contoso.com"));
    for (int i = 0; i < count; i++) {
      GroupKind kind = random.nextInt(10) == 0 ? GroupKind.SECURITY : GroupKind.MICROSOFT_365;
      GroupId id = GroupId.of(String.format("g%07d", i));
      LocalDate created = ENABLED.minusDays(random.nextInt(730));
      all.add(Group.of(id, "Group " + i, kind, created).withOwners(random.nextBoolean() ? owner
          : List.of()));
      if (random.nextInt(10) == 0) {
        activity.record(TENANT, id, ENABLED.plusDays(random.nextInt(120)));
      }
    }
    state = lifecycle.start(TENANT, all);
    day = ENABLED.plusDays(100);
  }

  /**
   * One day over every group.
   *
   * @return the outcome (so the JIT keeps the work)
   */
  @Benchmark
  public DayOutcome dailyPass() {
    return lifecycle.runDay(state, day, List.of(), activity);
  }
}
