package io.tenantry.identity.scenario;

import io.tenantry.core.UserId;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.Decision;
import io.tenantry.identity.Directory;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.spi.InMemoryDirectoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a {@link Scenario} through the {@link Authorizer} and reports each result
 * ({@code cli.md}, "tenantry authz test"): one line per failed check naming it and the engine's
 * reason, and with {@code explain} one line per check with its decision and the deciding
 * assignment. Each entry of {@code lists} counts as one check.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /**
   * The outcome of a run.
   *
   * @param passed how many checks passed
   * @param failed how many failed
   * @param lines the report lines, in file order (without the summary line)
   */
  public record Report(int passed, int failed, List<String> lines) {
    /**
     * Copies the lines.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public Report {
      if (passed < 0 || failed < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      lines = List.copyOf(lines);
    }

    /**
     * Returns the summary line.
     *
     * @return {@code N passed, M failed}
     */
    public String summary() {
      return passed + " passed, " + failed + " failed";
    }

    /**
     * Adds two reports (for several files).
     *
     * @param other the other report
     * @return the sum, lines concatenated
     */
    public Report plus(Report other) {
      List<String> all = new ArrayList<>(lines);
      all.addAll(other.lines);
      return new Report(passed + other.passed, failed + other.failed, all);
    }
  }

  /**
   * Runs every check and list of a scenario.
   *
   * @param scenario the scenario
   * @param explain whether to print every check's decision and deciding assignment
   * @return the report
   */
  public static Report run(Scenario scenario, boolean explain) {
    InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    for (Directory d : scenario.directories().values()) {
      store.put(d);
    }
    Authorizer authorizer = Authorizer.over(store);
    int passed = 0;
    int failed = 0;
    List<String> lines = new ArrayList<>();
    for (Scenario.Check c : scenario.checks()) {
      Decision d = explain ? authorizer.explain(c.tenant(), c.principal(), c.action(), c.target())
          : authorizer.authorize(c.tenant(), c.principal(), c.action(), c.target());
      boolean ok = d.allowed() == c.expectAllow();
      if (ok) {
        passed++;
      } else {
        failed++;
      }
      if (explain) {
        lines.add((ok ? "PASS " : "FAIL ") + c.location() + ": " + c.describe() + ": " + verdict(d)
            + (ok ? "" : " (expected " + (c.expectAllow() ? "allow" : "deny") + ")"));
      } else if (!ok) {
        lines.add("FAIL " + c.location() + ": " + c.describe() + ": expected " + (c.expectAllow() ? "allow" : "deny")
            + ", got " + (d.allowed() ? "allow" : "deny") + ": " + d.reason());
      }
    }
    for (Scenario.ListCheck l : scenario.lists()) {
      Set<String> actual = authorizer.visibleUsers(l.tenant(), l.principal()).stream().map(UserId::value)
          .collect(Collectors.toCollection(TreeSet::new));
      actual.removeAll(scenario.unlistedPrincipals().getOrDefault(l.tenant(), Set.of()));
      Set<String> expected = new TreeSet<>(l.expected());
      boolean ok = actual.equals(expected);
      if (ok) {
        passed++;
      } else {
        failed++;
      }
      if (explain || !ok) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        lines.add((ok ? "PASS " : "FAIL ") + l.location() + ": " + l.tenant() + ": users listed for " + l.principal()
            + ": " + actual + (ok ? "" : " (expected " + expected
            + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; unexpected " + extra)
            + ")"));
      }
    }
    return new Report(passed, failed, lines);
  }

  private static String verdict(Decision d) {
    String head = d.allowed() ? "allow" : "deny";
    RoleAssignment by = d.decidedBy();
    return by == null ? head + " (" + d.reason() + ")"
        : head + " by " + roleName(by) + " at " + by.scope().text() + " (" + d.reason() + ")";
  }

  private static String roleName(RoleAssignment a) {
    return io.tenantry.identity.BuiltInRoles.byId(a.roleId()).map(r -> r.name()).orElse(a.roleId().value());
  }
}
