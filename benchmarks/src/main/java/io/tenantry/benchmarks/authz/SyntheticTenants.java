package io.tenantry.benchmarks.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic directory both authorization engines load: T tenants, each with 10 roles of 4
 * permissions drawn from a pool of 8, and users who each hold one role tenant-wide (one assignment
 * per user). Two shapes:
 * <ul>
 *   <li>{@link Shape#FIXED}, the issue's: 100 tenants, whose users grow with the assignments
 *       (10 thousand assignments: 100 users a tenant; 100 thousand: 1,000, the peer figure's
 *       "100 tenants × 1,000 users × 10 roles"; 1 million: 10,000);</li>
 *   <li>{@link Shape#MANY}, where the tenants grow too: 200 users a tenant, up to 500 tenants at
 *       100 thousand assignments; beyond, the 500 tenants' users grow (1 million assignments: 500
 *       tenants of 2,000 users). Over five times more tenants, a check also pays for reaching more
 *       snapshots.</li>
 * </ul>
 *
 * <p>The queries are half hits (an action the user's role grants) and half misses (an action of
 * the pool it does not grant), on random tenants and users, drawn from a fixed seed.
 *
 * @param tenants how many tenants
 * @param usersPerTenant users (and assignments) per tenant
 * @param queries the checks to run, in order
 */
record SyntheticTenants(int tenants, int usersPerTenant, List<Query> queries) {
  /** Roles per tenant. */
  static final int ROLES = 10;

  /** How the tenants grow with the assignments. */
  enum Shape {
    /** 100 tenants; their users grow. */
    FIXED,
    /** 200 users a tenant while tenants are at most 500; beyond, each of the 500 tenants grows. */
    MANY;

    /**
     * The shape of a benchmark parameter.
     *
     * @param name {@code fixed} or {@code many}
     * @return the shape
     * @throws IllegalArgumentException for another name
     */
    static Shape named(String name) {
      switch (name) {
        case "fixed": return FIXED;
        case "many": return MANY;
        default: throw new IllegalArgumentException("unknown tenant shape '" + name + "'");
      }
    }
  }

  /** The tenants of {@link Shape#FIXED}. */
  static final int FIXED_TENANTS = 100;
  /** Permissions per role. */
  static final int PER_ROLE = 4;
  /** The pool of permissions roles draw from; concrete (no wildcards), tenant-level. */
  static final List<String> POOL = List.of(
      "microsoft.directory/applications/basic/update",
      "microsoft.directory/applications/credentials/update",
      "microsoft.directory/applications/owners/update",
      "microsoft.directory/servicePrincipals/basic/update",
      "microsoft.directory/servicePrincipals/credentials/update",
      "microsoft.directory/servicePrincipals/owners/update",
      "microsoft.directory/policies/basic/update",
      "microsoft.directory/devices/basic/update");

  /**
   * One check and its expected answer.
   *
   * @param tenant the tenant index
   * @param user the user index within the tenant
   * @param permission the index into {@link #POOL}
   * @param expected whether the check should be allowed
   */
  record Query(int tenant, int user, int permission, boolean expected) {}

  /**
   * Builds the directory and the queries for a number of assignments, in a shape.
   *
   * @param shape how the tenants grow
   * @param assignments the total number of role assignments (users); a multiple of the tenants
   * @param queryCount how many queries to draw
   * @return the synthetic tenants
   * @throws IllegalArgumentException if {@code assignments} is below 200, or for {@link Shape#FIXED}
   *     not a multiple of 100
   */
  static SyntheticTenants of(Shape shape, int assignments, int queryCount) {
    if (assignments < 200) {
      throw new IllegalArgumentException("need at least 200 assignments, got " + assignments);
    }
    if (shape == Shape.FIXED && assignments % FIXED_TENANTS != 0) {
      throw new IllegalArgumentException("the fixed shape needs a multiple of " + FIXED_TENANTS
          + " assignments, got " + assignments);
    }
    int tenants = shape == Shape.FIXED ? FIXED_TENANTS : Math.min(500, assignments / 200);
    int users = assignments / tenants;
    SplittableRandom random = new SplittableRandom(42);
    List<Query> queries = new ArrayList<>(queryCount);
    for (int i = 0; i < queryCount; i++) {
      int t = random.nextInt(tenants);
      int u = random.nextInt(users);
      int role = roleOf(u);
      int k = random.nextInt(PER_ROLE);
      boolean hit = i % 2 == 0;
      // a role holds POOL[(role + k) % 8] for k < 4; the other four are (role + 4 + k) % 8
      int permission = hit ? (role + k) % POOL.size() : (role + PER_ROLE + k) % POOL.size();
      queries.add(new Query(t, u, permission, hit));
    }
    return new SyntheticTenants(tenants, users, List.copyOf(queries));
  }

  /**
   * One tenant holding every assignment (one user each), with no queries: the directory whose
   * snapshot {@link AuthzBuildBenchmark} builds.
   *
   * @param assignments the number of users and assignments
   * @return the synthetic tenant
   * @throws IllegalArgumentException if {@code assignments} is below 1
   */
  static SyntheticTenants oneTenant(int assignments) {
    if (assignments < 1) {
      throw new IllegalArgumentException("need at least 1 assignment, got " + assignments);
    }
    return new SyntheticTenants(1, assignments, List.of());
  }

  /**
   * The role a user holds.
   *
   * @param user the user index
   * @return the role index
   */
  static int roleOf(int user) {
    return user % ROLES;
  }

  /**
   * The permissions a role grants, as indexes into {@link #POOL}.
   *
   * @param role the role index
   * @return four pool indexes
   */
  static int[] permissionsOf(int role) {
    int[] p = new int[PER_ROLE];
    for (int k = 0; k < PER_ROLE; k++) {
      p[k] = (role + k) % POOL.size();
    }
    return p;
  }

  static String tenantName(int t) {
    return "tenant" + t;
  }

  static String userName(int u) {
    return "user" + u;
  }

  static String roleName(int r) {
    return "role" + r;
  }
}
