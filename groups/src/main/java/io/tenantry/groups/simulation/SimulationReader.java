package io.tenantry.groups.simulation;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import io.tenantry.core.yaml.YamlDocument;
import io.tenantry.core.yaml.YamlNode;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GuestSetting;
import io.tenantry.groups.LifecycleAction;
import io.tenantry.groups.LifecycleRules;
import io.tenantry.groups.ManagedGroupTypes;
import io.tenantry.groups.NamingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a {@code groups simulate} file (the format of {@code cli.md}) as YAML 1.2, collecting every
 * problem with its line before refusing the file.
 *
 * <p>Refused (a {@link ValidationException} listing every problem): a lifetime under 30, more than
 * 500 selected groups, an unknown {@code kind}, {@code do} or {@code managedGroupTypes}, {@code
 * from} after {@code to} or after {@code policyEnabledOn}, a missing or ill-typed field, an unknown
 * key, a group id given twice, an invalid tenant or id. Accepted with a warning: a selected id that
 * is unknown or not a Microsoft 365 group, {@code selected} given with {@code All} or {@code None},
 * an action dated outside the simulated range (it never runs). {@code alternateNotificationEmails}
 * is a list, or Graph's semicolon-separated string. The 500-group limit counts the entries as
 * listed.
 */
public final class SimulationReader {
  private SimulationReader() {}

  /**
   * Reads a file.
   *
   * @param file the file; its name as given appears in messages
   * @return the validated simulation
   * @throws IOException if the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
   * @throws ValidationException listing every problem with its file and line
   */
  public static SimulationFile read(Path file) throws IOException {
    return read(file.toString(), YamlDocument.parse(file));
  }

  /**
   * Reads YAML text.
   *
   * @param fileName the name to use in messages
   * @param content the YAML text
   * @return the validated simulation
   * @throws ValidationException listing every problem with its file and line
   */
  public static SimulationFile read(String fileName, String content) {
    return read(fileName, YamlDocument.parse(fileName, content));
  }

  private static SimulationFile read(String fileName, YamlNode root) {
    Problems problems = new Problems();
    List<String> warnings = new ArrayList<>();
    if (!root.expectMap(problems)) {
      problems.throwIfAny();
    }
    root.allowOnly(problems, "tenant", "policyEnabledOn", "from", "to", "policy", "groups",
        "actions");
    TenantId tenant = convert(root, "tenant", TenantId::of, problems);
    LocalDate enabledOn = root.requireDate("policyEnabledOn", problems);
    LocalDate from = root.requireDate("from", problems);
    LocalDate to = root.requireDate("to", problems);
    if (from != null && to != null && from.isAfter(to)) {
      root.get("from").orElseThrow().report(problems, "must not be after 'to' (" + to + ")");
    }
    if (from != null && enabledOn != null && from.isAfter(enabledOn)) {
      root.get("from").orElseThrow().report(problems,
          "must not be after 'policyEnabledOn' (" + enabledOn + ")");
    }

    List<SimulatedGroup> groups = readGroups(root, problems);
    ExpirationPolicy policy = readPolicy(root, groups, problems, warnings);
    List<SimulatedAction> actions = readActions(root, from, to, problems, warnings);
    checkDatesFit(root, policy, enabledOn, to, problems);
    if (!problems.isEmpty()) {
      List<Problem> byLine = new ArrayList<>(problems.list());
      byLine.sort(Comparator.comparingInt(
          (Problem p) -> p.sourceLocation().map(SourceLocation::line).orElse(0)));
      throw new ValidationException(byLine);
    }
    return new SimulationFile(fileName, tenant, enabledOn, from, to, policy, groups, actions,
        warnings);
  }

  /** The last date the output's {@code YYYY-MM-DD} form can write. */
  private static final LocalDate LAST_WRITABLE = LocalDate.of(9999, 12, 31);

