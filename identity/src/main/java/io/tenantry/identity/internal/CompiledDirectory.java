package io.tenantry.identity.internal;

import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.AdminCenterArea;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.AllowInvitesFrom;
import io.tenantry.identity.AntiEscalation;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Decision;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Group;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.Permission;
import io.tenantry.identity.ReportAccess;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import io.tenantry.identity.UserListing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, indexed snapshot of one tenant's directory, compiled for authorization: object ids
 * interned to ints, per-object effective assignment lists, AU membership as sorted int arrays, the
 * roles each target holds, and a memo from requested action to the bitset of roles that grant it.
 *
 * <p>Thread-safe: every field is final and immutable after construction except the action memo,
 * a concurrent map whose values are pure functions of the snapshot.
 */
public final class CompiledDirectory {
  private static final byte USER = 0;
  private static final byte GROUP = 1;
  private static final byte AU = 2;
  private static final byte SP = 3;
  private static final byte SCOPE_TENANT = 0;
  private static final byte SCOPE_AU = 1;
  private static final byte SCOPE_OBJECT = 2;
  private static final int MEMO_LIMIT = 16_384;
  private static final Permission READ_USERS = Permission.parse("microsoft.directory/users/standard/read");

  private final TenantId tenant;
  private final AllowInvitesFrom allowInvitesFrom;
  private final Map<String, Integer> index = new HashMap<>();
  private final String[] ids;
  private final byte[] kind;
  private final User[] userOf;
  private final Group[] groupOf;
  private final int[] auObject;
  private final boolean[] auRestricted;
  private final int[][] auMembers;
  private final int[][] objectAus;
  private final RoleDefinition[] roles;
  private final boolean[] roleManagesUsers;
  private final Map<RoleId, Integer> roleIndex = new HashMap<>();
  private final RoleAssignment[] assignments;
  private final int[] asgRole;
  private final byte[] asgScope;
  private final int[] asgScopeRef;
  private final int[][] effective;
  private final int[][] heldRoles;
  private final boolean[] ragMemberOrOwner;
  private final boolean[] holdsRmauScopedRole;
  private final boolean[] tenantDirectoryRead;
  private final int[] liveUsers;
  private final String[] allowReason;
  private final ConcurrentHashMap<Permission, BitSet> memo = new ConcurrentHashMap<>();

