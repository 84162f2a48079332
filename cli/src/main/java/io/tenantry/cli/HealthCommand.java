package io.tenantry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.core.TenantId;
import io.tenantry.jdbc.notices.JdbcNoticeStateStore;
import io.tenantry.notices.Admin;
import io.tenantry.notices.HealthIssue;
import io.tenantry.notices.Notification;
import io.tenantry.notices.ServiceHealth;
import io.tenantry.notices.files.IncidentsFile;
import io.tenantry.notices.files.SubscriptionsFile;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import io.tenantry.notices.spi.NoticeReaderPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry health}: service health of the {@code notices} module. Its subcommand {@code
 * notify} prints the e-mail notifications an incidents file and a subscriptions file produce.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Service health: incidents, advisories and their notifications.",
    subcommands = {HealthCommand.NotifyCommand.class})
public final class HealthCommand extends CommandGroup {
  /**
   * {@code tenantry health notify --incidents FILE --subscriptions FILE [--db JDBC-URL]}: prints,
   * one JSON object per line and in the order they would be sent (by time, then tenant), the e-mail
   * notifications of every status update of every issue. With {@code --db}, the notices state
   * (subscriptions and the ledger of what was notified) lives in that database, so each status
   * update (identified by its issue, time and status) is notified once across runs: a second run
   * over the same files prints nothing new, and an update inserted before notified ones is
   * notified alone (see {@link ServiceHealth} for late updates).
   */
  @Command(name = "notify", mixinStandardHelpOptions = true,
      description = {"Prints the service health e-mails that would be sent, in order, as JSON lines:",
          "at, tenant, to, event, issue, service, kind, status, subject, text.",
          "Exit 65 for a malformed file."})
  public static final class NotifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--incidents", required = true, paramLabel = "FILE",
        description = "The incidents.yaml file (issues with their status updates).")
    java.nio.file.Path incidents;

    @Option(names = "--subscriptions", required = true, paramLabel = "FILE",
        description = "The subs.yaml file (tenants, admins with roles, subscriptions).")
    java.nio.file.Path subscriptions;

    @Option(names = "--db", paramLabel = "JDBC-URL",
        description = {"Keep the notices state (subscriptions, what was notified) in this",
            "database (jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB, user and password",
            "from TENANTRY_DB_USER/TENANTRY_DB_PASSWORD): a later run prints only the",
            "status updates not notified before."})
    String db;

    /**
     * Reads both files and prints the notifications.
     *
     * @return 0 on success
     * @throws IOException if a file cannot be read
     */
    @Override
    public Integer call() throws IOException {
      CliException.inputFile("--incidents", incidents);
      CliException.inputFile("--subscriptions", subscriptions);
      SubscriptionsFile subs = SubscriptionsFile.read(subscriptions);
      // the subscriptions file defines the tenants: an issue may not target any other
      IncidentsFile issues = IncidentsFile.read(incidents, subs.definedTenants());
      if (db == null) {
        return notify(issues, subs, subs.newServiceHealth(issues,
            new InMemoryNotificationRecorder()));
      }
      try (DbOption database = DbOption.open(db)) {
        JdbcNoticeStateStore state = new JdbcNoticeStateStore(database.database());
        ServiceHealth health = ServiceHealth.builder().notifications(
            new InMemoryNotificationRecorder()).state(state).build();
        for (HealthIssue issue : issues.issues()) {
          // a database written before updates were keyed by time and status keeps its ledger
          for (TenantId tenant : subs.definedTenants()) {
            state.adoptPositionalHealthEntries(tenant, issue);
          }
          health.post(issue);
        }
        subs.subscribeAll(health);
        return notify(issues, subs, health);
      }
    }

    private int notify(IncidentsFile issues, SubscriptionsFile subs, ServiceHealth health)
        throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();
      List<Notification> all = new ArrayList<>();
      for (TenantId tenant : subs.tenants()) {
        List<Admin> admins = subs.adminsOf(tenant);
        for (Admin a : admins) {
          if (health.subscription(tenant, a.upn()).isPresent()
              && !policy.rightsOf(tenant, a.roles()).serviceHealth()) {
            err.println("tenantry: warning: " + a.upn() + " (" + tenant + ") is subscribed but"
                + " holds no role that may read service health; nothing is sent");
          }
        }
        all.addAll(health.dispatch(tenant, admins, Instant.MAX));
      }
      all.sort(Comparator.comparing(Notification::at).thenComparing(Notification::tenant));
      Map<String, HealthIssue> byId = new LinkedHashMap<>();
      issues.issues().forEach(i -> byId.put(i.id(), i));
      PrintWriter out = spec.commandLine().getOut();
      for (Notification n : all) {
        out.println(line(n, byId.get(n.reference())));
      }
      out.flush();
      TenantryCommand top = (TenantryCommand) spec.root().userObject();
      if (!top.global.quiet()) {
        err.println("tenantry: " + all.size() + " notification" + (all.size() == 1 ? "" : "s")
            + " for " + issues.issues().size() + " issue" + (issues.issues().size() == 1 ? "" : "s")
            + " in " + subs.tenants().size() + " tenant" + (subs.tenants().size() == 1 ? "" : "s"));
      }
      err.flush();
      return ExitCodes.OK;
    }

    private static String line(Notification n, HealthIssue issue) throws JsonProcessingException {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("at", n.at().toString());
      json.put("tenant", n.tenant().value());
      json.put("to", n.recipient());
      json.put("event", switch (n.kind()) {
        case ISSUE_STARTED -> "IssueStarted";
        case ISSUE_ENDED -> "IssueEnded";
        default -> "IssueStatusChanged";
      });
      json.put("issue", n.reference());
      json.put("service", issue.service());
      json.put("kind", issue.kind().wireName());
      json.put("status", issue.timeline().stream().filter(u -> u.at().equals(n.at())).findFirst()
          .orElseThrow().status().wireName());
      json.put("subject", n.subject());
      json.put("text", n.text());
      return JSON.writeValueAsString(json);
    }
  }
}
