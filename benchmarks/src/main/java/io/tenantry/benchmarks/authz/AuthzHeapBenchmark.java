package io.tenantry.benchmarks.authz;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The heap a warm authorization engine keeps on top of its input, side by side with jCasbin, over
 * the multi-tenant directory of {@link AuthzBenchmark}, in bytes per role assignment. Tenantry: the
 * snapshots the Authorizer compiled (one check per tenant), over the directories the store already
 * holds; jCasbin: the enforcer, over the rule lists it was given. Measured as the difference of the
 * used heap after repeated full collections before and after the build, and reported as the
 * secondary metric {@code heapBytesPerAssignment}; the primary score (the time of a trivial call)
 * means nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AuthzHeapBenchmark {
  /** The engine measured. */
  @Param({"tenantry", "jcasbin"})
  public String engine;

  /** The total number of role assignments. */
  @Param({"1000000"})
  public int assignments;

  private AuthzEngine.Build manyTenants;
  private Object built;
  private double bytesPerAssignment;

  /** The weight of the engine of the last iteration, as a JMH secondary metric. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Weight {
    /** Heap bytes the warm engine keeps per role assignment. */
    public double heapBytesPerAssignment;
  }

  /** Loads the input (not timed). */
  @Setup(Level.Trial)
  public void load() {
    manyTenants = AuthzEngine.loaded(engine, SyntheticTenants.of(SyntheticTenants.Shape.MANY, assignments, 0));
  }

  /** Builds the multi-tenant engine between collections and weighs it (not timed). */
  @Setup(Level.Iteration)
  public void weigh() {
    built = null;
    long before = usedHeap();
    built = manyTenants.build();
    long after = usedHeap();
    bytesPerAssignment = (double) (after - before) / assignments;
  }

  /** Drops the engine of the iteration. */
  @TearDown(Level.Iteration)
  public void drop() {
    built = null;
  }

  /**
   * Reports the weight measured in {@link #weigh}.
   *
   * @param weight the secondary metric
   * @return the engine weighed, kept alive until here
   */
  @Benchmark
  public Object heap(Weight weight) {
    weight.heapBytesPerAssignment = bytesPerAssignment;
    return built;
  }

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