  /**
   * Refuses a file whose expiry dates could not be written as {@code YYYY-MM-DD} (cli.md
   * Conventions: such data "cannot be returned", exit 65): the latest expiry an event may carry is
   * a renewal on {@code to} plus the lifetime, or the 35-day floor after enablement, whichever is
   * later.
   */
  private static void checkDatesFit(YamlNode root, ExpirationPolicy policy, LocalDate enabledOn,
      LocalDate to, Problems problems) {
    if (policy == null || to == null) {
      return;
    }
    LocalDate latest = to.plusDays(policy.lifetimeDays());
    if (enabledOn != null && !enabledOn.isAfter(to)) {
      LocalDate floor = enabledOn.plusDays(LifecycleRules.ENABLEMENT_GRACE_DAYS);
      latest = floor.isAfter(latest) ? floor : latest;
    }
    if (latest.isAfter(LAST_WRITABLE)) {
      root.get("policy").flatMap(p -> p.get("lifetimeDays")).orElseThrow().report(problems,
          "expiry dates would reach " + latest + " (a renewal on 'to' plus lifetimeDays, or "
              + LifecycleRules.ENABLEMENT_GRACE_DAYS + " days after policyEnabledOn), past "
              + LAST_WRITABLE + ", the last date written as YYYY-MM-DD");
    }
  }

  private static ExpirationPolicy readPolicy(YamlNode root, List<SimulatedGroup> groups,
      Problems problems, List<String> warnings) {
    if (!root.has("policy")) {
      root.requireString("policy", problems);
      return null;
    }
    YamlNode p = root.get("policy").orElseThrow();
    if (!p.expectMap(problems)) {
      return null;
    }
    p.allowOnly(problems, "lifetimeDays", "managedGroupTypes", "selected",
        "alternateNotificationEmails");
    Integer lifetime = p.requireInt("lifetimeDays", problems);
    String typesText = p.requireString("managedGroupTypes", problems);
    ManagedGroupTypes types = null;
    if (typesText != null) {
      types = ManagedGroupTypes.fromFileName(typesText).orElse(null);
      if (types == null) {
        p.get("managedGroupTypes").orElseThrow().report(problems,
            "unknown managedGroupTypes; expected All, Selected or None");
      }
    }
    List<String> selectedText = p.optStringList("selected", problems);
    Set<GroupId> selected = new LinkedHashSet<>();
    List<YamlNode> selectedNodes = p.optList("selected", new Problems());
    Map<GroupId, Group> byId = new HashMap<>();
    groups.forEach(g -> byId.put(g.group().id(), g.group()));
    for (YamlNode n : selectedNodes) {
      GroupId id = n.isScalar() ? convertNode(n, GroupId::of, problems) : null;
      if (id == null) {
        continue;
      }
      selected.add(id);
      if (types == ManagedGroupTypes.SELECTED) {
        Group g = byId.get(id);
        if (g == null) {
          warnings.add(warning(n, "selected group '" + id + "' is not in the file's groups"));
        } else if (g.kind() != GroupKind.MICROSOFT_365) {
          warnings.add(warning(n, "selected group '" + id + "' is a " + g.kind().fileName()
              + " group; only Microsoft 365 groups expire"));
        }
      }
    }
    if (types != null && types != ManagedGroupTypes.SELECTED && !selectedText.isEmpty()) {
      warnings.add(warning(p.get("selected").orElseThrow(), "selected groups are ignored when"
          + " managedGroupTypes is " + types.fileName()));
    }
    List<String> emails;
    YamlNode emailNode = p.get("alternateNotificationEmails").orElse(null);
    if (emailNode != null && emailNode.isScalar()) {
      // Graph's own form: one string of addresses separated by semicolons
      emails = new ArrayList<>();
      for (String e : emailNode.text().split(";")) {
        if (!e.isBlank()) {
          emails.add(e.strip());
        }
      }
    } else {
      emails = p.optStringList("alternateNotificationEmails", problems);
    }
    if (selectedNodes.size() > LifecycleRules.MAX_SELECTED_GROUPS) {
      p.get("selected").orElseThrow().report(problems, "lists " + selectedNodes.size()
          + " groups; at most " + LifecycleRules.MAX_SELECTED_GROUPS + " are allowed");
      selected.clear();
    }
    if (lifetime == null) {
      return null;
    }
    try {
      // with an unknown managedGroupTypes, still check the other fields, then give up
      ExpirationPolicy policy = new ExpirationPolicy(lifetime,
          types == null ? ManagedGroupTypes.NONE : types, selected, emails);
      return types == null ? null : policy;
    } catch (ValidationException e) {
      for (Problem problem : e.problems()) {
        YamlNode at = find(root, problem.path());
        problems.add(at == null ? problem : problem.at(at.location()));
      }
      return null;
    }
  }

