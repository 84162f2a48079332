package io.tenantry.cli.demo;

import io.tenantry.cli.demo.SyntheticOrganisation.Event;
import io.tenantry.cli.demo.SyntheticOrganisation.Group;
import io.tenantry.cli.demo.SyntheticOrganisation.Tenant;
import io.tenantry.cli.demo.SyntheticOrganisation.Ticket;
import io.tenantry.cli.demo.SyntheticOrganisation.User;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a synthetic tenant as the input files the engines read ({@code users.csv}, {@code
 * groups.csv}, {@code events.jsonl} of {@code activity-events.md}, and {@code tickets.csv}), so a
 * demo user can feed them to {@code tenantry reports}, {@code score} and {@code servicedesk}.
 */
final class InputFiles {
  private InputFiles() {}

  static final List<String> USER_HEADER = List.of("User Id", "User Principal Name", "Display Name",
      "User Type", "Department", "Company", "Country", "State", "City", "Office", "Title",
      "Preferred Data Location", "Created Date", "Deleted Date", "Assigned Products",
      "Exchange License Assign Date", "OneDrive License Assign Date",
      "SharePoint License Assign Date", "Skype For Business License Assign Date",
      "Yammer License Assign Date", "Teams License Assign Date",
      "Microsoft 365 Apps License Assign Date", "MFA Registered", "Migration Date");

  static void users(Tenant t, Writer w) throws IOException {
    row(w, USER_HEADER);
    for (User u : t.users()) {
      row(w, List.of(u.id(), u.upn(), u.displayName(), u.guest() ? "Guest" : "Member",
          u.department(), u.company(), u.country(), u.state(), u.city(), u.office(), u.title(),
          u.preferredDataLocation(), d(u.created()), d(u.deleted()), u.assignedProducts(),
          d(u.exchange()), d(u.oneDrive()), d(u.sharePoint()), d(u.skype()), d(u.yammer()),
          d(u.teams()), d(u.apps()), u.mfa() ? "Yes" : "No", d(u.migrated())));
    }
  }

  static void groups(Tenant t, Writer w) throws IOException {
    row(w, List.of("Group Id", "Group Display Name", "Group Type", "Owner Principal Name",
        "Created Date", "Deleted Date", "Member Count", "External Member Count", "Is Yammer Group",
        "Office 365 Connected"));
    for (Group g : t.groups()) {
      long external = g.members().stream().filter(m -> m.contains("#EXT#")).count();
      row(w, List.of(g.id(), g.name(), g.isPublic() ? "Public" : "Private",
          g.owners().isEmpty() ? "" : g.owners().get(0), d(g.created()), "",
          String.valueOf(g.members().size()), String.valueOf(external), g.yammer() ? "Yes" : "No",
          g.kind().equals("Microsoft365") ? "Yes" : "No"));
    }
  }

  static void events(Tenant t, Writer w) throws IOException {
    StringBuilder sb = new StringBuilder(160);
    for (Event e : t.events()) {
      sb.setLength(0);
      sb.append("{\"user\":\"").append(json(e.user())).append("\",\"date\":\"").append(e.date())
          .append("\",\"workload\":\"").append(e.workload()).append("\",\"activity\":\"")
          .append(e.activity()).append('"');
      if (e.count() != 1) {
        sb.append(",\"count\":").append(e.count());
      }
      str(sb, "platform", e.platform());
      str(sb, "meetingType", e.meetingType());
      num(sb, "audioSeconds", e.audioSeconds());
      num(sb, "videoSeconds", e.videoSeconds());
      num(sb, "screenShareSeconds", e.screenShareSeconds());
      str(sb, "app", e.app());
      str(sb, "group", e.group());
      str(sb, "file", e.file());
      str(sb, "site", e.site());
      sb.append("}\n");
      w.write(sb.toString());
    }
  }

  static void tickets(Tenant t, Writer w) throws IOException {
    row(w, List.of("Ticket Id", "User Principal Name", "Workload", "Opened", "Resolved",
        "Highest Tier"));
    for (Ticket k : t.tickets()) {
      row(w, List.of(k.id(), k.user(), k.workload(), k.opened().toString(),
          k.resolved() == null ? "" : k.resolved().toString(), String.valueOf(k.tier())));
    }
  }

  private static void str(StringBuilder sb, String key, String v) {
    if (v != null) {
      sb.append(",\"").append(key).append("\":\"").append(json(v)).append('"');
    }
  }

  private static void num(StringBuilder sb, String key, Integer v) {
    if (v != null) {
      sb.append(",\"").append(key).append("\":").append(v);
    }
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String d(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  private static void row(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        w.write('"');
        w.write(c.replace("\"", "\"\""));
        w.write('"');
      } else {
        w.write(c);
      }
    }
    w.write('\n');
  }
}