  private CompiledDirectory(Directory d) {
    this.tenant = d.tenant();
    this.allowInvitesFrom = d.allowInvitesFrom();
    int n = d.users().size() + d.groups().size() + d.adminUnits().size() + d.servicePrincipals().size();
    ids = new String[n];
    kind = new byte[n];
    userOf = new User[n];
    groupOf = new Group[n];
    int i = 0;
    List<Integer> live = new ArrayList<>();
    for (User u : d.users()) {
      userOf[i] = u;
      if (!u.isDeleted()) {
        live.add(i);
      }
      i = intern(u.id().value(), USER, i);
    }
    for (Group g : d.groups()) {
      groupOf[i] = g;
      i = intern(g.id().value(), GROUP, i);
    }
    int auCount = d.adminUnits().size();
    auObject = new int[auCount];
    auRestricted = new boolean[auCount];
    Map<String, Integer> auIndex = new HashMap<>();
    for (int a = 0; a < auCount; a++) {
      AdministrativeUnit au = d.adminUnits().get(a);
      auObject[a] = i;
      auRestricted[a] = au.restricted();
      auIndex.put(au.id().value(), a);
      i = intern(au.id().value(), AU, i);
    }
    for (var sp : d.servicePrincipals()) {
      i = intern(sp.id(), SP, i);
    }
    liveUsers = live.stream().mapToInt(Integer::intValue).toArray();

    // AU membership, both directions, as sorted arrays.
    auMembers = new int[auCount][];
    List<List<Integer>> perObject = new ArrayList<>(n);
    for (int o = 0; o < n; o++) {
      perObject.add(null);
    }
    for (int a = 0; a < auCount; a++) {
      AdministrativeUnit au = d.adminUnits().get(a);
      List<Integer> members = new ArrayList<>();
      for (User u : d.memberUsers(au)) {
        members.add(index.get(u.id().value()));
      }
      for (var g : au.memberGroups()) {
        Integer gi = index.get(g.value());
        if (gi != null) {
          members.add(gi);
        }
      }
      auMembers[a] = members.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
      for (int m : auMembers[a]) {
        if (perObject.get(m) == null) {
          perObject.set(m, new ArrayList<>(2));
        }
        perObject.get(m).add(a);
      }
    }
    objectAus = new int[n][];
    for (int o = 0; o < n; o++) {
      List<Integer> l = perObject.get(o);
      objectAus[o] = l == null ? new int[0] : l.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    // Roles: built-ins then the tenant's custom roles.
    List<RoleDefinition> rs = new ArrayList<>(BuiltInRoles.all());
    rs.addAll(d.customRoles());
    roles = rs.toArray(RoleDefinition[]::new);
    roleManagesUsers = new boolean[roles.length];
    for (int r = 0; r < roles.length; r++) {
      roleIndex.putIfAbsent(roles[r].id(), r);
      roleManagesUsers[r] = managesUsers(roles[r]);
    }

    // Assignments.
    assignments = d.assignments().toArray(RoleAssignment[]::new);
    int m = assignments.length;
    asgRole = new int[m];
    asgScope = new byte[m];
    asgScopeRef = new int[m];
    List<List<Integer>> direct = new ArrayList<>(n);
    for (int o = 0; o < n; o++) {
      direct.add(null);
    }
    holdsRmauScopedRole = new boolean[n];
    for (int a = 0; a < m; a++) {
      RoleAssignment ra = assignments[a];
      asgRole[a] = roleIndex.get(ra.roleId());
      if (ra.scope() instanceof Scope.AdminUnit s) {
        asgScope[a] = SCOPE_AU;
        asgScopeRef[a] = auIndex.get(s.id().value());
      } else if (ra.scope() instanceof Scope.DirectoryObject s) {
        asgScope[a] = SCOPE_OBJECT;
        asgScopeRef[a] = index.get(s.objectId());
      } else {
        asgScope[a] = SCOPE_TENANT;
      }
      int p = index.get(ra.principalId());
      if (direct.get(p) == null) {
        direct.set(p, new ArrayList<>(2));
      }
      direct.get(p).add(a);
    }
    // Effective assignments: direct ones plus those of role-assignable groups the object is a
    // direct member of.
    List<List<Integer>> eff = new ArrayList<>(n);
    for (int o = 0; o < n; o++) {
      eff.add(direct.get(o) == null ? null : new ArrayList<>(direct.get(o)));
    }
    ragMemberOrOwner = new boolean[n];
    for (Group g : d.groups()) {
      if (!g.roleAssignable()) {
        continue;
      }
      int gi = index.get(g.id().value());
      for (String member : g.members()) {
        Integer mi = index.get(member);
        if (mi == null) {
          continue;
        }
        ragMemberOrOwner[mi] = true;
        if (direct.get(gi) != null) {
          if (eff.get(mi) == null) {
            eff.set(mi, new ArrayList<>());
          }
          eff.get(mi).addAll(direct.get(gi));
        }
      }
      for (String owner : g.owners()) {
        Integer oi = index.get(owner);
        if (oi != null) {
          ragMemberOrOwner[oi] = true;
        }
      }
    }
    allowReason = new String[m];
    for (int a = 0; a < m; a++) {
      allowReason[a] = describe(assignments[a]) + " grants the action";
    }
    effective = new int[n][];
    heldRoles = new int[n][];
    tenantDirectoryRead = new boolean[n];
    int readUsersRole = -1;
    for (int o = 0; o < n; o++) {
      List<Integer> l = eff.get(o);
      effective[o] = l == null ? new int[0] : l.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
      heldRoles[o] = Arrays.stream(effective[o]).map(a -> asgRole[a]).distinct().sorted().toArray();
      for (int a : effective[o]) {
        if (asgScope[a] == SCOPE_AU && auRestricted[asgScopeRef[a]]) {
          holdsRmauScopedRole[o] = true;
        }
        if (asgScope[a] == SCOPE_TENANT && roles[asgRole[a]].grants(READ_USERS)) {
          tenantDirectoryRead[o] = true;
        }
      }
    }
  }

  /**
   * Compiles a directory.
   *
   * @param directory the validated directory
   * @return the snapshot
   */
  public static CompiledDirectory compile(Directory directory) {
    return new CompiledDirectory(directory);
  }

  /** @return the tenant this snapshot belongs to */
  public TenantId tenant() {
    return tenant;
  }

  private int intern(String id, byte k, int i) {
    index.put(id, i);
    ids[i] = id;
    kind[i] = k;
    return i + 1;
  }

  private static boolean managesUsers(RoleDefinition r) {
    for (Permission p : r.permissions()) {
      if (p.namespace().equals("microsoft.directory")
          && (p.entity().equals("users") || p.entity().equals(Permission.ALL_ENTITIES))
          && !p.isRead() && !p.action().equals("inviteGuest")) {
        return true;
      }
    }
    return false;
  }

  private BitSet rolesGranting(Permission action) {
    BitSet cached = memo.get(action);
    if (cached != null) {
      return cached;
    }
    BitSet bits = new BitSet(roles.length);
    for (int r = 0; r < roles.length; r++) {
      if (roles[r].grants(action)) {
        bits.set(r);
      }
    }
    if (memo.size() < MEMO_LIMIT) {
      memo.putIfAbsent(action, bits);
    }
    return bits;
  }

  /**
   * Decides one check.
   *
   * @param principalId the acting principal's id
   * @param action the requested action
   * @param targetId the target object's id, or null for a tenant-level action
   * @param explain whether to record every step
   * @return the decision
   */
  public Decision decide(String principalId, Permission action, String targetId, boolean explain) {
    List<String> steps = explain ? new ArrayList<>() : null;
    Decision d = decide(principalId, action, targetId, steps);
    return explain ? d.withSteps(steps) : d;
  }

  private static Decision deny(List<String> steps, String reason) {
    if (steps != null) {
      steps.add("deny: " + reason);
    }
    return Decision.deny(reason);
  }

  private Decision decide(String principalId, Permission action, String targetId, List<String> steps) {
    Integer pi = principalId == null ? null : index.get(principalId);
    if (pi == null) {
      return deny(steps, "principal '" + principalId + "' is not in tenant " + tenant);
    }
    int p = pi;
    if (kind[p] == AU) {
      return deny(steps, "'" + principalId + "' is an administrative unit, which cannot act");
    }
    if (kind[p] == USER && userOf[p].isDeleted()) {
      return deny(steps, "principal '" + principalId + "' is soft-deleted and cannot act");
    }
    if (kind[p] == USER && !userOf[p].accountEnabled()) {
      return deny(steps, "principal '" + principalId + "' is blocked from signing in (accountEnabled false)");
    }
    int t = -1;
    if (targetId != null) {
      Integer ti = index.get(targetId);
      if (ti == null) {
        return deny(steps, "target '" + targetId + "' is not in tenant " + tenant);
      }
      t = ti;
      if (kind[t] == USER && userOf[t].isDeleted() && !restoreOrPurge(action)) {
        return deny(steps, "target '" + targetId + "' is soft-deleted: only restore and permanent delete apply");
      }
    }
    if (isInviteGuest(action)) {
      Decision byPolicy = invitePolicy(p, steps);
      if (byPolicy != null) {
        return byPolicy;
      }
    }
    String mismatch = t < 0 ? null : typeMismatch(action, t);
    if (mismatch != null) {
      return deny(steps, mismatch);
    }
    Permission requested = action;
    if (t >= 0 && kind[t] == GROUP && groupOf[t].roleAssignable() && !action.isRead()
        && action.namespace().equals("microsoft.directory") && action.baseEntity().equals("groups")
        && !action.entity().startsWith("deletedItems.")) {
      requested = new Permission(action.namespace(), "groupsAssignableToRoles", action.propertySet(),
          action.action());
      if (steps != null) {
        steps.add("target '" + targetId + "' is a role-assignable group: the action needs " + requested);
      }
    }
    BitSet granting = rolesGranting(requested);
    boolean write = !action.isRead();
    AntiEscalation.Kind matrix = t >= 0 && kind[t] == USER ? AntiEscalation.classify(action)
        : AntiEscalation.Kind.NONE;
    // Restricted management AUs protect Entra (directory) properties only (§1.7).
    boolean inRmau = t >= 0 && action.namespace().equals("microsoft.directory") && inRestrictedAu(t);
    int bestStage = -1;
    int bestA = -1;
    if (effective[p].length == 0 && steps != null) {
      steps.add("'" + principalId + "' holds no role assignment");
    }
    for (int a : effective[p]) {
      if (!granting.get(asgRole[a])) {
        if (steps != null) {
          steps.add(describe(assignments[a]) + ": the role does not grant " + requested);
        }
        continue;
      }
      int stage = stageOf(a, p, t, action, write, inRmau, matrix);
      if (stage == 0) {
        if (steps != null) {
          steps.add("allow: " + describe(assignments[a]) + " grants " + action
              + (t < 0 ? "" : " on '" + targetId + "'"));
        }
        return Decision.allow(assignments[a], allowReason[a]);
      }
      if (steps != null) {
        steps.add(describe(assignments[a]) + " " + why(stage, a, p, t, action, matrix));
      }
      if (stage > bestStage) {
        bestStage = stage;
        bestA = a;
      }
    }
    return deny(steps, bestA >= 0 ? describe(assignments[bestA]) + " " + why(bestStage, bestA, p, t, action, matrix)
        : "no role assignment of '" + principalId + "' grants " + requested + held(p));
  }

  /**
   * Why an assignment that grants the action does not decide it: 0 it decides (allow), 1 its scope
   * does not cover the target, 2 a matrix of §2.4 forbids it, 3 the target holds an admin role and
   * the assignment is AU-scoped, 4 the target is in a restricted management AU that the
   * assignment is not scoped on. Higher numbers are reported first. Allocation-free.
   */
  private int stageOf(int a, int p, int t, Permission action, boolean write, boolean inRmau,
      AntiEscalation.Kind matrix) {
    if (scopeCode(a, p, t, action) != 0) {
      return 1;
    }
    if (t < 0 || !write) {
      return 0;
    }
    if (inRmau && !(asgScope[a] == SCOPE_AU && auRestricted[asgScopeRef[a]]
        && Arrays.binarySearch(objectAus[t], asgScopeRef[a]) >= 0)) {
      return 4;
    }
    if (asgScope[a] == SCOPE_AU && heldRoles[t].length > 0) {
      return 3;
    }
    if (matrix != AntiEscalation.Kind.NONE && matrixCode(matrix, roles[asgRole[a]], t) != MATRIX_OK) {
      return 2;
    }
    return 0;
  }

  private String why(int stage, int a, int p, int t, Permission action, AntiEscalation.Kind matrix) {
    switch (stage) {
      case 1:
        return "grants " + action + ", but " + scopeText(scopeCode(a, p, t, action), a, t);
      case 2:
        return "is blocked by matrix " + matrix + " (§2.4): " + matrixText(matrixCode(matrix, roles[asgRole[a]], t),
            roles[asgRole[a]]);
      case 3:
        return "is blocked: an assignment scoped to an administrative unit grants no write on '" + ids[t]
            + "', who holds an admin role (" + roles[heldRoles[t][0]].name() + ")";
      default:
        return "is blocked: '" + ids[t] + "' is a member of a restricted management administrative unit;"
            + " management rights are limited to administrators scoped on that administrative unit";
    }
  }

  private String held(int p) {
    if (effective[p].length == 0) {
      return " (it holds no role)";
    }
    StringBuilder sb = new StringBuilder(" (it holds: ");
    for (int i = 0; i < effective[p].length; i++) {
      RoleAssignment ra = assignments[effective[p][i]];
      sb.append(i == 0 ? "" : ", ").append(roleName(ra.roleId())).append(" at ").append(ra.scope().text());
    }
    return sb.append(')').toString();
  }

  private Decision invitePolicy(int p, List<String> steps) {
    switch (allowInvitesFrom) {
      case NONE:
        return deny(steps, "allowInvitesFrom is 'none': no one may invite guests, admins included");
      case EVERYONE:
        if (kind[p] == USER) {
          if (steps != null) {
            steps.add("allow: allowInvitesFrom is 'everyone'");
          }
          return Decision.allow(null, "allowInvitesFrom is 'everyone'");
        }
        return null;
      case ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS:
        if (kind[p] == USER && !userOf[p].isGuest()) {
          if (steps != null) {
            steps.add("allow: allowInvitesFrom is 'adminsGuestInvitersAndAllMembers' and the principal is a member");
          }
          return Decision.allow(null, "allowInvitesFrom is 'adminsGuestInvitersAndAllMembers' and the principal"
              + " is a member");
        }
        if (steps != null) {
          steps.add("allowInvitesFrom is 'adminsGuestInvitersAndAllMembers': a guest needs an inviting role");
        }
        return null;
      default:
        if (steps != null) {
          steps.add("allowInvitesFrom is 'adminsAndGuestInviters': only an inviting role may invite");
        }
        return null;
    }
  }

  private String describe(RoleAssignment ra) {
    return "assignment '" + roleName(ra.roleId()) + "' at " + ra.scope().text() + " held by '"
        + ra.principalId() + "'";
  }

  private String roleName(RoleId id) {
    Integer r = roleIndex.get(id);
    return r == null ? id.value() : roles[r].name();
  }

  private boolean inRestrictedAu(int t) {
    for (int a : objectAus[t]) {
      if (auRestricted[a]) {
        return true;
      }
    }
    return false;
  }

  private int scopeCode(int a, int p, int t, Permission action) {
    byte s = asgScope[a];
    if (s == SCOPE_TENANT) {
      return 0;
    }
    if (t < 0) {
      return 1;
    }
    if (s == SCOPE_OBJECT) {
      return asgScopeRef[a] == t ? 0 : 2;
    }
    int au = asgScopeRef[a];
    boolean guestOrApp = kind[p] == SP || (kind[p] == USER && userOf[p].isGuest());
    if (guestOrApp && !tenantDirectoryRead[p]) {
      return 3;
    }
    if (Arrays.binarySearch(objectAus[t], au) >= 0) {
      return 0;
    }
    if (auObject[au] == t) {
      return action.action().equals("create") ? 0 : 4;
    }
    return 5;
  }

  private String scopeText(int code, int a, int t) {
    switch (code) {
      case 1:
        return "a tenant-level action needs a tenant-scoped assignment";
      case 2:
        return "its scope is another object";
      case 3:
        return "a guest or service principal uses an AU-scoped assignment only together with a tenant-scoped"
            + " role that reads the directory (microsoft.directory/users/standard/read)";
      case 4:
        return "an AU-scoped assignment covers the AU's members, not the AU itself (only a create action may"
            + " name the AU)";
      default:
        return "'" + ids[t] + "' is not a direct member of administrative unit '" + ids[auObject[asgScopeRef[a]]]
            + "'";
    }
  }

  private static final int MATRIX_OK = -1;
  private static final int MATRIX_NO_COLUMN = -2;
  private static final int MATRIX_NOT_SENSITIVE = -3;
  private static final int MATRIX_RAG = -4;
  private static final int MATRIX_RMAU_ROLE = -5;

  /** {@link #MATRIX_OK}, another negative code, or the index of the held role that forbids. */
  private int matrixCode(AntiEscalation.Kind matrix, RoleDefinition actorRole, int t) {
    Optional<AntiEscalation.Column> col = AntiEscalation.column(actorRole.id());
    if (col.isEmpty()) {
      return heldRoles[t].length == 0 && !ragMemberOrOwner[t] && !holdsRmauScopedRole[t] ? MATRIX_OK
          : MATRIX_NO_COLUMN;
    }
    AntiEscalation.Column c = col.get();
    if (!AntiEscalation.inMatrix(matrix, c)) {
      return MATRIX_NOT_SENSITIVE;
    }
    for (int r : heldRoles[t]) {
      if (!AntiEscalation.allowedOn(roles[r].id()).contains(c)) {
        return r;
      }
    }
    if (ragMemberOrOwner[t] && !AntiEscalation.allowedOn(
        AntiEscalation.SpecialRow.ROLE_ASSIGNABLE_GROUP_MEMBER_OR_OWNER).contains(c)) {
      return MATRIX_RAG;
    }
    if (holdsRmauScopedRole[t] && !AntiEscalation.allowedOn(AntiEscalation.SpecialRow.RMAU_SCOPED_ROLE)
        .contains(c)) {
      return MATRIX_RMAU_ROLE;
    }
    return MATRIX_OK;
  }

  private String matrixText(int code, RoleDefinition actorRole) {
    switch (code) {
      case MATRIX_NO_COLUMN:
        return "role '" + actorRole.name() + "' is in no column of the matrix, so it acts only on users who hold"
            + " no admin role";
      case MATRIX_NOT_SENSITIVE:
        return "role '" + actorRole.name() + "' has no sensitive-action rights";
      case MATRIX_RAG:
        return "'" + actorRole.name() + "' may not act on a member or owner of a role-assignable group";
      case MATRIX_RMAU_ROLE:
        return "'" + actorRole.name() + "' may not act on a user who holds a role scoped to a restricted"
            + " management administrative unit";
      default:
        return "'" + actorRole.name() + "' may not act on a user who holds '" + roles[code].name() + "'";
    }
  }

  private static boolean isInviteGuest(Permission a) {
    return a.namespace().equals("microsoft.directory") && a.entity().equals("users")
        && a.propertySet().isEmpty() && a.action().equals("inviteGuest");
  }

  private static boolean restoreOrPurge(Permission a) {
    String v = a.action();
    return a.namespace().equals("microsoft.directory")
        && (a.baseEntity().equals("users") || a.entity().equals(Permission.ALL_ENTITIES))
        && (v.equals("restore") || v.equals("delete") || v.equals(Permission.ALL_TASKS));
  }

  private String typeMismatch(Permission a, int t) {
    if (!a.namespace().equals("microsoft.directory")) {
      return null;
    }
    String base = a.baseEntity();
    boolean usersFamily = base.equals("users");
    boolean groupsFamily = base.equals("groups") || base.equals("groupsAssignableToRoles");
    if (kind[t] == AU) {
      return (usersFamily || groupsFamily) && !a.action().equals("create")
          ? "'" + ids[t] + "' is an administrative unit; only a create action may name one as its target" : null;
    }
    if (usersFamily && kind[t] != USER) {
      return "action " + a + " applies to users, and '" + ids[t] + "' is not a user";
    }
    if (groupsFamily && kind[t] != GROUP) {
      return "action " + a + " applies to groups, and '" + ids[t] + "' is not a group";
    }
    if (a.entity().equals("groups.unified") && groupOf[t].kind() != GroupKind.MICROSOFT365) {
      return "action " + a + " applies to Microsoft 365 groups, and '" + ids[t] + "' is not one";
    }
    if (base.equals("groupsAssignableToRoles") && !groupOf[t].roleAssignable()) {
      return "action " + a + " applies to role-assignable groups, and '" + ids[t] + "' is not one";
    }
    return null;
  }

  /**
   * The users the admin-center user list shows a principal ({@code cli.md} rule 10).
   *
   * @param principalId the principal
   * @return the user ids, in directory order
   */
  public List<UserId> visibleUsers(String principalId) {
    Integer pi = index.get(principalId);
    if (pi == null || kind[pi] == AU
        || (kind[pi] == USER && (userOf[pi].isDeleted() || !userOf[pi].accountEnabled()))) {
      return List.of();
    }
    int p = pi;
    BitSet aus = new BitSet();
    for (int a : effective[p]) {
      if (asgScope[a] == SCOPE_TENANT && roleManagesUsers[asgRole[a]]) {
        List<UserId> all = new ArrayList<>(liveUsers.length);
        for (int u : liveUsers) {
          all.add(userOf[u].id());
        }
        return all;
      }
      if (asgScope[a] == SCOPE_AU) {
        boolean guestOrApp = kind[p] == SP || (kind[p] == USER && userOf[p].isGuest());
        if (!guestOrApp || tenantDirectoryRead[p]) {
          aus.set(asgScopeRef[a]);
        }
      }
    }
    BitSet seen = new BitSet();
    for (int au = aus.nextSetBit(0); au >= 0; au = aus.nextSetBit(au + 1)) {
      for (int m : auMembers[au]) {
        if (kind[m] == USER && !userOf[m].isDeleted()) {
          seen.set(m);
        }
      }
    }
    List<UserId> out = new ArrayList<>(seen.cardinality());
    for (int u = seen.nextSetBit(0); u >= 0; u = seen.nextSetBit(u + 1)) {
      out.add(userOf[u].id());
    }
    return out;
  }

  /**
   * The users on which a principal may perform an action: candidates are gathered from the scopes
   * of the assignments that grant the action (every user for a tenant-scoped one, the AU's members
   * for an AU-scoped one, the object for an object-scoped one), then each is decided, so the work
   * is proportional to the candidates, not to the tenant.
   *
   * @param principalId the principal
   * @param action the action
   * @return the user ids, in directory order
   */
  public List<UserId> manageableUsers(String principalId, Permission action) {
    Integer pi = index.get(principalId);
    if (pi == null) {
      return List.of();
    }
    BitSet granting = rolesGranting(action);
    BitSet candidates = new BitSet();
    // Guest invitation may be allowed by policy rather than by a role: consider everyone.
    boolean everyone = isInviteGuest(action);
    for (int a : everyone ? new int[0] : effective[pi]) {
      if (!granting.get(asgRole[a])) {
        continue;
      }
      if (asgScope[a] == SCOPE_TENANT) {
        everyone = true;
        break;
      }
      if (asgScope[a] == SCOPE_AU) {
        for (int m : auMembers[asgScopeRef[a]]) {
          if (kind[m] == USER) {
            candidates.set(m);
          }
        }
      } else if (kind[asgScopeRef[a]] == USER) {
        candidates.set(asgScopeRef[a]);
      }
    }
    List<UserId> out = new ArrayList<>();
    if (everyone) {
      for (int u = 0; u < userOf.length; u++) {
        if (kind[u] == USER && decide(principalId, action, ids[u], null).allowed()) {
          out.add(userOf[u].id());
        }
      }
      return out;
    }
    for (int u = candidates.nextSetBit(0); u >= 0; u = candidates.nextSetBit(u + 1)) {
      if (decide(principalId, action, ids[u], null).allowed()) {
        out.add(userOf[u].id());
      }
    }
    return out;
  }

  /**
   * The usage-report access of a principal: the broadest level of its tenant-scoped roles.
   *
   * @param principalId the principal
   * @return the access level
   */
  public ReportAccess reportAccess(String principalId) {
    Integer pi = index.get(principalId);
    if (pi == null || (kind[pi] == USER && userOf[pi].isDeleted())) {
      return ReportAccess.NONE;
    }
    ReportAccess best = ReportAccess.NONE;
    for (int a : effective[pi]) {
      if (asgScope[a] == SCOPE_TENANT) {
        best = best.max(BuiltInRoles.reportAccess(roles[asgRole[a]].id()));
      }
    }
    return best;
  }

  /**
   * The admin-center areas a principal may open (see {@link AdminCenterArea}).
   *
   * @param principalId the principal
   * @return the areas, in enum order
   */
  public java.util.EnumSet<AdminCenterArea> adminCenterAreas(String principalId) {
    java.util.EnumSet<AdminCenterArea> out = java.util.EnumSet.noneOf(AdminCenterArea.class);
    Integer pi = index.get(principalId);
    if (pi == null || kind[pi] == AU
        || (kind[pi] == USER && (userOf[pi].isDeleted() || !userOf[pi].accountEnabled()))) {
      return out;
    }
    boolean guestOrApp = kind[pi] == SP || (kind[pi] == USER && userOf[pi].isGuest());
    for (int a : effective[pi]) {
      boolean tenantWide = asgScope[a] == SCOPE_TENANT;
      if (asgScope[a] == SCOPE_AU && guestOrApp && !tenantDirectoryRead[pi]) {
        continue;
      }
      for (Permission p : roles[asgRole[a]].permissions()) {
        for (AdminCenterArea area : AdminCenterArea.values()) {
          boolean scopedOk = tenantWide || area == AdminCenterArea.USERS || area == AdminCenterArea.GROUPS;
          if (scopedOk && area.openedBy(p)) {
            out.add(area);
          }
        }
      }
    }
    return out;
  }

  /**
   * The admin-center user list of a principal with each user's UPN and type (guests marked).
   *
   * @param principalId the principal
   * @return the rows, in directory order
   */
  public List<UserListing> userList(String principalId) {
    List<UserListing> out = new ArrayList<>();
    for (UserId id : visibleUsers(principalId)) {
      User u = userOf[index.get(id.value())];
      out.add(new UserListing(u.id(), u.userPrincipalName(), u.type()));
    }
    return out;
  }

  /**
   * The ids of the objects in this snapshot's tenant.
   *
   * @return the ids
   */
  public Set<String> objectIds() {
    return java.util.Collections.unmodifiableSet(index.keySet());
  }
}