  private static List<SimulatedGroup> readGroups(YamlNode root, Problems problems) {
    List<SimulatedGroup> out = new ArrayList<>();
    Set<GroupId> seen = new LinkedHashSet<>();
    for (YamlNode g : root.optList("groups", problems)) {
      if (!g.expectMap(problems)) {
        continue;
      }
      g.allowOnly(problems, "id", "name", "kind", "created", "owners", "activity");
      GroupId id = convert(g, "id", GroupId::of, problems);
      if (id != null && !seen.add(id)) {
        g.get("id").orElseThrow().report(problems, "group id is given twice");
      }
      String name = g.optString("name", problems);
      String kindText = g.requireString("kind", problems);
      GroupKind kind = null;
      if (kindText != null) {
        kind = GroupKind.fromFileName(kindText).orElse(null);
        if (kind == null) {
          g.get("kind").orElseThrow().report(problems,
              "unknown kind; expected Microsoft365, Security or Distribution");
        }
      }
      LocalDate created = g.requireDate("created", problems);
      List<UserId> owners = new ArrayList<>();
      for (YamlNode o : g.optList("owners", problems)) {
        UserId owner = convertNode(o, UserId::of, problems);
        if (owner != null) {
          owners.add(owner);
        }
      }
      List<LocalDate> activity = new ArrayList<>();
      for (YamlNode a : g.optList("activity", problems)) {
        LocalDate day = a.asDate(problems);
        if (day != null) {
          activity.add(day);
        }
      }
      if (id == null || kind == null || created == null) {
        continue;
      }
      String displayName = name == null || name.isBlank() ? id.value() : name;
      try {
        Group group = new Group(id, displayName, NamingPolicy.toAlias(displayName), kind, created,
            owners, List.of(), List.of(), List.of(), GuestSetting.INHERIT);
        out.add(new SimulatedGroup(group, activity, g.line()));
      } catch (ValidationException e) {
        e.problems().forEach(pr -> problems.add(new Problem(g.path() + "." + pr.path()
            .replaceFirst("^group\\.", ""), pr.message(), pr.value(),
            g.location())));
      }
    }
    return out;
  }

  private static List<SimulatedAction> readActions(YamlNode root, LocalDate from, LocalDate to,
      Problems problems, List<String> warnings) {
    List<SimulatedAction> out = new ArrayList<>();
    for (YamlNode a : root.optList("actions", problems)) {
      if (!a.expectMap(problems)) {
        continue;
      }
      a.allowOnly(problems, "date", "group", "do");
      LocalDate date = a.requireDate("date", problems);
      GroupId group = convert(a, "group", GroupId::of, problems);
      String doText = a.requireString("do", problems);
      LifecycleAction.Kind kind = null;
      if (doText != null) {
        kind = LifecycleAction.Kind.fromFileName(doText).orElse(null);
        if (kind == null) {
          a.get("do").orElseThrow().report(problems,
              "unknown action; expected renew, delete or restore");
        }
      }
      if (date == null || group == null || kind == null) {
        continue;
      }
      if (from != null && to != null && (date.isBefore(from) || date.isAfter(to))) {
        warnings.add(warning(a, "action on " + date + " is outside the simulated range " + from
            + " to " + to + " and never runs"));
      }
      out.add(new SimulatedAction(new LifecycleAction(date, group, kind), a.line()));
    }
    return out;
  }

  private static <T> T convert(YamlNode map, String key, Function<String, T> parse,
      Problems problems) {
    String text = map.requireString(key, problems);
    if (text == null) {
      return null;
    }
    return convertNode(map.get(key).orElseThrow(), parse, problems);
  }

  private static <T> T convertNode(YamlNode node, Function<String, T> parse, Problems problems) {
    String text = node.scalarText(problems);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (ValidationException e) {
      e.problems().forEach(p -> node.report(problems, p.message()));
      return null;
    }
  }

  private static YamlNode find(YamlNode node, String path) {
    if (node.path().equals(path)) {
      return node;
    }
    List<YamlNode> children = new ArrayList<>(node.entries().values());
    children.addAll(node.elements());
    for (YamlNode child : children) {
      YamlNode hit = find(child, path);
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  private static String warning(YamlNode at, String message) {
    Objects.requireNonNull(at, "at");
    return at.path() + ": " + message + " (" + at.location() + ")";
  }
}
