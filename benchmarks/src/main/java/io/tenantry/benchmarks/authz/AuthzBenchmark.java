package io.tenantry.benchmarks.authz;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Permission checks, half hits and half misses, over the same synthetic multi-tenant directory:
 * Tenantry's identity {@code Authorizer} (warm snapshots) against jCasbin 1.99.0 with the
 * RBAC-with-domains model, at 10 thousand, 100 thousand and 1 million role assignments, in both
 * {@linkplain SyntheticTenants.Shape shapes}: 100 tenants whose users grow (the issue's), and
 * tenants that grow to 500. The score is checks per second on one thread. The quick run passes
 * {@code -p assignments=10000}. Two measures: {@link #check}, the answer alone (Tenantry's
 * {@code allows}, jCasbin's {@code enforce}), and {@link #decide}, the answer with its account
 * (Tenantry's {@code authorize}, whose {@code Decision} names the deciding assignment and why;
 * jCasbin's {@code enforceEx}, which names the matching policy rule).
 *
 * <p>The checks cycle through {@link #queries} prepared queries, drawn uniformly over the tenants'
 * users: 4,096 by default, a hot set of principals whose records fit the core's caches at 10
 * thousand assignments but not at 1 million. {@code -p queries=65536} spreads the checks over the
 * whole directory, so at 1 million nearly every check waits on main memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuthzBenchmark {
  /** How many of them setup checks against the expected answer (jCasbin is slow at 1M). */
  static final int VERIFIED = 256;

  /** The engine measured. */
  @Param({"tenantry", "jcasbin"})
  public String engine;

  /** How the tenants grow: {@code fixed} (100 tenants) or {@code many} (up to 500). */
  @Param({"fixed", "many"})
  public String tenants;

  /** The total number of role assignments. */
  @Param({"10000", "100000", "1000000"})
  public int assignments;

  /** How many queries are prepared (a power of two); checks cycle through them. */
  @Param({"4096"})
  public int queries;

  private AuthzEngine authz;
  private int next;

  private int mask;

  /**
   * Loads the directory into the engine and checks its answers.
   *
   * @throws IllegalArgumentException if {@link #queries} is not a positive power of two
   * @throws IllegalStateException if the engine answers a verified query wrongly
   */
  @Setup
  public void setUp() {
    if (queries <= 0 || Integer.bitCount(queries) != 1) {
      throw new IllegalArgumentException("queries must be a positive power of two, got " + queries);
    }
    mask = queries - 1;
    SyntheticTenants data = SyntheticTenants.of(SyntheticTenants.Shape.named(tenants), assignments, queries);
    authz = AuthzEngine.named(engine, data);
    verify(authz, data, VERIFIED);
  }

  static void verify(AuthzEngine engine, SyntheticTenants data, int count) {
    for (int i = 0; i < Math.min(count, data.queries().size()); i++) {
      SyntheticTenants.Query q = data.queries().get(i);
      if (engine.check(i) != q.expected()) {
        throw new IllegalStateException("query " + i + " " + q + " answered " + !q.expected());
      }
      if (engine.allowed(engine.decide(i)) != q.expected()) {
        throw new IllegalStateException("query " + i + " " + q + " decided " + !q.expected());
      }
    }
  }

  /**
   * One check, the answer alone; the next prepared query each time.
   *
   * @return whether it is allowed
   */
  @Benchmark
  public boolean check() {
    int i = next;
    next = (i + 1) & mask;
    return authz.check(i);
  }

  /**
   * One decision with its account; the next prepared query each time.
   *
   * @return the engine's decision object
   */
  @Benchmark
  public Object decide() {
    int i = next;
    next = (i + 1) & mask;
    return authz.decide(i);
  }
}
