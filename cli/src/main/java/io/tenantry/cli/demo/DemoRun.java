package io.tenantry.cli.demo;

import io.tenantry.cli.AtomicFiles;
import io.tenantry.cli.Console;
import io.tenantry.cli.demo.SyntheticOrganisation.Event;
import io.tenantry.cli.demo.SyntheticOrganisation.Tenant;
import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.simulation.EventJson;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.Simulation;
import io.tenantry.groups.simulation.SimulationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of {@code tenantry demo}: generates the synthetic organisation, writes its input files,
 * runs each engine through its library API and writes what {@code cli.md} lists, then renders the
 * dashboard. Everything but the store is a pure function of the options.
 */
public final class DemoRun {

  /** What the run prints: a table on standard output and a one-line summary on standard error. */
  public record Summary(String table, String line) {}

  /** How far past the as-of day the lifecycle simulation looks ahead. */
  static final int LIFECYCLE_LOOKAHEAD_DAYS = 90;

  private final Path out;
  private final long seed;
  private final int users;
  private final int days;
  private final LocalDate asOf;
  private final Console console;

  /**
   * Creates a run.
   *
   * @param out the output folder (created or reused)
   * @param seed the organisation's seed
   * @param users users across both tenants
   * @param days days of activity
   * @param asOf the last day of activity
   * @param console where progress and warnings go
   */
  public DemoRun(Path out, long seed, int users, int days, LocalDate asOf, Console console) {
    this.out = Objects.requireNonNull(out, "out");
    this.seed = seed;
    this.users = users;
    this.days = days;
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.console = Objects.requireNonNull(console, "console");
  }

  /** The figures of one tenant for the summary table. */
  private record TenantFigures(String id, int users, int guests, int events, int groups,
      int lifecycleEvents) {}

  /**
   * Runs the demo.
   *
   * @return the summary to print
   * @throws IOException if an output file cannot be written
   */
  public Summary run() throws IOException {
    int steps = 3;
    int step = 0;
    console.progress("generating organisation", step, steps);
    List<Tenant> tenants = new SyntheticOrganisation(seed, users, days, asOf).generate();
    List<Dashboard.TenantPanel> panels = new ArrayList<>();
    List<TenantFigures> figures = new ArrayList<>();
    for (Tenant t : tenants) {
      console.progress("tenant " + t.id() + ": inputs", ++step, steps);
      Path dir = out.resolve("tenants").resolve(t.id());
      writeInputs(t, dir.resolve("input"));
      List<LifecycleEvent> lifecycle = lifecycle(t);
      AtomicFiles.writeText(dir.resolve("lifecycle.jsonl"), w -> {
        for (LifecycleEvent e : lifecycle) {
          w.write(EventJson.line(e));
          w.write('\n');
        }
      });
      panels.add(panel(t, lifecycle));
      figures.add(new TenantFigures(t.id(), t.users().size(),
          (int) t.users().stream().filter(SyntheticOrganisation.User::guest).count(),
          t.events().size(), t.groups().size(), lifecycle.size()));
    }
    console.progress("dashboard", ++step, steps);
    AtomicFiles.writeString(out.resolve("dashboard.html"),
        Dashboard.render(new Dashboard.Model("Tenantry demo", asOf, panels)));
    return new Summary(table(figures), "demo written to " + out + " (" + tenants.size()
        + " tenants, " + users + " users, " + days + " days ending " + asOf + ")");
  }

  private static void writeInputs(Tenant t, Path dir) throws IOException {
    AtomicFiles.writeText(dir.resolve("users.csv"), w -> InputFiles.users(t, w));
    AtomicFiles.writeText(dir.resolve("groups.csv"), w -> InputFiles.groups(t, w));
    AtomicFiles.writeText(dir.resolve("events.jsonl"), w -> InputFiles.events(t, w));
    AtomicFiles.writeText(dir.resolve("tickets.csv"), w -> InputFiles.tickets(t, w));
  }

