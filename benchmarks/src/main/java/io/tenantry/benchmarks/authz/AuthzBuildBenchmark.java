package io.tenantry.benchmarks.authz;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * The time to build a warm authorization engine from data already loaded, side by side with
 * jCasbin: one tenant holding every assignment (one user each). Tenantry compiles the tenant's
 * snapshot from the directory in its store (through the public Authorizer: a fresh Authorizer and
 * its first check); jCasbin adds the rules in bulk and builds its role links. One shot per
 * iteration, a fresh engine each time. The heap the engines keep is {@link AuthzHeapBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AuthzBuildBenchmark {
  /** The engine measured. */
  @Param({"tenantry", "jcasbin"})
  public String engine;

  /** The total number of role assignments. */
  @Param({"1000000"})
  public int assignments;

  private AuthzEngine.Build oneTenant;

  /** Loads the input (not timed). */
  @Setup(Level.Trial)
  public void load() {
    oneTenant = AuthzEngine.loaded(engine, SyntheticTenants.oneTenant(assignments));
  }

  /**
   * Builds a warm engine for one tenant of {@link #assignments} assignments.
   *
   * @return the engine's state
   */
  @Benchmark
  public Object build() {
    return oneTenant.build();
  }

}
