package io.tenantry.cli.demo;

import io.tenantry.cli.AtomicFiles;
import io.tenantry.cli.Console;
import io.tenantry.cli.demo.SyntheticOrganisation.Event;
import io.tenantry.cli.demo.SyntheticOrganisation.Tenant;
import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.UserId;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.datastore.FolderStore;
import io.tenantry.datastore.ObjectInfo;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.VerifyFinding;
import io.tenantry.datastore.VerifyReport;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.simulation.EventJson;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.Simulation;
import io.tenantry.groups.simulation.SimulationFile;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportTable;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.ReportWriter;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import io.tenantry.reports.score.Peers;
import io.tenantry.reports.score.Recommendation;
import io.tenantry.reports.score.Scenario;
import io.tenantry.reports.score.ScenarioResult;
import io.tenantry.reports.score.ScoreJson;
import io.tenantry.reports.score.UsageScore;
import io.tenantry.reports.score.UsageScoreEngine;
import io.tenantry.reports.servicedesk.Segment;
import io.tenantry.reports.servicedesk.ServiceDeskFiles;
import io.tenantry.reports.servicedesk.ServiceDeskReport;
import io.tenantry.reports.servicedesk.ServiceDeskTrends;
import io.tenantry.reports.servicedesk.Spike;
import io.tenantry.reports.servicedesk.TicketsCsvReader;
import io.tenantry.reports.servicedesk.WeeklyTrend;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
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

  /** How many users per tenant and geo get a welcome note in the demo store. */
  static final int WELCOME_NOTES_PER_GEO = 12;

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
      int reports, String score, int lifecycleEvents, int storedObjects) {}

  /**
   * Illustrative peer values for the demo's Usage Score (a host passes real ones with
   * {@code --peers}); they are fixed so the demo stays deterministic.
   */
  static final Peers DEMO_PEERS = new Peers(Map.of(
      Scenario.COMMUNICATION, new BigDecimal("55.0"),
      Scenario.CONTENT_COLLABORATION, new BigDecimal("48.0"),
      Scenario.TEAMWORK, new BigDecimal("52.0"),
      Scenario.MEETINGS, new BigDecimal("35.0"),
      Scenario.MOBILITY, new BigDecimal("40.0"),
      Scenario.DATA_PROTECTION, new BigDecimal("70.0")));

  /**
   * Runs the demo.
   *
   * @return the summary to print
   * @throws IOException if an output file cannot be written
   */
  public Summary run() throws IOException {
    int steps = 2 + 5 * 2 + 1;
    int step = 0;
    console.progress("generating organisation", step, steps);
    List<Tenant> tenants = new SyntheticOrganisation(seed, users, days, asOf).generate();
    List<Dashboard.TenantPanel> panels = new ArrayList<>();
    List<TenantFigures> figures = new ArrayList<>();
    for (Tenant t : tenants) {
      console.progress("tenant " + t.id() + ": inputs", ++step, steps);
      Path dir = out.resolve("tenants").resolve(t.id());
      writeInputs(t, dir.resolve("input"));
      console.progress("tenant " + t.id() + ": reports", ++step, steps);
      Path input = dir.resolve("input");
      int reportCount = reports(t, input, dir.resolve("reports"));
      Dashboard.Series activeUsers = activeUsers(t, input);
      console.progress("tenant " + t.id() + ": usage score", ++step, steps);
      UsageScore score = score(t, input);
      AtomicFiles.write(dir.resolve("score.json"), o -> o.write(ScoreJson.toBytes(score)));
      console.progress("tenant " + t.id() + ": service desk", ++step, steps);
      ServiceDeskReport desk = serviceDesk(t, input, dir.resolve("servicedesk"));
      console.progress("tenant " + t.id() + ": lifecycle", ++step, steps);
      List<LifecycleEvent> lifecycle = lifecycle(t);
      AtomicFiles.writeText(dir.resolve("lifecycle.jsonl"), w -> {
        for (LifecycleEvent e : lifecycle) {
          w.write(EventJson.line(e));
          w.write('\n');
        }
      });
      panels.add(panel(t, lifecycle, activeUsers, score, desk));
      figures.add(new TenantFigures(t.id(), t.users().size(),
          (int) t.users().stream().filter(SyntheticOrganisation.User::guest).count(),
          t.events().size(), t.groups().size(), reportCount,
          score.total().percent() == null ? "n/a" : score.total().percent().toPlainString() + " %",
          lifecycle.size(), 0));
    }
    console.progress("encrypted store", ++step, steps);
    Map<String, List<Dashboard.ReplicaRow>> replicas = new TreeMap<>();
    Map<String, Integer> stored = store(tenants, replicas);
    for (int i = 0; i < panels.size(); i++) {
      Dashboard.TenantPanel p = panels.get(i);
      panels.set(i, new Dashboard.TenantPanel(p.id(), p.name(), p.kpis(), p.activeUsers(),
          p.scenarios(), p.scoreHistory(), p.recommendations(), p.lifecycle(), p.serviceDesk(),
          p.spikes(), replicas.getOrDefault(p.id(), List.of())));
      TenantFigures f = figures.get(i);
      figures.set(i, new TenantFigures(f.id(), f.users(), f.guests(), f.events(), f.groups(),
          f.reports(), f.score(), f.lifecycleEvents(), stored.getOrDefault(f.id(), 0)));
    }
    console.progress("dashboard", ++step, steps);
    AtomicFiles.writeString(out.resolve("dashboard.html"),
        Dashboard.render(new Dashboard.Model("Tenantry demo", asOf, panels)));
    return new Summary(table(figures), "demo written to " + out + " (" + tenants.size()
        + " tenants, " + users + " users, " + days + " days ending " + asOf + ")");
  }

  /**
   * Builds the encrypted, replicated store under {@code DIR/store} (three geos, three replicas
   * each, write quorum 2): for each geo, the welcome notes of the first {@value
   * #WELCOME_NOTES_PER_GEO} members whose preferred data location resolves to it, placed there,
   * and a handbook per tenant in the central location. It then damages one replica copy
   * on purpose and verifies with repair, so the dashboard shows the store healing itself. The
   * store is recreated on every run; its keys and nonces are fresh by design.
   *
   * @param replicaRows receives, per tenant, the health of every replica holding its objects
   * @return the number of objects stored per tenant
   */
  private Map<String, Integer> store(List<Tenant> tenants,
      Map<String, List<Dashboard.ReplicaRow>> replicaRows) throws IOException {
    Path dir = out.resolve("store");
    deleteRecursively(dir);
    GeoRegistry geos = GeoRegistry.documented();
    FolderStore.Layout layout = new FolderStore.Layout(List.of(geos.require("NAM"),
        geos.require("EUR"), geos.require("JPN")), 3, 2, FolderStore.DEFAULT_CHUNK_SIZE);
    FolderStore.init(dir, layout, null);
    Map<String, Integer> counts = new TreeMap<>();
    try (FolderStore folder = FolderStore.open(dir, null, Duration.ofSeconds(30),
        InstantSource.system(), IdGenerator.random())) {
      for (Tenant t : tenants) {
        TenantId tenant = TenantId.of(t.id());
        folder.store().put(tenant, ObjectKey.of("policies/handbook.md"),
            ("# " + t.displayName() + " handbook\n\nWelcome to " + t.displayName() + ".\n")
                .getBytes(StandardCharsets.UTF_8), Placement.central(), "demo");
        Map<String, Integer> perGeo = new TreeMap<>();
        for (SyntheticOrganisation.User u : t.users()) {
          String geo = folder.store().geography().resolve(u.preferredDataLocation()).code();
          if (!u.guest() && perGeo.merge(geo, 1, Integer::sum) <= WELCOME_NOTES_PER_GEO) {
            folder.store().put(tenant, ObjectKey.of("onedrive/" + u.upn() + "/welcome.txt"),
                ("Hello " + u.displayName() + ", your files live in "
                    + (u.preferredDataLocation().isEmpty() ? "the central location"
                        : u.preferredDataLocation()) + ".\n").getBytes(StandardCharsets.UTF_8),
                Placement.preferred(u.preferredDataLocation()), "demo");
          }
        }
      }
      damageOneCopy(dir.resolve("geos").resolve("NAM").resolve("replica-2"));
      VerifyReport report = folder.store().verify(true, "demo");
      for (Tenant t : tenants) {
        List<ObjectInfo> objects = folder.store().list(TenantId.of(t.id()), "demo");
        counts.put(t.id(), objects.size());
        List<Dashboard.ReplicaRow> rows = new ArrayList<>();
        for (io.tenantry.core.DataLocation geo : layout.geos()) {
          int inGeo = (int) objects.stream().filter(o -> o.geo().equals(geo)).count();
          for (int r = 1; r <= layout.replicas(); r++) {
            String replica = geo.code() + "/replica-" + r;
            int damaged = findings(report, t.id(), replica, VerifyFinding.Status.DAMAGED);
            int repaired = findings(report, t.id(), replica, VerifyFinding.Status.REPAIRED);
            rows.add(new Dashboard.ReplicaRow(geo.code(), "replica-" + r, inGeo, inGeo - damaged,
                damaged, repaired));
          }
        }
        replicaRows.put(t.id(), rows);
      }
    }
    return counts;
  }

  private static int findings(VerifyReport report, String tenant, String replica,
      VerifyFinding.Status status) {
    return (int) report.findings().stream()
        .filter(f -> f.status() == status && f.tenant() != null && f.tenant().value().equals(tenant)
            && f.replica().endsWith(replica))
        .map(VerifyFinding::subject).distinct().count();
  }

  /** Flips one byte in the middle of the first stored file of a replica folder. */
  private static void damageOneCopy(Path replica) throws IOException {
    Path victim;
    try (java.util.stream.Stream<Path> files = Files.walk(replica)) {
      victim = files.filter(Files::isRegularFile).sorted().findFirst().orElse(null);
    }
    if (victim != null) {
      byte[] bytes = Files.readAllBytes(victim);
      if (bytes.length > 0) {
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(victim, bytes);
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void writeInputs(Tenant t, Path dir) throws IOException {
    AtomicFiles.writeText(dir.resolve("users.csv"), w -> InputFiles.users(t, w));
    AtomicFiles.writeText(dir.resolve("groups.csv"), w -> InputFiles.groups(t, w));
    AtomicFiles.writeText(dir.resolve("events.jsonl"), w -> InputFiles.events(t, w));
    AtomicFiles.writeText(dir.resolve("tickets.csv"), w -> InputFiles.tickets(t, w));
  }

  /**
   * Computes every report of the catalogue for period D30 and writes it as CSV and as JSON.
   *
   * @return how many reports were written
   */
  private int reports(Tenant t, Path input, Path reportsDir) throws IOException {
    ReportJob job = new ReportJob(TenantId.of(t.id()), t.displayName(),
        ReportWindow.period(asOf, Period.D30), List.of(ReportFunction.values()), null);
    ReportJob.Result result = job.run(input.resolve("users.csv"), input.resolve("groups.csv"),
        input.resolve("events.jsonl"), ActivityEventReader.failFast());
    for (ReportTable table : result.tables()) {
      String name = table.function().graphName();
      AtomicFiles.write(reportsDir.resolve(name + ".csv"), o -> ReportWriter.writeCsv(table, o));
      AtomicFiles.write(reportsDir.resolve("json").resolve(name + ".json"),
          o -> ReportWriter.writeJson(table, o));
    }
    return result.tables().size();
  }

  /** Daily active users per workload over the whole activity, from getOffice365ActiveUserCounts. */
  private Dashboard.Series activeUsers(Tenant t, Path input) throws IOException {
    ReportJob job = new ReportJob(TenantId.of(t.id()), t.displayName(),
        ReportWindow.period(asOf, Period.D180), List.of(ReportFunction.GET_OFFICE365_ACTIVE_USER_COUNTS),
        null);
    ReportTable table = job.run(input.resolve("users.csv"), input.resolve("groups.csv"),
        input.resolve("events.jsonl"), ActivityEventReader.failFast()).tables().get(0);
    List<String> workloads = List.of("Exchange", "Teams", "SharePoint", "OneDrive", "Yammer",
        "Skype For Business");
    int dateColumn = table.indexOf("Report Date");
    List<List<Object>> rows = new ArrayList<>(table.rows());
    java.util.Collections.reverse(rows);
    LocalDate first = asOf.minusDays(Math.min(days, 180) - 1L);
    rows.removeIf(r -> LocalDate.parse(String.valueOf(r.get(dateColumn))).isBefore(first));
    List<LocalDate> dates = rows.stream()
        .map(r -> LocalDate.parse(String.valueOf(r.get(dateColumn)))).toList();
    List<Dashboard.Line> lines = new ArrayList<>();
    for (String w : workloads) {
      int c = table.indexOf(w);
      double[] v = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        v[i] = ((Number) rows.get(i).get(c)).doubleValue();
      }
      lines.add(new Dashboard.Line(w, v));
    }
    return new Dashboard.Series(dates, lines, "distinct active users per day");
  }

  /** The Usage Score as of the as-of day, against the demo's illustrative peers. */
  private UsageScore score(Tenant t, Path input) throws IOException {
    TenantId tenant = TenantId.of(t.id());
    UserDirectory directory = UsersCsvReader.read(tenant, input.resolve("users.csv"));
    UsageScoreEngine.Computation c = UsageScoreEngine.create().start(tenant, directory, asOf);
    ActivityEventReader.of(directory).read(input.resolve("events.jsonl"), c,
        ActivityEventReader.failFast());
    return c.finish(DEMO_PEERS);
  }

  /**
   * Computes the weekly service-desk trends (26 weeks ending at the as-of day) from the tickets,
   * the users' migration dates and the activity, and writes them as CSV and JSON.
   */
  private ServiceDeskReport serviceDesk(Tenant t, Path input, Path deskDir) throws IOException {
    TenantId tenant = TenantId.of(t.id());
    UserDirectory directory = UsersCsvReader.read(tenant, input.resolve("users.csv"));
    ServiceDeskTrends.Computation c = ServiceDeskTrends.start(tenant, directory,
        ServiceDeskTrends.Options.of(asOf));
    ActivityEventReader.of(directory).read(input.resolve("events.jsonl"), c,
        ActivityEventReader.failFast());
    ServiceDeskReport report = c.eventsGiven().finish(
        TicketsCsvReader.read(tenant, input.resolve("tickets.csv"), directory));
    AtomicFiles.write(deskDir.resolve(ServiceDeskFiles.TRENDS_CSV),
        o -> o.write(ServiceDeskFiles.trendsCsv(report)));
    AtomicFiles.write(deskDir.resolve(ServiceDeskFiles.SPIKES_CSV),
        o -> o.write(ServiceDeskFiles.spikesCsv(report)));
    AtomicFiles.write(deskDir.resolve(ServiceDeskFiles.JSON),
        o -> o.write(ServiceDeskFiles.json(report)));
    return report;
  }

  /** The most spikes the dashboard lists per tenant. */
  static final int DASHBOARD_SPIKES = 8;

  /**
   * The spikes worth a person's attention on the dashboard: rises of the normalized volume, and
   * escalation-rate rises carried by at least 5 tickets; the {@value #DASHBOARD_SPIKES} strongest,
   * by date. The CSV and JSON files keep every spike.
   */
  private static List<Spike> notableSpikes(ServiceDeskReport report) {
    java.util.Comparator<Spike> strength = java.util.Comparator.comparing(
        (Spike sp) -> sp.robustZ() == null ? new BigDecimal("1e9") : sp.robustZ());
    return report.spikes().stream()
        .filter(sp -> sp.metric().equals("ticketsPerActiveUser") || sp.tickets() >= 5)
        .sorted(strength.reversed()).limit(DASHBOARD_SPIKES)
        .sorted(java.util.Comparator.comparing(Spike::weekStart)).toList();
  }

  /** Weekly tickets per 100 active users of each workload, all callers. */
  private static Dashboard.Series deskSeries(ServiceDeskReport report) {
    TreeSet<LocalDate> weeks = new TreeSet<>();
    Map<String, Map<LocalDate, Double>> byWorkload = new TreeMap<>();
    for (WeeklyTrend w : report.trends()) {
      if (w.segment() != Segment.ALL) {
        continue;
      }
      weeks.add(w.weekStart());
      double v = w.ticketsPerActiveUser() == null ? 0 : w.ticketsPerActiveUser().doubleValue() * 100;
      byWorkload.computeIfAbsent(w.workload().wireName(), k -> new TreeMap<>())
          .put(w.weekStart(), v);
    }
    List<LocalDate> dates = List.copyOf(weeks);
    List<Dashboard.Line> lines = new ArrayList<>();
    byWorkload.forEach((workload, values) -> {
      if (values.values().stream().anyMatch(v -> v > 0)) {
        lines.add(new Dashboard.Line(workload,
            dates.stream().mapToDouble(d -> values.getOrDefault(d, 0.0)).toArray()));
      }
    });
    return new Dashboard.Series(dates, lines, "tickets per 100 active users of the workload, per week");
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

  private Dashboard.TenantPanel panel(Tenant t, List<LifecycleEvent> lifecycle,
      Dashboard.Series activeUsers, UsageScore score, ServiceDeskReport desk) {
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
        new Dashboard.Kpi("Usage Score", score.total().percent() == null ? "n/a"
            : score.total().percent().toPlainString() + " % (" + score.total().points()
                .toPlainString() + " of " + score.total().max() + ")"),
        new Dashboard.Kpi("Lifecycle events ahead (" + LIFECYCLE_LOOKAHEAD_DAYS + " days)",
            String.valueOf(lifecycle.stream().filter(e -> e.date().isAfter(asOf)).count())));
    List<Dashboard.ScenarioBar> bars = new ArrayList<>();
    for (ScenarioResult r : score.scenarios()) {
      bars.add(new Dashboard.ScenarioBar(r.scenario().displayName(), dbl(r.points()),
          r.maturity() == null ? null : r.maturity().level(),
          r.maturity() == null ? null : r.maturity().displayName(), dbl(r.peer()),
          dbl(r.peerDelta())));
    }
    List<LocalDate> historyDates = score.history().stream().map(h -> h.date()).toList();
    double[] historyValues = score.history().stream()
        .mapToDouble(h -> h.percent() == null ? 0 : h.percent().doubleValue()).toArray();
    Dashboard.Series history = new Dashboard.Series(historyDates,
        List.of(new Dashboard.Line("Total", historyValues)), "percent of the maximum");
    List<Dashboard.Recommendation> recs = new ArrayList<>();
    for (Recommendation r : score.recommendations()) {
      recs.add(new Dashboard.Recommendation(r.scenario().displayName(), r.action(),
          r.targets().size(), r.expectedGain().doubleValue()));
    }
    recs.sort(java.util.Comparator.comparingDouble(Dashboard.Recommendation::expectedGain)
        .reversed());
    List<Dashboard.Spike> spikes = new ArrayList<>();
    for (Spike sp : notableSpikes(desk)) {
      spikes.add(new Dashboard.Spike(sp.weekStart(), sp.workload().wireName(), sp.metric() + " "
          + sp.value().toPlainString() + " against a trailing median of "
          + sp.baselineMedian().toPlainString() + " ("
          + (sp.robustZ() == null ? "flat baseline" : "robust z " + sp.robustZ().toPlainString())
          + ", " + sp.tickets() + " tickets)"));
    }
    return new Dashboard.TenantPanel(t.id(), t.displayName(), kpis, activeUsers, bars, history,
        recs, ahead, deskSeries(desk), spikes, List.of());
  }

  private static Double dbl(BigDecimal v) {
    return v == null ? null : v.doubleValue();
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
    String fmt = "%-10s %6s %6s %8s %6s %7s %11s %9s %7s%n";
    sb.append(String.format(Locale.ROOT, fmt, "tenant", "users", "guests", "events", "groups",
        "reports", "usage score", "lifecycle", "stored"));
    for (TenantFigures f : figures) {
      sb.append(String.format(Locale.ROOT, fmt, f.id(), f.users(), f.guests(), f.events(),
          f.groups(), f.reports(), f.score(), f.lifecycleEvents(), f.storedObjects()));
    }
    return sb.toString();
  }
}
