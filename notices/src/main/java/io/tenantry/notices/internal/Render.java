package io.tenantry.notices.internal;

import io.tenantry.core.TenantId;
import io.tenantry.notices.HealthIssue;
import io.tenantry.notices.Message;
import io.tenantry.notices.RolloutStage;
import io.tenantry.notices.StatusUpdate;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Renders notifications and digests as text and HTML. Pure: the same values give the same
 * characters (line ends are {@code \n}, no clock, no locale-dependent formatting).
 */
public final class Render {
  private Render() {}

  /**
   * Escapes text for HTML element content and attribute values.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String facts(Message m) {
    StringBuilder sb = new StringBuilder();
    sb.append("Category: ").append(m.category().label());
    sb.append(" | Services: ").append(String.join(", ", m.services()));
    if (!m.tags().isEmpty()) {
      sb.append(" | Tags: ").append(String.join(", ", m.tags()));
    }
    sb.append(" | Published: ").append(m.published());
    m.actionRequiredByDate().ifPresent(d -> sb.append(" | Act by: ").append(d));
    return sb.toString();
  }

  private static String rollout(Message m) {
    return m.rolloutStages().map(r -> "Rollout: announced " + r.announced()
        + ", first release " + r.firstReleaseStart() + ", general availability "
        + r.generalAvailabilityStart()).orElse(null);
  }

  private static String flags(Message m) {
    return (m.majorUpdate() ? " [Major update]" : "") + (m.security() ? " [Security]" : "");
  }

  /**
   * Renders the plain-text digest.
   *
   * @param tenant the tenant
   * @param recipient the admin
   * @param followed the services followed
   * @param from first day of the week
   * @param to last day of the week
   * @param messages the messages in digest order
   * @return the text, ending with a newline
   */
  public static String digestText(TenantId tenant, String recipient, Set<String> followed,
      LocalDate from, LocalDate to, List<Message> messages) {
    StringBuilder sb = new StringBuilder();
    sb.append("Message center weekly digest\n");
    sb.append("Tenant: ").append(tenant).append('\n');
    sb.append("To: ").append(recipient).append('\n');
    sb.append("Week: ").append(from).append(" to ").append(to).append('\n');
    sb.append("Services you follow: ").append(String.join(", ", followed)).append('\n');
    long major = messages.stream().filter(Message::majorUpdate).count();
    sb.append("Messages: ").append(messages.size()).append(" (").append(major)
        .append(" major update").append(major == 1 ? "" : "s").append(")\n");
    for (Message m : messages) {
      sb.append('\n').append(m.id()).append(flags(m)).append(": ").append(m.title()).append('\n');
      sb.append("  ").append(facts(m)).append('\n');
      String r = rollout(m);
      if (r != null) {
        sb.append("  ").append(r).append('\n');
      }
      for (String line : m.body().strip().split("\\R", -1)) {
        sb.append(line.isEmpty() ? "" : "  " + line).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Renders the HTML digest: a complete document with no external reference.
   *
   * @param tenant the tenant
   * @param recipient the admin
   * @param followed the services followed
   * @param from first day of the week
   * @param to last day of the week
   * @param messages the messages in digest order
   * @return the HTML document, ending with a newline
   */
  public static String digestHtml(TenantId tenant, String recipient, Set<String> followed,
      LocalDate from, LocalDate to, List<Message> messages) {
    StringBuilder sb = new StringBuilder();
    String title = "Message center weekly digest: " + from + " to " + to;
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(html(title)).append("</title>\n</head>\n<body>\n");
    sb.append("<h1>").append(html(title)).append("</h1>\n");
    sb.append("<p>Tenant: ").append(html(tenant.value())).append("<br>To: ").append(html(recipient))
        .append("<br>Services you follow: ").append(html(String.join(", ", followed)))
        .append("</p>\n");
    for (Message m : messages) {
      sb.append("<article>\n<h2>").append(html(m.id() + flags(m) + ": " + m.title()))
          .append("</h2>\n");
      sb.append("<p>").append(html(facts(m))).append("</p>\n");
      String r = rollout(m);
      if (r != null) {
        sb.append("<p>").append(html(r)).append("</p>\n");
      }
      for (String para : m.body().strip().split("\\R\\s*\\R")) {
        sb.append("<p>").append(html(para.strip()).replaceAll("\\R", "<br>")).append("</p>\n");
      }
      sb.append("</article>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /**
   * Renders the subject of a stage notification.
   *
   * @param m the major update
   * @param stage the stage reached
   * @return the subject line
   */
  public static String stageSubject(Message m, RolloutStage stage) {
    return "Major update " + m.id() + ": " + m.title() + " - " + stage.label() + " ("
        + m.rollout().start(stage) + ")";
  }

  /**
   * Renders the plain-text body of a stage notification.
   *
   * @param m the major update
   * @param stage the stage reached
   * @return the text, ending with a newline
   */
  public static String stageText(Message m, RolloutStage stage) {
    StringBuilder sb = new StringBuilder();
    sb.append(m.id()).append(flags(m)).append(": ").append(m.title()).append('\n');
    sb.append("Stage: ").append(stage.label()).append(" on ").append(m.rollout().start(stage))
        .append('\n');
    sb.append(facts(m)).append('\n').append(rollout(m)).append('\n').append('\n');
    sb.append(m.body().strip()).append('\n');
    return sb.toString();
  }

  /**
   * Renders the plain-text body of a health notification: the issue and its timeline so far.
   *
   * @param issue the issue
   * @param upTo the index of the update being notified
   * @return the text, ending with a newline
   */
  public static String healthText(HealthIssue issue, int upTo) {
    StatusUpdate now = issue.timeline().get(upTo);
    StringBuilder sb = new StringBuilder();
    sb.append(issue.kind().label()).append(' ').append(issue.id()).append(": ")
        .append(issue.title()).append('\n');
    sb.append("Service: ").append(issue.service()).append('\n');
    sb.append("Status: ").append(now.status().label()).append(" (").append(now.at()).append(")\n");
    sb.append('\n').append("Timeline:\n");
    for (int i = 0; i <= upTo; i++) {
      StatusUpdate u = issue.timeline().get(i);
      sb.append("  ").append(u.at()).append("  ").append(u.status().label()).append(": ")
          .append(u.text().strip().replaceAll("\\s*\\R\\s*", " ")).append('\n');
    }
    return sb.toString();
  }
}
