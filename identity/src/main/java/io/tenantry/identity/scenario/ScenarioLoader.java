package io.tenantry.identity.scenario;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import io.tenantry.core.yaml.YamlDocument;
import io.tenantry.core.yaml.YamlNode;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.AllowInvitesFrom;
import io.tenantry.identity.GuestAccessLevel;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Group;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.MembershipRule;
import io.tenantry.identity.Permission;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.RuleProcessingState;
import io.tenantry.identity.Scope;
import io.tenantry.identity.ServicePrincipal;
import io.tenantry.identity.User;
import io.tenantry.identity.UserType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an authorization scenario file ({@code cli.md}, "tenantry authz test") into a
 * {@link Scenario}, refusing a malformed file with every problem and its line (rule 11).
 *
 * <p>Choices where the format is silent: a principal that an assignment (or a group's members or
 * owners, or an AU's members) names but that no tenant of the file defines is an implicit member
 * user of that tenant, as {@code carol} and {@code dave} are in the format's example; an id defined
 * in another tenant is a cross-tenant reference and refused. Such a user named only as an assignment
 * principal is an admin the file did not list as a user, so user lists ({@code lists}) leave it
 * out. A group listed under an AU's
 * {@code members} is taken as a group member. Groups default to {@code kind: Security}. Service
 * principals are listed under {@code servicePrincipals: [{id, name}]} or as users with
 * {@code type: ServicePrincipal}.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  private static final Set<String> USER_ATTRIBUTES = Set.of("displayName", "name", "department", "company",
      "companyName", "country", "state", "city", "office", "officeLocation", "physicalDeliveryOfficeName",
      "title", "jobTitle", "preferredDataLocation", "createdDate", "assignedProducts", "usageLocation", "mail",
      "employeeId", "employeeType", "mfaRegistered", "exchangeLicenseAssignDate", "oneDriveLicenseAssignDate",
      "sharePointLicenseAssignDate", "skypeForBusinessLicenseAssignDate", "yammerLicenseAssignDate",
      "teamsLicenseAssignDate", "microsoft365AppsLicenseAssignDate");

  /**
   * Reads a scenario file.
   *
   * @param file the file
   * @return the scenario
   * @throws IOException if the file cannot be read
   * @throws ValidationException listing every problem, each with the file and line
   */
  public static Scenario load(Path file) throws IOException {
    return parse(file.toString(), YamlDocument.readText(file));
  }

  /**
   * Parses scenario text.
   *
   * @param fileName the name to use in problem locations
   * @param content the YAML text
   * @return the scenario
   * @throws ValidationException listing every problem, each with the file and line, in line order
   */
  public static Scenario parse(String fileName, String content) {
    YamlNode root = YamlDocument.parse(fileName, content);
    return new Reader(fileName, root).read();
  }

  private static final class Reader {
    private final String file;
    private final YamlNode root;
    private final Problems problems = new Problems();
    private final Map<String, SourceLocation> locations = new HashMap<>();
    /** Explicitly defined object ids: id -> tenants defining it. */
    private final Map<String, Set<String>> definedIn = new HashMap<>();
    /** Implicit users named only as assignment principals, by tenant: left out of user lists. */
    private final Map<TenantId, Set<String>> hidden = new HashMap<>();

    Reader(String file, YamlNode root) {
      this.file = file;
      this.root = root;
      index(root);
    }

    private void index(YamlNode n) {
      locations.putIfAbsent(n.path(), n.location());
      n.entries().values().forEach(this::index);
      n.elements().forEach(this::index);
    }

    Scenario read() {
      Map<TenantId, Directory> directories = new LinkedHashMap<>();
      List<Scenario.Check> checks = new ArrayList<>();
      List<Scenario.ListCheck> lists = new ArrayList<>();
      if (root.isNull()) {
        return new Scenario(file, directories, checks, lists, Map.of());
      }
      if (!root.expectMap(problems)) {
        problems.throwIfAny();
      }
      root.allowOnly(problems, "tenants", "checks", "lists");
      List<YamlNode> tenants = root.optList("tenants", problems);
      Set<String> tenantIds = new LinkedHashSet<>();
      for (YamlNode t : tenants) {
        if (t.isMap()) {
          String id = t.get("id").filter(YamlNode::isScalar).map(YamlNode::text).orElse(null);
          if (id != null) {
            for (String kind : List.of("users", "groups", "adminUnits", "servicePrincipals")) {
              for (YamlNode o : t.get(kind).map(YamlNode::elements).orElse(List.of())) {
                o.get("id").filter(YamlNode::isScalar)
                    .ifPresent(v -> definedIn.computeIfAbsent(v.text(), k -> new HashSet<>()).add(id));
              }
            }
          }
        }
      }
      for (YamlNode t : tenants) {
        Directory d = readTenant(t, tenantIds);
        if (d != null) {
          directories.put(d.tenant(), d);
        }
      }
      for (YamlNode c : root.optList("checks", problems)) {
        Scenario.Check check = readCheck(c, tenantIds);
        if (check != null) {
          checks.add(check);
        }
      }
      for (YamlNode l : root.optList("lists", problems)) {
        Scenario.ListCheck lc = readList(l, tenantIds);
        if (lc != null) {
          lists.add(lc);
        }
      }
      if (!problems.isEmpty()) {
        List<Problem> sorted = new ArrayList<>(problems.list());
        sorted.sort(java.util.Comparator.comparingInt(
            (Problem p) -> p.location() == null ? 0 : p.location().line()));
        throw new ValidationException(sorted);
      }
      return new Scenario(file, directories, checks, lists, hidden);
    }

    private TenantId tenantId(YamlNode node, String key) {
      String raw = node.requireString(key, problems);
      if (raw == null) {
        return null;
      }
      try {
        return TenantId.of(raw);
      } catch (ValidationException e) {
        node.get(key).orElseThrow().report(problems, e.problems().get(0).message());
        return null;
      }
    }

    private Directory readTenant(YamlNode t, Set<String> tenantIds) {
      if (!t.expectMap(problems)) {
        return null;
      }
      t.allowOnly(problems, "id", "users", "groups", "adminUnits", "customRoles", "assignments",
          "allowInvitesFrom", "guestAccess", "servicePrincipals", "allowAuScopedUserAdminOnLimitedAdmins");
      TenantId tenant = tenantId(t, "id");
      if (tenant == null) {
        return null;
      }
      if (!tenantIds.add(tenant.value())) {
        t.get("id").orElseThrow().report(problems, "tenant '" + tenant + "' is defined twice");
        return null;
      }
      int before = problems.list().size();
      Directory.Builder b = Directory.builder(tenant);
      Map<String, List<Integer>> yamlIndex = new HashMap<>();
      for (String k : List.of("users", "groups", "adminUnits", "customRoles", "assignments")) {
        yamlIndex.put(k, new ArrayList<>());
      }
      String invites = t.optString("allowInvitesFrom", problems);
      if (invites != null) {
        AllowInvitesFrom v = AllowInvitesFrom.fromGraphName(invites);
        if (v == null) {
          t.get("allowInvitesFrom").orElseThrow().report(problems,
              "must be everyone, adminsAndGuestInviters, adminsGuestInvitersAndAllMembers or none");
        } else {
          b.allowInvitesFrom(v);
        }
      }
      String guestAccess = t.optString("guestAccess", problems);
      if (guestAccess != null) {
        GuestAccessLevel v = GuestAccessLevel.parse(guestAccess);
        if (v == null) {
          t.get("guestAccess").orElseThrow().report(problems,
              "must be sameAsMembers, limited or restricted, or a guestUserRoleId of section 4.2");
        } else {
          b.guestAccess(v);
        }
      }
      Boolean limitedAdmins = t.optBoolean("allowAuScopedUserAdminOnLimitedAdmins", problems);
      if (limitedAdmins != null) {
        b.allowAuScopedUserAdminOnLimitedAdmins(limitedAdmins);
      }
      Set<String> own = new HashSet<>();
      Set<String> groupIds = new HashSet<>();
      List<YamlNode> users = t.optList("users", problems);
      for (int i = 0; i < users.size(); i++) {
        if (isServicePrincipal(users.get(i))) {
          YamlNode sp = users.get(i);
          sp.allowOnly(problems, "id", "name", "displayName", "upn", "type", "userType");
          String id = sp.requireString("id", problems);
          if (id != null && !id.isBlank()) {
            String name = sp.optString("name", problems);
            b.servicePrincipal(new ServicePrincipal(id, name == null ? id : name));
            own.add(id);
          }
          continue;
        }
        User u = readUser(users.get(i));
        if (u != null) {
          b.user(u);
          own.add(u.id().value());
          yamlIndex.get("users").add(i);
        }
      }
      List<YamlNode> groups = t.optList("groups", problems);
      List<Group> parsedGroups = new ArrayList<>();
      List<Integer> groupYaml = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        Group g = readGroup(groups.get(i));
        if (g != null) {
          parsedGroups.add(g);
          groupYaml.add(i);
          own.add(g.id().value());
          groupIds.add(g.id().value());
        }
      }
      List<YamlNode> sps = t.optList("servicePrincipals", problems);
      for (YamlNode sp : sps) {
        if (sp.expectMap(problems)) {
          sp.allowOnly(problems, "id", "name");
          String id = sp.requireString("id", problems);
          if (id != null && !id.isBlank()) {
            String name = sp.optString("name", problems);
            b.servicePrincipal(new ServicePrincipal(id, name == null ? id : name));
            own.add(id);
          }
        }
      }
      List<YamlNode> aus = t.optList("adminUnits", problems);
      List<AdministrativeUnit> parsedAus = new ArrayList<>();
      List<Integer> auYaml = new ArrayList<>();
      for (int i = 0; i < aus.size(); i++) {
        AdministrativeUnit au = readAdminUnit(aus.get(i), groupIds);
        if (au != null) {
          parsedAus.add(au);
          auYaml.add(i);
          own.add(au.id().value());
        }
      }
      Map<String, RoleId> customIds = new HashMap<>();
      List<YamlNode> roles = t.optList("customRoles", problems);
      for (int i = 0; i < roles.size(); i++) {
        RoleDefinition r = readCustomRole(roles.get(i));
        if (r != null) {
          b.customRole(r);
          customIds.put(r.id().value(), r.id());
          yamlIndex.get("customRoles").add(i);
        }
      }
      List<YamlNode> assignments = t.optList("assignments", problems);
      List<RoleAssignment> parsedAssignments = new ArrayList<>();
      for (int i = 0; i < assignments.size(); i++) {
        RoleAssignment a = readAssignment(assignments.get(i), tenant, own, customIds);
        if (a != null) {
          parsedAssignments.add(a);
          yamlIndex.get("assignments").add(i);
        }
      }
      // Implicit users: referenced ids that no tenant of the file defines.
      Set<String> implicit = new LinkedHashSet<>();
      for (RoleAssignment a : parsedAssignments) {
        implicit.add(a.principalId());
      }
      Set<String> principalOnly = new LinkedHashSet<>(implicit);
      for (int i = 0; i < parsedGroups.size(); i++) {
        Group g = parsedGroups.get(i);
        YamlNode gn = groups.get(groupYaml.get(i));
        checkReferences(gn, "members", g.members(), tenant, own, implicit);
        checkReferences(gn, "owners", g.owners(), tenant, own, implicit);
      }
      for (int i = 0; i < parsedAus.size(); i++) {
        checkReferences(aus.get(auYaml.get(i)), "members", parsedAus.get(i).memberUsers(), tenant, own, implicit);
      }
      Set<String> referenced = new LinkedHashSet<>(implicit);
      referenced.removeAll(principalOnly);
      for (Group g : parsedGroups) {
        referenced.addAll(g.members());
        referenced.addAll(g.owners());
      }
      for (AdministrativeUnit au : parsedAus) {
        referenced.addAll(au.memberUsers());
      }
      for (String id : implicit) {
        if (!own.contains(id) && !definedIn.containsKey(id) && !referenced.contains(id)) {
          hidden.computeIfAbsent(tenant, k -> new LinkedHashSet<>()).add(id);
        }
      }
      for (String id : implicit) {
        if (!own.contains(id) && !definedIn.containsKey(id)) {
          try {
            b.user(new User(UserId.of(id), "", UserType.MEMBER, Map.of(), true, null));
          } catch (ValidationException e) {
            problems.add(new Problem("tenants", e.problems().get(0).message(), id, t.location()));
          }
        }
      }
      parsedGroups.forEach(b::group);
      yamlIndex.get("groups").addAll(groupYaml);
      parsedAus.forEach(b::adminUnit);
      yamlIndex.get("adminUnits").addAll(auYaml);
      parsedAssignments.forEach(b::assign);
      try {
        Directory built = b.build();
        return problems.list().size() > before ? null : built;
      } catch (ValidationException e) {
        for (Problem p : e.problems()) {
          problems.add(locate(p, t, yamlIndex));
        }
        return null;
      }
    }

    private void checkReferences(YamlNode owner, String key, Set<String> ids, TenantId tenant, Set<String> own,
        Set<String> implicit) {
      for (String id : ids) {
        if (own.contains(id)) {
          continue;
        }
        Set<String> where = definedIn.get(id);
        if (where != null) {
          YamlNode at = owner.get(key).orElse(owner);
          problems.add(new Problem(at.path(), "'" + id + "' belongs to tenant " + String.join(", ", where)
              + ", not to tenant " + tenant + " (a cross-tenant reference)", id, at.location()));
        } else {
          implicit.add(id);
        }
      }
    }

    /** Maps a directory problem's path (e.g. {@code assignments[2].scope}) to the file's node. */
    private Problem locate(Problem p, YamlNode tenantNode, Map<String, List<Integer>> yamlIndex) {
      String path = p.path();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z]+)\\[(\\d+)\\](.*)$").matcher(path);
      if (m.matches() && yamlIndex.containsKey(m.group(1))) {
        List<Integer> map = yamlIndex.get(m.group(1));
        int idx = Integer.parseInt(m.group(2));
        path = idx < map.size() ? m.group(1) + "[" + map.get(idx) + "]" + m.group(3) : m.group(1);
      }
      String full = tenantNode.path() + "." + path;
      while (!locations.containsKey(full) && full.length() > tenantNode.path().length()) {
        int cut = Math.max(full.lastIndexOf('.'), full.lastIndexOf('['));
        if (cut <= 0) {
          break;
        }
        full = full.substring(0, cut);
      }
      SourceLocation loc = locations.getOrDefault(full, tenantNode.location());
      return new Problem(tenantNode.path() + "." + path, p.message(), p.value(), loc);
    }

    private static boolean isServicePrincipal(YamlNode n) {
      for (String key : List.of("type", "userType")) {
        String t = n.get(key).filter(YamlNode::isScalar).map(YamlNode::text).orElse("");
        if (t.equalsIgnoreCase("ServicePrincipal") || t.equalsIgnoreCase("Application")) {
          return true;
        }
      }
      return false;
    }

    private User readUser(YamlNode n) {
      if (!n.expectMap(problems)) {
        return null;
      }
      Set<String> allowed = new HashSet<>(USER_ATTRIBUTES);
      allowed.addAll(List.of("id", "upn", "userPrincipalName", "type", "userType", "deletedDate",
          "accountEnabled"));
      n.allowOnly(problems, allowed.toArray(String[]::new));
      String id = n.requireString("id", problems);
      String upn = n.optString("upn", problems);
      if (upn == null) {
        upn = n.optString("userPrincipalName", problems);
      }
      String typeText = n.optString("type", problems);
      String typeKey = "type";
      if (typeText == null) {
        typeText = n.optString("userType", problems);
        typeKey = "userType";
      }
      UserType type = UserType.MEMBER;
      if (typeText != null) {
        if (typeText.equalsIgnoreCase("Guest")) {
          type = UserType.GUEST;
        } else if (!typeText.equalsIgnoreCase("Member")) {
          n.get(typeKey).orElseThrow().report(problems, "must be Member, Guest or ServicePrincipal");
        }
      }
      var deleted = n.optDate("deletedDate", problems);
      Boolean enabled = n.optBoolean("accountEnabled", problems);
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String key : n.keys()) {
        if (USER_ATTRIBUTES.contains(key)) {
          String v = n.optString(key, problems);
          if (v != null) {
            attributes.put(key, v);
          }
        }
      }
      if (id == null) {
        return null;
      }
      try {
        return new User(UserId.of(id), upn == null ? "" : upn, type, attributes, enabled == null || enabled,
            deleted);
      } catch (ValidationException e) {
        n.get("id").orElseThrow().report(problems, e.problems().get(0).message());
        return null;
      }
    }

    private Group readGroup(YamlNode n) {
      if (!n.expectMap(problems)) {
        return null;
      }
      n.allowOnly(problems, "id", "name", "displayName", "kind", "members", "owners", "roleAssignable");
      String id = n.requireString("id", problems);
      String name = n.optString("name", problems);
      if (name == null) {
        name = n.optString("displayName", problems);
      }
      String kindText = n.optString("kind", problems);
      GroupKind kind = GroupKind.SECURITY;
      if (kindText != null) {
        kind = switch (kindText.toLowerCase(Locale.ROOT).replace(" ", "")) {
          case "microsoft365", "m365", "unified", "office365" -> GroupKind.MICROSOFT365;
          case "security" -> GroupKind.SECURITY;
          case "mailenabledsecurity" -> GroupKind.MAIL_ENABLED_SECURITY;
          case "distribution" -> GroupKind.DISTRIBUTION;
          default -> {
            n.get("kind").orElseThrow().report(problems,
                "must be Microsoft365, Security, MailEnabledSecurity or Distribution");
            yield null;
          }
        };
      }
      List<String> members = n.optStringList("members", problems);
      List<String> owners = n.optStringList("owners", problems);
      Boolean ra = n.optBoolean("roleAssignable", problems);
      if (id == null || kind == null) {
        return null;
      }
      try {
        return new Group(GroupId.of(id), name == null ? id : name, kind, new LinkedHashSet<>(members),
            new LinkedHashSet<>(owners), ra != null && ra);
      } catch (ValidationException e) {
        n.get("id").orElseThrow().report(problems, e.problems().get(0).message());
        return null;
      }
    }

    private AdministrativeUnit readAdminUnit(YamlNode n, Set<String> groupIds) {
      if (!n.expectMap(problems)) {
        return null;
      }
      n.allowOnly(problems, "id", "name", "displayName", "description", "members", "groups", "rule", "restricted",
          "processingState");
      String id = n.requireString("id", problems);
      String name = n.optString("name", problems);
      if (name == null) {
        name = n.optString("displayName", problems);
      }
      n.optString("description", problems);
      List<String> members = n.optStringList("members", problems);
      List<String> groups = n.optStringList("groups", problems);
      String ruleText = n.optString("rule", problems);
      Boolean restricted = n.optBoolean("restricted", problems);
      String stateText = n.optString("processingState", problems);
      RuleProcessingState state = RuleProcessingState.ON;
      if (stateText != null) {
        try {
          state = RuleProcessingState.parse(stateText);
        } catch (IllegalArgumentException e) {
          n.get("processingState").orElseThrow().report(problems, e.getMessage());
          return null;
        }
        if (ruleText == null && state == RuleProcessingState.PAUSED) {
          n.get("processingState").orElseThrow().report(problems,
              "only a dynamic administrative unit (with a rule) can have its rule processing paused");
          return null;
        }
      }
      MembershipRule rule = null;
      if (ruleText != null) {
        try {
          rule = MembershipRule.parse(ruleText);
        } catch (ValidationException e) {
          n.get("rule").orElseThrow().report(problems, e.problems().get(0).message());
          return null;
        }
        boolean paused = state == RuleProcessingState.PAUSED;
        if (n.has("groups") || (n.has("members") && !paused)) {
          YamlNode at = n.get(n.has("members") && !paused ? "members" : "groups").orElseThrow();
          at.report(problems, paused
              ? "a dynamic administrative unit holds users only: a paused one lists its members, not groups"
              : "a dynamic administrative unit (with a rule) cannot also list members or groups"
                  + " (unless its processingState is Paused)");
          return null;
        }
      }
      if (id == null) {
        return null;
      }
      Set<String> users = new LinkedHashSet<>();
      Set<GroupId> groupMembers = new LinkedHashSet<>();
      try {
        for (String m : members) {
          if (groupIds.contains(m)) {
            groupMembers.add(GroupId.of(m));
          } else {
            users.add(m);
          }
        }
        for (String g : groups) {
          groupMembers.add(GroupId.of(g));
        }
        return new AdministrativeUnit(AdminUnitId.of(id), name == null ? id : name, users, groupMembers, rule,
            restricted != null && restricted, state);
      } catch (ValidationException e) {
        n.report(problems, e.problems().get(0).message());
        return null;
      }
    }

    private RoleDefinition readCustomRole(YamlNode n) {
      if (!n.expectMap(problems)) {
        return null;
      }
      n.allowOnly(problems, "id", "name", "displayName", "description", "actions");
      String id = n.requireString("id", problems);
      String name = n.optString("name", problems);
      if (name == null) {
        name = n.optString("displayName", problems);
      }
      n.optString("description", problems);
      List<Permission> actions = new ArrayList<>();
      boolean ok = true;
      if (!n.has("actions")) {
        n.requireString("actions", problems);
        ok = false;
      }
      for (YamlNode a : n.optList("actions", problems)) {
        String text = a.scalarText(problems);
        if (text == null) {
          ok = false;
          continue;
        }
        try {
          actions.add(Permission.parse(text));
        } catch (ValidationException e) {
          a.report(problems, "is not a permission string: " + e.problems().get(0).message());
          ok = false;
        }
      }
      if (ok && actions.isEmpty()) {
        n.get("actions").orElse(n).report(problems, "a custom role needs at least one action");
        ok = false;
      }
      if (id == null || !ok) {
        return null;
      }
      try {
        return RoleDefinition.custom(RoleId.of(id), name == null ? id : name, actions);
      } catch (ValidationException e) {
        n.report(problems, e.problems().get(0).message());
        return null;
      }
    }

    private RoleAssignment readAssignment(YamlNode n, TenantId tenant, Set<String> own, Map<String, RoleId> custom) {
      if (!n.expectMap(problems)) {
        return null;
      }
      n.allowOnly(problems, "principal", "role", "scope");
      String principal = n.requireString("principal", problems);
      String roleText = n.requireString("role", problems);
      String scopeText = n.optString("scope", problems);
      RoleId role = null;
      if (roleText != null) {
        role = BuiltInRoles.byName(roleText).map(RoleDefinition::id).orElse(null);
        if (role == null) {
          role = custom.get(roleText);
        }
        if (role == null && !roleText.isBlank()) {
          RoleId asId = RoleId.of(roleText.strip());
          role = BuiltInRoles.byId(asId).isPresent() ? asId : null;
        }
        if (role == null) {
          n.get("role").orElseThrow().report(problems,
              "unknown role: neither a built-in role name nor a custom role id of tenant " + tenant);
        }
      }
      Scope scope = Scope.TENANT;
      if (scopeText != null) {
        try {
          scope = Scope.parse(scopeText);
        } catch (ValidationException e) {
          n.get("scope").orElseThrow().report(problems, e.problems().get(0).message());
          scope = null;
        }
      }
      if (principal != null && !own.contains(principal) && definedIn.containsKey(principal)) {
        n.get("principal").orElseThrow().report(problems, "principal '" + principal + "' belongs to tenant "
            + String.join(", ", definedIn.get(principal)) + ", not to tenant " + tenant);
        return null;
      }
      if (principal == null || principal.isBlank() || role == null || scope == null) {
        if (principal != null && principal.isBlank()) {
          n.get("principal").orElseThrow().report(problems, "must not be blank");
        }
        return null;
      }
      return new RoleAssignment(principal, role, scope);
    }

    private Scenario.Check readCheck(YamlNode n, Set<String> tenantIds) {
      if (!n.expectMap(problems)) {
        return null;
      }
      n.allowOnly(problems, "tenant", "principal", "action", "target", "expect", "name");
      TenantId tenant = tenantId(n, "tenant");
      String principal = n.requireString("principal", problems);
      String actionText = n.requireString("action", problems);
      String target = n.optString("target", problems);
      n.optString("name", problems);
      Boolean allow = expect(n);
      if (tenant != null && !tenantIds.contains(tenant.value())) {
        n.get("tenant").orElseThrow().report(problems, "names a tenant the file does not define");
        tenant = null;
      }
      Permission action = null;
      if (actionText != null) {
        try {
          action = Permission.parse(actionText);
        } catch (ValidationException e) {
          n.get("action").orElseThrow().report(problems,
              "is not a permission string: " + e.problems().get(0).message());
        }
      }
      if (tenant == null || principal == null || action == null || allow == null) {
        return null;
      }
      return new Scenario.Check(n.location(), tenant, principal, action, target, allow);
    }

    private Boolean expect(YamlNode n) {
      String e = n.requireString("expect", problems);
      if (e == null) {
        return null;
      }
      if (e.equalsIgnoreCase("allow")) {
        return true;
      }
      if (e.equalsIgnoreCase("deny")) {
        return false;
      }
      n.get("expect").orElseThrow().report(problems, "must be allow or deny");
      return null;
    }

    private Scenario.ListCheck readList(YamlNode n, Set<String> tenantIds) {
      if (!n.expectMap(problems)) {
        return null;
      }
      n.allowOnly(problems, "tenant", "principal", "list", "expect", "name");
      TenantId tenant = tenantId(n, "tenant");
      String principal = n.requireString("principal", problems);
      String list = n.requireString("list", problems);
      n.optString("name", problems);
      if (list != null && !list.equals("users")) {
        n.get("list").orElseThrow().report(problems, "must be users");
      }
      if (n.get("expect").isEmpty()) {
        n.requireString("expect", problems);
      }
      List<String> expected = n.optStringList("expect", problems);
      if (tenant != null && !tenantIds.contains(tenant.value())) {
        n.get("tenant").orElseThrow().report(problems, "names a tenant the file does not define");
        return null;
      }
      if (tenant == null || principal == null || list == null || !list.equals("users")) {
        return null;
      }
      return new Scenario.ListCheck(n.location(), tenant, principal, new LinkedHashSet<>(expected));
    }
  }
}
