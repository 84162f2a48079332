package io.tenantry.notices.files;

import io.tenantry.core.TenantId;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.yaml.YamlDocument;
import io.tenantry.core.yaml.YamlNode;
import io.tenantry.notices.Admin;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.Message;
import io.tenantry.notices.MessageCategory;
import io.tenantry.notices.MessageCenter;
import io.tenantry.notices.Rollout;
import io.tenantry.notices.Targeting;
import io.tenantry.notices.spi.NotificationPort;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code messages.yaml} file: tenants with their admins (roles, followed services, e-mail
 * preference, read and archived messages) and the message center posts. The format is documented
 * in the README ("messages.yaml").
 *
 * <p>A malformed file is refused as a whole, listing every problem with its line: invalid YAML,
 * unknown keys, missing or ill-typed fields, invalid ids and UPNs, a tenant or an admin listed
 * twice, a message id used twice, an unknown category, a rollout that goes backwards, a major
 * update without a rollout or whose first-release stage is shorter than {@code
 * minimumFirstReleaseDays} (default 30), a message targeting a tenant the file does not define,
 * and a {@code read}/{@code archived} entry naming an unknown message.
 *
 * @param minimumFirstReleaseDays the minimum first-release stage of a major update, in days
 * @param admins the admins, in file order (tenant by tenant)
 * @param messages the messages, in file order
 */