  /**
   * Simulates the group expiration policy (180 days, all Microsoft 365 groups, switched on at the
   * start of the activity) from the first day of activity to {@value #LIFECYCLE_LOOKAHEAD_DAYS}
   * days after the as-of day; a group's activity is every day an event names it.
   */
  private List<LifecycleEvent> lifecycle(Tenant t) {
    LocalDate first = asOf.minusDays(days - 1L);
    Map<String, TreeSet<LocalDate>> activity = new TreeMap<>();
    for (Event e : t.events()) {
      if (e.group() != null) {
        activity.computeIfAbsent(e.group(), g -> new TreeSet<>()).add(e.date());
      }
    }
    List<SimulatedGroup> groups = new ArrayList<>();
    for (SyntheticOrganisation.Group g : t.groups()) {
      GroupKind kind = switch (g.kind()) {
        case "Security" -> GroupKind.SECURITY;
        case "Distribution" -> GroupKind.DISTRIBUTION;
        default -> GroupKind.MICROSOFT_365;
      };
      Group group = Group.of(GroupId.of(g.id()), g.name(), kind, g.created())
          .withOwners(g.owners().stream().map(UserId::of).toList());
      groups.add(new SimulatedGroup(group,
          List.copyOf(activity.getOrDefault(g.id(), new TreeSet<>())), 0));
    }
    SimulationFile file = new SimulationFile("demo:" + t.id(), TenantId.of(t.id()), first, first,
        asOf.plusDays(LIFECYCLE_LOOKAHEAD_DAYS),
        ExpirationPolicy.all(180, List.of("it@" + t.domain())), groups, List.of(), List.of());
    Simulation.Result result = Simulation.run(file);
    result.warnings().forEach(console::warning);
    return result.events();
  }

  private Dashboard.TenantPanel panel(Tenant t, List<LifecycleEvent> lifecycle) {
    Map<String, String> names = new TreeMap<>();
    t.groups().forEach(g -> names.put(g.id(), g.name()));
    List<Dashboard.LifecycleRow> ahead = new ArrayList<>();
    for (LifecycleEvent e : lifecycle) {
      if (e.date().isAfter(asOf) && ahead.size() < 15) {
        ahead.add(new Dashboard.LifecycleRow(e.date(), names.getOrDefault(e.group().value(),
            e.group().value()), e.name(), detail(e)));
      }
    }
    List<Dashboard.Kpi> kpis = List.of(
        new Dashboard.Kpi("Users", String.valueOf(t.users().size())),
        new Dashboard.Kpi("Guests", String.valueOf(t.users().stream()
            .filter(SyntheticOrganisation.User::guest).count())),
        new Dashboard.Kpi("Groups", String.valueOf(t.groups().size())),
        new Dashboard.Kpi("Lifecycle events ahead (" + LIFECYCLE_LOOKAHEAD_DAYS + " days)",
            String.valueOf(lifecycle.stream().filter(e -> e.date().isAfter(asOf)).count())));
    Dashboard.Series empty = new Dashboard.Series(List.of(), List.of(), "");
    return new Dashboard.TenantPanel(t.id(), t.displayName(), kpis, empty, List.of(), empty,
        List.of(), ahead, empty, List.of(), List.of());
  }

  private static String detail(LifecycleEvent e) {
    if (e instanceof LifecycleEvent.ExpiryNotificationSent n) {
      return n.daysBefore() + " days before expiry on " + n.expiresOn() + "; to "
          + (n.to().isEmpty() ? "nobody" : String.join(", ", n.to()));
    }
    if (e instanceof LifecycleEvent.Renewed r) {
      return "renewed (" + r.reason().toString().toLowerCase(Locale.ROOT) + ") until " + r.expiresOn();
    }
    if (e instanceof LifecycleEvent.SoftDeleted s) {
      return "soft-deleted (" + s.reason().toString().toLowerCase(Locale.ROOT) + ")";
    }
    return "";
  }

  private static String table(List<TenantFigures> figures) {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-10s %7s %7s %9s %7s %10s%n";
    sb.append(String.format(Locale.ROOT, fmt, "tenant", "users", "guests", "events", "groups",
        "lifecycle"));
    for (TenantFigures f : figures) {
      sb.append(String.format(Locale.ROOT, fmt, f.id(), f.users(), f.guests(), f.events(),
          f.groups(), f.lifecycleEvents()));
    }
    return sb.toString();
  }
}
