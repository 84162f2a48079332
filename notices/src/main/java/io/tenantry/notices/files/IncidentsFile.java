package io.tenantry.notices.files;

import io.tenantry.core.TenantId;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.yaml.YamlDocument;
import io.tenantry.core.yaml.YamlNode;
import io.tenantry.notices.HealthIssue;
import io.tenantry.notices.HealthIssueKind;
import io.tenantry.notices.HealthStatus;
import io.tenantry.notices.StatusUpdate;
import io.tenantry.notices.Targeting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An {@code incidents.yaml} file: service health incidents and advisories with their status
 * timelines. The format is documented in the README ("incidents.yaml").
 *
 * <p>A malformed file is refused as a whole, listing every problem with its line: invalid YAML,
 * unknown keys, missing fields, an unknown kind or status, a time that is not ISO-8601 with an
 * offset ({@code 2026-06-30T08:05:00Z}), an issue id used twice, updates out of time order or
 * breaking the lifecycle (see {@link HealthIssue}), and, when the tenants that exist are given
 * (those of the subscriptions file), an issue targeting a tenant not among them.
 *
 * @param issues the issues, in file order
 */
public record IncidentsFile(List<HealthIssue> issues) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if the list is null
   */
  public IncidentsFile {
    issues = List.copyOf(issues);
  }

  /**
   * Reads and validates a file.
   *
   * @param file the file
   * @return the file's content
   * @throws IOException if the file cannot be read
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static IncidentsFile read(Path file) throws IOException {
    return parse(YamlDocument.parse(file), null);
  }

  /**
   * Reads and validates a file whose issues may only target the given tenants.
   *
   * @param file the file
   * @param tenants the tenants that exist (e.g. {@link SubscriptionsFile#definedTenants()})
   * @return the file's content
   * @throws IOException if the file cannot be read
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line, a
   *     reference to a tenant not in {@code tenants} included
   */
  public static IncidentsFile read(Path file, Set<TenantId> tenants) throws IOException {
    return parse(YamlDocument.parse(file), Objects.requireNonNull(tenants, "tenants"));
  }

  /**
   * Reads and validates YAML text.
   *
   * @param fileName the name used in problem locations
   * @param yaml the text
   * @return the file's content
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line
   */
  public static IncidentsFile read(String fileName, String yaml) {
    return parse(YamlDocument.parse(fileName, yaml), null);
  }

  /**
   * Reads and validates YAML text whose issues may only target the given tenants.
   *
   * @param fileName the name used in problem locations
   * @param yaml the text
   * @param tenants the tenants that exist (e.g. {@link SubscriptionsFile#definedTenants()})
   * @return the file's content
   * @throws io.tenantry.core.error.ValidationException listing every problem with its line, a
   *     reference to a tenant not in {@code tenants} included
   */
  public static IncidentsFile read(String fileName, String yaml, Set<TenantId> tenants) {
    return parse(YamlDocument.parse(fileName, yaml), Objects.requireNonNull(tenants, "tenants"));
  }

  private static IncidentsFile parse(YamlNode root, Set<TenantId> tenants) {
    Problems problems = new Problems();
    if (!root.expectMap(problems)) {
      problems.throwIfAny();
    }
    root.allowOnly(problems, "issues");
    if (!root.has("issues")) {
      root.requireString("issues", problems);
    }
    List<HealthIssue> issues = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    for (YamlNode i : root.optList("issues", problems)) {
      HealthIssue issue = issue(i, problems, tenants);
      // a reused id is a problem of its own, whether or not either issue had other problems
      String id = FileSupport.idText(i);
      Integer first = id == null ? null : lines.putIfAbsent(id, i.line());
      if (first != null) {
        i.get("id").get().report(problems, "uses issue id " + id + " again (first on line "
            + first + ")");
      } else if (issue != null) {
        issues.add(issue);
      }
    }
    problems.throwIfAny();
    return new IncidentsFile(issues);
  }

  private static HealthIssue issue(YamlNode i, Problems problems, Set<TenantId> tenants) {
    if (!i.expectMap(problems)) {
      return null;
    }
    i.allowOnly(problems, "id", "service", "kind", "title", "tenants", "updates");
    int before = problems.list().size();
    String id = i.requireString("id", problems);
    String service = i.requireString("service", problems);
    String title = i.requireString("title", problems);
    String kindText = i.requireString("kind", problems);
    HealthIssueKind kind = null;
    if (kindText != null) {
      kind = HealthIssueKind.fromWireName(kindText).orElse(null);
      if (kind == null) {
        i.get("kind").get().report(problems, "must be incident or advisory");
      }
    }
    Targeting targeting = FileSupport.targeting(i, problems, tenants, "the subscriptions file");
    List<StatusUpdate> updates = new ArrayList<>();
    if (!i.has("updates")) {
      i.requireString("updates", problems);
    }
    for (YamlNode u : i.optList("updates", problems)) {
      StatusUpdate update = update(u, problems);
      if (update != null) {
        updates.add(update);
      }
    }
    if (problems.list().size() > before || targeting == null) {
      return null;
    }
    HealthIssueKind k = kind;
    return FileSupport.build(i, problems,
        () -> new HealthIssue(id, service, k, title, targeting, updates));
  }

  private static StatusUpdate update(YamlNode u, Problems problems) {
    if (!u.expectMap(problems)) {
      return null;
    }
    u.allowOnly(problems, "at", "status", "text");
    int before = problems.list().size();
    String atText = u.requireString("at", problems);
    Instant at = null;
    if (atText != null) {
      try {
        at = OffsetDateTime.parse(atText).toInstant();
      } catch (DateTimeParseException e) {
        u.get("at").get().report(problems,
            "must be a date and time with an offset, e.g. 2026-06-30T08:05:00Z");
      }
    }
    String statusText = u.requireString("status", problems);
    HealthStatus status = null;
    if (statusText != null) {
      status = HealthStatus.fromWireName(statusText).orElse(null);
      if (status == null) {
        u.get("status").get().report(problems, "must be one of investigating, serviceDegradation,"
            + " serviceInterruption, restoringService, extendedRecovery, serviceRestored,"
            + " postIncidentReportPublished");
      }
    }
    String text = u.requireString("text", problems);
    if (problems.list().size() > before) {
      return null;
    }
    Instant time = at;
    HealthStatus s = status;
    return FileSupport.build(u, problems, () -> new StatusUpdate(time, s, text));
  }
}