public record MessagesFile(int minimumFirstReleaseDays, List<TenantAdmin> admins,
    List<Message> messages) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public MessagesFile {
    admins = List.copyOf(admins);
    messages = List.copyOf(messages);
  }

  /**
   * Reads and validates a file.
   *
   * @param file the file
   * @return the file's content
   * @throws IOException if the file cannot be read
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static MessagesFile read(Path file) throws IOException {
    return parse(YamlDocument.parse(file));
  }

  /**
   * Reads and validates YAML text.
   *
   * @param fileName the name used in problem locations
   * @param yaml the text
   * @return the file's content
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static MessagesFile read(String fileName, String yaml) {
    return parse(YamlDocument.parse(fileName, yaml));
  }

  private static MessagesFile parse(YamlNode root) {
    Problems problems = new Problems();
    if (!root.expectMap(problems)) {
      problems.throwIfAny();
    }
    root.allowOnly(problems, "minimumFirstReleaseDays", "tenants", "messages");
    Integer min = root.optInt("minimumFirstReleaseDays", problems);
    int minimum = MessageCenter.DEFAULT_MINIMUM_FIRST_RELEASE_DAYS;
    if (min != null && min < 0) {
      root.get("minimumFirstReleaseDays").get().report(problems, "must be 0 or more");
    } else if (min != null) {
      minimum = min;
    }
    MessageCenter checker = MessageCenter.builder().notifications((t, n) -> { })
        .minimumFirstReleaseDays(minimum).build();

    Map<TenantId, YamlNode> tenantNodes = new LinkedHashMap<>();
    for (YamlNode t : root.optList("tenants", problems)) {
      if (!t.expectMap(problems)) {
        continue;
      }
      t.allowOnly(problems, "id", "admins");
      YamlNode idNode = t.get("id").orElse(null);
      if (idNode == null || idNode.isNull()) {
        t.requireString("id", problems);
        continue;
      }
      TenantId id = FileSupport.tenant(idNode, problems);
      if (id != null && tenantNodes.putIfAbsent(id, t) != null) {
        idNode.report(problems, "defines tenant " + id + " twice");
      }
    }
    if (!root.has("tenants")) {
      root.requireString("tenants", problems);
    }

    List<Message> messages = new ArrayList<>();
    Map<String, Integer> messageLines = new HashMap<>();
    for (YamlNode m : root.optList("messages", problems)) {
      Message msg = message(m, problems, tenantNodes.keySet());
      // a reused id is a problem of its own, whether or not either message had other problems
      String id = FileSupport.idText(m);
      Integer first = id == null ? null : messageLines.putIfAbsent(id, m.line());
      if (first != null) {
        m.get("id").get().report(problems, "uses message id " + id
            + " again (first on line " + first + ")");
        continue;
      }
      if (msg == null) {
        continue;
      }
      Problems rule = new Problems();
      checker.check(msg, rule);
      for (Problem p : rule.list()) {
        problems.add(FileSupport.relocate(m, p));
      }
      messages.add(msg);
    }

    List<TenantAdmin> admins = new ArrayList<>();
    for (Map.Entry<TenantId, YamlNode> e : tenantNodes.entrySet()) {
      Set<String> seen = new HashSet<>();
      for (YamlNode a : e.getValue().optList("admins", problems)) {
        if (!a.expectMap(problems)) {
          continue;
        }
        a.allowOnly(problems, "upn", "roles", "follows", "email", "read", "archived");
        Admin admin = FileSupport.admin(a, problems);
        List<String> follows = a.optStringList("follows", problems);
        Boolean email = a.optBoolean("email", problems);
        Set<String> read = messageIds(a, "read", messageLines.keySet(), problems);
        Set<String> archived = messageIds(a, "archived", messageLines.keySet(), problems);
        AdminPreferences prefs = FileSupport.build(a, problems, () -> new AdminPreferences(
            new LinkedHashSet<>(follows), email != null && email));
        if (admin != null && prefs != null && FileSupport.firstTime(seen, admin, a, problems)) {
          admins.add(new TenantAdmin(e.getKey(), admin, prefs, read, archived));
        }
      }
    }
    problems.throwIfAny();
    return new MessagesFile(minimum, admins, messages);
  }

  private static Set<String> messageIds(YamlNode a, String key, Set<String> known,
      Problems problems) {
    Set<String> ids = new LinkedHashSet<>();
    for (YamlNode n : a.optList(key, problems)) {
      String id = n.scalarText(problems);
      if (id != null && !known.contains(id)) {
        n.report(problems, "names a message this file does not define");
      } else if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static Message message(YamlNode m, Problems problems, Set<TenantId> tenants) {
    if (!m.expectMap(problems)) {
      return null;
    }
    m.allowOnly(problems, "id", "title", "body", "category", "services", "tags", "majorUpdate",
        "security", "published", "actionRequiredBy", "rollout", "tenants");
    int before = problems.list().size();
    String id = m.requireString("id", problems);
    String title = m.requireString("title", problems);
    String body = m.requireString("body", problems);
    String categoryText = m.requireString("category", problems);
    MessageCategory category = null;
    if (categoryText != null) {
      category = MessageCategory.fromWireName(categoryText).orElse(null);
      if (category == null) {
        m.get("category").get().report(problems,
            "must be planForChange, preventOrFixIssues or stayInformed");
      }
    }
    List<String> services = m.optStringList("services", problems);
    if (services.isEmpty() && !m.has("services")) {
      m.requireString("services", problems);
    } else if (services.isEmpty() && m.get("services").isPresent()) {
      // checked here, not only by Message, so it is listed beside the message's other problems
      m.get("services").get().report(problems, "must list at least one service");
    }
    List<String> tags = m.optStringList("tags", problems);
    Boolean major = m.optBoolean("majorUpdate", problems);
    Boolean security = m.optBoolean("security", problems);
    LocalDate published = m.requireDate("published", problems);
    LocalDate actBy = m.optDate("actionRequiredBy", problems);
    Rollout rollout = null;
    if (m.has("rollout")) {
      YamlNode r = m.get("rollout").get();
      if (r.expectMap(problems)) {
        r.allowOnly(problems, "announced", "firstRelease", "generalAvailability");
        LocalDate announced = r.requireDate("announced", problems);
        LocalDate first = r.requireDate("firstRelease", problems);
        LocalDate ga = r.requireDate("generalAvailability", problems);
        if (announced != null && first != null && ga != null) {
          rollout = FileSupport.build(m, problems, () -> new Rollout(announced, first, ga));
        }
      }
    }
    Targeting targeting = FileSupport.targeting(m, problems, tenants);
    if (problems.list().size() > before || targeting == null) {
      return null;
    }
    final MessageCategory cat = Objects.requireNonNull(category);
    final Rollout roll = rollout;
    return FileSupport.build(m, problems, () -> new Message(id, title, body, cat,
        new LinkedHashSet<>(services), new LinkedHashSet<>(tags), major != null && major,
        security != null && security, published, actBy, roll, targeting));
  }

  /**
   * Builds a message center holding this file: the messages published, each admin's preferences
   * saved and read/archived states applied (a state naming a message the admin may not see is
   * ignored, as the engine denies it).
   *
   * @param notifications where the center sends notifications
   * @return the message center
   */
  public MessageCenter newMessageCenter(NotificationPort notifications) {
    MessageCenter center = MessageCenter.builder().notifications(notifications)
        .minimumFirstReleaseDays(minimumFirstReleaseDays).build();
    messages.forEach(center::publish);
    for (TenantAdmin a : admins) {
      center.savePreferences(a.tenant(), a.admin().upn(), a.preferences());
      a.read().forEach(id -> center.markRead(a.tenant(), a.admin(), id));
      a.archived().forEach(id -> center.archive(a.tenant(), a.admin(), id));
    }
    return center;
  }

  /**
   * Returns the tenants of the file in file order.
   *
   * @return the tenant ids that have at least one admin
   */
  public List<TenantId> tenants() {
    return admins.stream().map(TenantAdmin::tenant).distinct().toList();
  }

  /**
   * Returns the admins of one tenant, in file order.
   *
   * @param tenant the tenant
   * @return the admins
   */
  public List<Admin> adminsOf(TenantId tenant) {
    return admins.stream().filter(a -> a.tenant().equals(tenant)).map(TenantAdmin::admin).toList();
  }
}
