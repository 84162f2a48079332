package io.tenantry.cli;

import io.tenantry.core.TenantId;
import io.tenantry.notices.Admin;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.Digest;
import io.tenantry.notices.MessageCenter;
import io.tenantry.notices.files.MessagesFile;
import io.tenantry.notices.files.TenantAdmin;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import io.tenantry.notices.spi.NoticeReaderPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry messages}: the message center of the {@code notices} module. Its subcommand
 * {@code digest} prints the weekly digests a {@code messages.yaml} file produces.
 */
@Command(name = "messages", mixinStandardHelpOptions = true,
    description = "Message center: major updates and the weekly digest.",
    subcommands = {MessagesCommand.DigestCommand.class})
public final class MessagesCommand extends CommandGroup {
  /**
   * {@code tenantry messages digest --messages FILE --as-of DATE [--admin UPN] [--html DIR]}:
   * prints the plain-text weekly digest of every admin who gets one (tenants and admins in file
   * order), separated by a line of {@code =}; with {@code --html}, also writes each HTML digest to
   * {@code DIR/<tenant>/<upn>.html} atomically.
   */
  @Command(name = "digest", mixinStandardHelpOptions = true,
      description = {"Prints the weekly message center digests of a messages.yaml file.",
          "The week is the seven days before --as-of. Exit 65 for a malformed file."})
  public static final class DigestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--messages", required = true, paramLabel = "FILE",
        description = "The messages.yaml file (tenants, admins, messages).")
    Path messages;

    @Option(names = "--as-of", required = true, paramLabel = "DATE",
        description = "The day the digests are made (YYYY-MM-DD).")
    LocalDate asOf;

    @Option(names = "--admin", paramLabel = "UPN",
        description = "Only this admin's digest (UPN, any case).")
    String admin;

    @Option(names = "--html", paramLabel = "DIR",
        description = "Also write each HTML digest to DIR/<tenant>/<upn>.html.")
    Path htmlDir;

    /**
     * Reads the file, computes the digests and prints them.
     *
     * @return 0 on success
     * @throws IOException if the file cannot be read or an HTML file cannot be written
     */
    @Override
    public Integer call() throws IOException {
      CliException.inputFile("--messages", messages);
      MessagesFile file = MessagesFile.read(messages);
      InMemoryNotificationRecorder recorder = new InMemoryNotificationRecorder();
      MessageCenter center = file.newMessageCenter(recorder);
      List<TenantAdmin> chosen = new ArrayList<>();
      for (TenantAdmin a : file.admins()) {
        if (admin == null || a.admin().upn().equalsIgnoreCase(admin)) {
          chosen.add(a);
        }
      }
      if (admin != null && chosen.isEmpty()) {
        throw new CliException(ExitCodes.USAGE, "--admin " + admin + ": no such admin in "
            + messages);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();
      List<Digest> printed = new ArrayList<>();
      for (TenantAdmin a : chosen) {
        var digest = center.digestFor(a.tenant(), a.admin(), asOf);
        if (digest.isEmpty()) {
          String why = whyNone(policy, a.tenant(), a.admin(), center.preferences(a.tenant(),
              a.admin().upn()));
          if (admin != null || why.startsWith("holds no")) {
            err.println("tenantry: warning: " + a.admin().upn() + " (" + a.tenant()
                + ") gets no digest: " + why);
          }
          continue;
        }
        if (!printed.isEmpty()) {
          out.print("\n" + "=".repeat(72) + "\n\n");
        }
        out.print(digest.get().text());
        printed.add(digest.get());
        if (htmlDir != null) {
          AtomicFiles.writeString(htmlDir.resolve(a.tenant().value())
              .resolve(a.admin().upn().toLowerCase(Locale.ROOT) + ".html"), digest.get().html());
        }
      }
      out.flush();
      TenantryCommand top = (TenantryCommand) spec.root().userObject();
      if (!top.global.quiet()) {
        err.println("tenantry: " + printed.size() + " digest" + (printed.size() == 1 ? "" : "s")
            + " for " + chosen.size() + " admin" + (chosen.size() == 1 ? "" : "s") + ", week "
            + asOf.minusDays(7) + " to " + asOf.minusDays(1));
      }
      err.flush();
      return ExitCodes.OK;
    }

    private static String whyNone(NoticeReaderPolicy policy, TenantId tenant, Admin a,
        AdminPreferences prefs) {
      if (!policy.rightsOf(tenant, a.roles()).anyMessages()) {
        return "holds no role that may read the message center";
      }
      if (!prefs.email()) {
        return "does not want e-mail";
      }
      if (prefs.followedServices().isEmpty()) {
        return "follows no service";
      }
      return "no new message for the services followed this week";
    }
  }
}
