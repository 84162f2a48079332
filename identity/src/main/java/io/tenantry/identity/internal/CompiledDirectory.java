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
import io.tenantry.identity.GuestAccessLevel;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.Permission;
import io.tenantry.identity.ReportAccess;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import io.tenantry.identity.UserListing;
import io.tenantry.identity.spi.DirectoryStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, indexed snapshot of one tenant's directory, compiled for authorization.
 *
 * <p>Representation (no object per assignment or per directory object beyond what the
 * {@link Directory} already holds): per object a kind byte and a flags byte, its distinct held
 * roles and its AUs, and per AU its direct members, each as one flat int array with offsets
 * (compressed sparse rows, sorted); per requested action the bitset of roles that grant it
 * ({@code long[]}), memoized in an array indexed by the action's id in an {@link ActionCatalog}
 * (shared with the other tenants of the same Authorizer: it holds no tenant data), so finding the
 * action costs no per-tenant hashing. What a check reads about its principal sits in one record of an
 * {@link ObjectTable}: the id's chars (to confirm the lookup), kind, flags and each effective
 * assignment with its role, scope kind and scope reference, so a check touches the table's slot,
 * the record and the decision, a handful of cache lines whatever the directory's size.
 *
 * <p>A check allocates nothing once warm: an allow returns the deciding assignment's decision,
 * created on its first use and kept; a deny's decision is kept in a small set-associative cache
 * (sets of 8) keyed by (principal, target, action), bounded by the snapshot's size. {@code explain}
 * computes every decision afresh with its steps.
 *
 * <p>Thread-safe: the structure is immutable after construction; the action memo, the per-assignment
 * decisions and the deny cache hold immutable values that are pure functions of the snapshot, so a
 * racing writer can only store an equal value (as does the remembered caller's tenant object of
 * {@link #isOf}). A snapshot compiled with its store's version probe is what an {@code Authorizer}
 * caches itself, with no wrapper object between its cache and the snapshot's fields.
 */
public final class CompiledDirectory {
  private static final byte USER = 0;
  private static final byte GROUP = 1;
  private static final byte AU = 2;
  private static final byte SP = 3;
  private static final byte SCOPE_TENANT = 0;
  private static final byte SCOPE_AU = 1;
  private static final byte SCOPE_OBJECT = 2;
  private static final int DELETED = 1;
  private static final int DISABLED = 1 << 1;
  private static final int GUEST = 1 << 2;
  private static final int RAG_MEMBER_OR_OWNER = 1 << 3;
  private static final int HOLDS_RMAU_ROLE = 1 << 4;
  private static final int TENANT_DIRECTORY_READ = 1 << 5;
  private static final int IN_RESTRICTED_AU = 1 << 6;
  private static final int ROLE_ASSIGNABLE_GROUP = 1 << 7;
  /** Slots per set of the deny cache (a set spans 32 bytes of references). */
  private static final int DENIAL_WAYS = 8;
  private static final int[] NONE = new int[0];
  /** Roles whose bits fit in a grant word. */
  private static final int WORD_ROLES = 62;
  private static final long WORD_KNOWN = 1L << 63;
  private static final long WORD_SPECIAL = 1L << 62;
  private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);
  private static final Permission READ_USERS = Permission.parse("microsoft.directory/users/standard/read");
  private static final int RAG_ROW = columnMask(AntiEscalation.allowedOn(
      AntiEscalation.SpecialRow.ROLE_ASSIGNABLE_GROUP_MEMBER_OR_OWNER));
  private static final int RMAU_ROW = columnMask(AntiEscalation.allowedOn(
      AntiEscalation.SpecialRow.RMAU_SCOPED_ROLE));

  // The fields a warm check reads come first: HotSpot lays out reference fields in declaration
  // order, so these share the object's first cache line instead of being spread over three.
  private final long version;
  /** The tenant's hash code: another tenant's snapshot in a cache set is passed over by it. */
  private final int hash;
  /** {@link #records}'s home-cell count (its element 0), so a warm lookup reads no array element first. */
  private final int cells;
  /** {@link #records}'s cell size (its element 1), for the same reason. */
  private final int cellInts;
  /**
   * Always equal to {@link #tenant}: the tenant object of the latest {@link #isOf} that matched, so
   * a caller that passes the same {@link TenantId} object again is recognised by identity, without
   * reading either id's characters. Written without synchronisation, which is safe because any value
   * a racing reader sees is an equal, immutable {@code TenantId}, and a stale one only costs an
   * {@code equals}.
   */
  private TenantId seen;
  /** Tells whether this snapshot is still the store's version; null when compiled without one. */
  private final DirectoryStore.VersionProbe probe;
  /** {@link #table}'s array, read by a warm tenant-level check without reaching the table object. */
  private final int[] records;
  /**
   * Per {@link ActionCatalog} id, what a warm tenant-level check needs of an action: 0 when not yet
   * known, else {@link #WORD_KNOWN}, {@link #WORD_SPECIAL} for an action such a check leaves to the
   * full path, and the bit of each role (index below {@link #WORD_ROLES}) that grants it. Elements
   * are read and written with opaque access (a word is never seen torn); a longer copy replaces the
   * array under {@link #actionLock}. Unused (empty) when the tenant has more roles than fit.
   */
  private volatile long[] grantWords = new long[16];
  private final ObjectTable table;
  /**
   * This tenant's actions by their {@link ActionCatalog} id, made on first use; replaced by a
   * longer copy when an id does not fit (under {@link #actionLock}).
   */
  private volatile Action[] actions = new Action[16];
  private final Decision[] allowDecisions;
  private final Denial[] denials;
  private final TenantId tenant;
  private final AllowInvitesFrom allowInvitesFrom;
  /** Whether guests have the same access as members (§4.2): they then invite as members do. */
  private final boolean guestsAsMembers;
  private final List<User> users;
  private final List<Group> groups;
  private final List<RoleAssignment> assignments;
  private final String[] ids;
  private final byte[] kind;
  private final byte[] flags;
  private final int[] auObject;
  private final boolean[] auRestricted;
  private final int[] auMembersAt;
  private final int[] auMembers;
  private final int[] objectAusAt;
  private final int[] objectAus;
  private final RoleDefinition[] roles;
  private final boolean[] roleManagesUsers;
  private final int[] roleColumn;
  private final int[] roleAllowsColumns;
  private final Map<RoleId, Integer> roleIndex = new HashMap<>();
  /** The index of User Administrator among {@link #roles}. */
  private final int userAdministrator;
  private final int[] heldAt;
  private final int[] held;
  private final int[] liveUsers;
  private final ActionCatalog catalog;
  private final Object actionLock = new Object();
  /** Per AU index (as {@link #auObject}), whether its membership is dynamic (§1.2). */
  private final boolean[] auDynamic;
  /** {@link Directory#allowAuScopedUserAdminOnLimitedAdmins()} (9.2). */
  private final boolean userAdminOnLimitedAdmins;

  /** A requested action with everything a check needs precomputed. Immutable but for {@link #rag}. */
  private static final class Action {
    final Permission permission;
    final int id;
    /** The roles that grant the action, bits 0-63 (the role indexes of most tenants). */
    final long granting0;
    /** The roles that grant the action, all bits ({@code granting[0] == granting0}). */
    final long[] granting;
    final boolean read;
    final boolean directory;
    final boolean inviteGuest;
    final boolean restoreOrPurge;
    final boolean create;
    final boolean usersFamily;
    final boolean groupsFamily;
    final boolean unifiedOnly;
    final boolean ragOnly;
    final boolean ragCandidate;
    /** A write of users' profile photos, which User Administrator may not do at AU scope (§1.4). */
    final boolean photoWrite;
    /** A write of an AU's member list, which a dynamic AU refuses to everyone (§1.2). */
    final boolean auMembersWrite;
    /** A read of standard properties, which no AU scope restricts (9.4). */
    final boolean standardRead;
    /**
     * A read of a user's authentication methods, which an AU-scoped assignment does not grant on a
     * target holding an admin role (§1.5: "read/modify authentication methods").
     */
    final boolean authMethodsRead;
    final AntiEscalation.Kind matrix;
    /** The {@code groupsAssignableToRoles} form of a groups write, made on first use. */
    volatile Action rag;

    Action(Permission p, int id, RoleDefinition[] roles) {
      this.permission = p;
      this.id = id;
      this.granting = new long[(roles.length >>> 6) + 1];
      for (int r = 0; r < roles.length; r++) {
        if (roles[r].grants(p)) {
          granting[r >>> 6] |= 1L << r;
        }
      }
      this.granting0 = granting[0];
      String base = p.baseEntity();
      this.read = p.isRead();
      this.directory = p.namespace().equals("microsoft.directory");
      this.inviteGuest = directory && p.entity().equals("users") && p.propertySet().isEmpty()
          && p.action().equals("inviteGuest");
      String v = p.action();
      this.restoreOrPurge = directory && (base.equals("users") || p.entity().equals("deletedItems")
          || p.entity().equals(Permission.ALL_ENTITIES))
          && (v.equals("restore") || v.equals("delete") || v.equals(Permission.ALL_TASKS));
      this.create = v.equals("create");
      this.usersFamily = base.equals("users");
      this.groupsFamily = base.equals("groups") || base.equals("groupsAssignableToRoles");
      this.unifiedOnly = p.entity().equals("groups.unified");
      this.ragOnly = base.equals("groupsAssignableToRoles");
      this.ragCandidate = !read && directory && base.equals("groups") && !p.entity().startsWith("deletedItems.");
      this.photoWrite = !read && directory && p.entity().equals("users") && p.propertySet().equals("photo");
      this.standardRead = read && directory && p.propertySet().equals("standard");
      this.authMethodsRead = read && directory && (p.entity().equals("users")
          || p.entity().equals(Permission.ALL_ENTITIES)) && p.propertySet().startsWith("authenticationMethods");
      this.auMembersWrite = !read && directory && base.equals("administrativeUnits")
          && p.propertySet().equals("members");
      this.matrix = AntiEscalation.classify(p);
    }

    boolean grantedBy(int role) {
      // The word is read from the action itself for the first 64 roles: one cache line fewer.
      return ((role < 64 ? granting0 : granting[role >>> 6]) & (1L << role)) != 0;
    }
  }

  /** A cached deny of the deny cache. */
  private record Denial(int principal, int target, int action, Decision decision) {}

  private CompiledDirectory(Directory d, long version, ActionCatalog catalog,
      DirectoryStore.VersionProbe probe) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.tenant = d.tenant();
    this.hash = tenant.hashCode();
    this.seen = tenant;
    this.version = version;
    this.allowInvitesFrom = d.allowInvitesFrom();
    this.guestsAsMembers = d.guestAccess() == GuestAccessLevel.SAME_AS_MEMBERS;
    this.users = d.users();
    this.groups = d.groups();
    this.assignments = d.assignments();
    int userCount = users.size();
    int groupCount = groups.size();
    int auCount = d.adminUnits().size();
    int n = userCount + groupCount + auCount + d.servicePrincipals().size();
    ids = new String[n];
    kind = new byte[n];
    flags = new byte[n];
    // Each loop over the objects or assignments is a method of its own: the JIT compiles a small
    // method's loop in milliseconds, where each loop of one large constructor was compiled as the
    // whole constructor, so a large tenant's first builds ran interpreted for seconds.
    int live = addUsers(users, ids, kind, flags);
    int i = addGroups(groups, userCount, ids, kind, flags);
    auObject = new int[auCount];
    auRestricted = new boolean[auCount];
    auDynamic = new boolean[auCount];
    userAdminOnLimitedAdmins = d.allowAuScopedUserAdminOnLimitedAdmins();
    for (int a = 0; a < auCount; a++) {
      AdministrativeUnit au = d.adminUnits().get(a);
      auObject[a] = i;
      auRestricted[a] = au.restricted();
      auDynamic[a] = au.isDynamic();
      ids[i] = au.id().value();
      kind[i++] = AU;
    }
    for (var sp : d.servicePrincipals()) {
      ids[i] = sp.id();
      kind[i++] = SP;
    }
    IdIndex index = new IdIndex(ids);
    liveUsers = liveUsers(flags, userCount, live);

    // AU membership, both directions, as sorted rows.
    int[][] members = auMembers(d, index);
    auMembersAt = new int[auCount + 1];
    for (int a = 0; a < auCount; a++) {
      auMembersAt[a + 1] = auMembersAt[a] + members[a].length;
    }
    auMembers = new int[auMembersAt[auCount]];
    int[] ausPerObject = new int[n + 1];
    for (int a = 0; a < auCount; a++) {
      System.arraycopy(members[a], 0, auMembers, auMembersAt[a], members[a].length);
      for (int m : members[a]) {
        ausPerObject[m + 1]++;
      }
    }
    objectAusAt = prefixSums(ausPerObject);
    objectAus = new int[objectAusAt[n]];
    int[] fill = Arrays.copyOf(objectAusAt, n);
    for (int a = 0; a < auCount; a++) {
      for (int m : members[a]) {
        objectAus[fill[m]++] = a;
        if (auRestricted[a]) {
          flags[m] |= IN_RESTRICTED_AU;
        }
      }
    }

    // Roles: built-ins then the tenant's custom roles.
    List<RoleDefinition> rs = new ArrayList<>(BuiltInRoles.all());
    rs.addAll(d.customRoles());
    roles = rs.toArray(RoleDefinition[]::new);
    roleManagesUsers = new boolean[roles.length];
    roleColumn = new int[roles.length];
    roleAllowsColumns = new int[roles.length];
    boolean[] readsUsers = new boolean[roles.length];
    for (int r = 0; r < roles.length; r++) {
      roleIndex.putIfAbsent(roles[r].id(), r);
      roleManagesUsers[r] = managesUsers(roles[r]);
      roleColumn[r] = AntiEscalation.column(roles[r].id()).map(Enum::ordinal).orElse(-1);
      roleAllowsColumns[r] = columnMask(AntiEscalation.allowedOn(roles[r].id()));
      readsUsers[r] = roles[r].grants(READ_USERS);
    }
    userAdministrator = roleIndex.get(BuiltInRoles.USER_ADMINISTRATOR);

    // Assignments as parallel arrays; the direct ones of each principal as rows.
    int m = assignments.size();
    int[] asgRole = new int[m];
    byte[] asgScope = new byte[m];
    int[] asgScopeRef = new int[m];
    allowDecisions = new Decision[m];
    int[] principal = new int[m];
    Map<String, Integer> auIndex = new HashMap<>();
    for (int a = 0; a < auCount; a++) {
      auIndex.put(ids[auObject[a]], a);
    }
    resolveAssignments(assignments, roleIndex, auIndex, index, ids, asgRole, asgScope, asgScopeRef,
        principal);
    int[] directAt = new int[n + 1];
    int[] directRows = rowsByPrincipal(principal, directAt);

    // Effective assignments: the direct ones plus those of the role-assignable groups the object is
    // a direct member of. Without such memberships they are the direct rows themselves.
    int[] effectiveAt = directAt;
    int[] effective = directRows;
    int[] extra = groupExtras(groups, index, directAt, flags);
    if (extra != null) {
      effectiveAt = new int[n + 1];
      effective = withGroupAssignments(groups, index, directAt, directRows, extra, effectiveAt);
    }

    // Held roles (distinct, sorted) and the principal flags that depend on assignments.
    heldAt = new int[n + 1];
    held = heldRoles(effectiveAt, effective, asgRole, asgScope, asgScopeRef, auRestricted,
        readsUsers, flags, heldAt);
    // The check-time records: each object's effective assignments with their role, scope kind
    // and scope reference, next to its id, kind and (now final) flags.
    int[] roleScope = new int[effective.length];
    int[] ref = new int[effective.length];
    for (int k = 0; k < effective.length; k++) {
      int a = effective[k];
      roleScope[k] = asgRole[a] << 2 | asgScope[a];
      ref[k] = asgScopeRef[a];
    }
    table = new ObjectTable(index, ids, kind, flags, effectiveAt, effective, roleScope, ref);
    records = table.records();
    cells = records[0];
    cellInts = records[1];
    // A slot per one to two objects (at least 256, at most 16,384): 2 to 4 bytes an object empty;
    // a filled slot holds a deny's decision and its one-sentence reason (some 200 bytes).
    denials = new Denial[Math.max(256, Math.min(16_384, Integer.highestOneBit(Math.max(1, n))))];
  }

  /**
   * Compiles a directory whose actions take their ids from a catalog shared with other snapshots
   * (see {@link ActionCatalog}), and keeps the store's version probe of its tenant in the
   * snapshot, so a cache of snapshots holds this object itself (no wrapper to load on every check;
   * see {@link #probe} and {@link #isOf}).
   *
   * @param directory the validated directory
   * @param version the store's version of it
   * @param catalog the action ids
   * @param probe the store's version probe of the directory's tenant
   * @return the snapshot
   * @throws NullPointerException if {@code catalog} or {@code probe} is null
   */
  public static CompiledDirectory compile(Directory directory, long version, ActionCatalog catalog,
      DirectoryStore.VersionProbe probe) {
    return new CompiledDirectory(directory, version, catalog, probe);
  }

  /**
   * @return the store's version probe of this snapshot's tenant
   */
  public DirectoryStore.VersionProbe probe() {
    return probe;
  }

  /**
   * Whether this snapshot is the tenant's; remembers the caller's object when it is (see
   * {@link #seen}).
   *
   * @param t the tenant
   * @param h its hash code
   * @return whether {@code t} equals this snapshot's tenant
   */
  public boolean isOf(TenantId t, int h) {
    if (h != hash) {
      return false;
    }
    TenantId known = seen;
    if (known == t) {
      return true;
    }
    if (!known.equals(t)) {
      return false;
    }
    seen = t;
    return true;
  }

  /** @return the tenant this snapshot belongs to */
  public TenantId tenant() {
    return tenant;
  }

  /** @return the store's version this snapshot was compiled from */
  public long version() {
    return version;
  }

  /** Adds the users at indexes 0..; returns how many are not deleted. */
  private static int addUsers(List<User> users, String[] ids, byte[] kind, byte[] flags) {
    int live = 0;
    for (int i = 0; i < users.size(); i++) {
      User u = users.get(i);
      ids[i] = u.id().value();
      kind[i] = USER;
      flags[i] = userFlags(u);
      live += u.isDeleted() ? 0 : 1;
    }
    return live;
  }

  private static byte userFlags(User u) {
    return (byte) ((u.isDeleted() ? DELETED : 0) | (u.accountEnabled() ? 0 : DISABLED)
        | (u.isGuest() ? GUEST : 0));
  }

  /** Adds the groups after the users; returns the next free index. */
  private static int addGroups(List<Group> groups, int from, String[] ids, byte[] kind, byte[] flags) {
    int i = from;
    for (Group g : groups) {
      ids[i] = g.id().value();
      kind[i] = GROUP;
      flags[i++] = (byte) (g.roleAssignable() ? ROLE_ASSIGNABLE_GROUP : 0);
    }
    return i;
  }

  /** The users (indexes below {@code userCount}) that are not deleted, ascending. */
  private static int[] liveUsers(byte[] flags, int userCount, int live) {
    int[] out = new int[live];
    for (int u = 0, k = 0; u < userCount; u++) {
      if ((flags[u] & DELETED) == 0) {
        out[k++] = u;
      }
    }
    return out;
  }

  /** Each AU's members (users, then groups), as sorted distinct object indexes. */
  private static int[][] auMembers(Directory d, IdIndex index) {
    List<AdministrativeUnit> aus = d.adminUnits();
    int[][] members = new int[aus.size()][];
    for (int a = 0; a < aus.size(); a++) {
      AdministrativeUnit au = aus.get(a);
      List<User> memberUsers = d.memberUsers(au);
      int[] row = new int[memberUsers.size() + au.memberGroups().size()];
      int k = 0;
      for (User u : memberUsers) {
        row[k++] = index.get(u.id().value());
      }
      for (var g : au.memberGroups()) {
        int gi = index.get(g.value());
        if (gi >= 0) {
          row[k++] = gi;
        }
      }
      members[a] = distinctSorted(row, k);
    }
    return members;
  }

  /**
   * Fills each assignment's role index, scope kind, scope reference and principal object index.
   * Assignments listed in directory order (a principal's after the previous principal's) resolve
   * without hashing.
   */
  private static void resolveAssignments(List<RoleAssignment> assignments, Map<RoleId, Integer> roleIndex,
      Map<String, Integer> auIndex, IdIndex index, String[] ids, int[] asgRole, byte[] asgScope,
      int[] asgScopeRef, int[] principal) {
    int n = ids.length;
    RoleId lastRole = null;
    int lastRoleIndex = -1;
    int lastPrincipal = -1;
    for (int a = 0; a < asgRole.length; a++) {
      RoleAssignment ra = assignments.get(a);
      if (ra.roleId() != lastRole) {
        lastRole = ra.roleId();
        lastRoleIndex = roleIndex.get(lastRole);
      }
      asgRole[a] = lastRoleIndex;
      if (ra.scope() instanceof Scope.AdminUnit s) {
        asgScope[a] = SCOPE_AU;
        asgScopeRef[a] = auIndex.get(s.id().value());
      } else if (ra.scope() instanceof Scope.DirectoryObject s) {
        asgScope[a] = SCOPE_OBJECT;
        asgScopeRef[a] = index.get(s.objectId());
      } else {
        asgScope[a] = SCOPE_TENANT;
      }
      int next = lastPrincipal + 1;
      String id = ra.principalId();
      principal[a] = next < n && id.equals(ids[next]) ? next
          : lastPrincipal >= 0 && id.equals(ids[lastPrincipal]) ? lastPrincipal
          : index.get(id);
      lastPrincipal = principal[a];
    }
  }

  /**
   * Groups assignment indexes by principal.
   *
   * @param principal each assignment's principal
   * @param at filled with each principal's first row, and the end at {@code [n]}
   * @return the assignment indexes, principal by principal, ascending within one
   */
  private static int[] rowsByPrincipal(int[] principal, int[] at) {
    int n = at.length - 1;
    for (int p : principal) {
      at[p + 1]++;
    }
    prefixSums(at);
    int[] rows = new int[principal.length];
    int[] fill = Arrays.copyOf(at, n);
    for (int a = 0; a < principal.length; a++) {
      rows[fill[principal[a]]++] = a;
    }
    return rows;
  }

  /**
   * Marks the members and owners of role-assignable groups and counts, per object, the assignments
   * its groups bring.
   *
   * @return the count per object, or null when no group brings any
   */
  private static int[] groupExtras(List<Group> groups, IdIndex index, int[] directAt, byte[] flags) {
    int[] extra = new int[directAt.length - 1];
    boolean anyExtra = false;
    for (Group g : groups) {
      if (!g.roleAssignable()) {
        continue;
      }
      int gi = index.get(g.id().value());
      int count = directAt[gi + 1] - directAt[gi];
      for (String member : g.members()) {
        int mi = index.get(member);
        if (mi >= 0) {
          flags[mi] |= RAG_MEMBER_OR_OWNER;
          extra[mi] += count;
          anyExtra |= count > 0;
        }
      }
      for (String owner : g.owners()) {
        int oi = index.get(owner);
        if (oi >= 0) {
          flags[oi] |= RAG_MEMBER_OR_OWNER;
        }
      }
    }
    return anyExtra ? extra : null;
  }

  /**
   * Each object's direct assignments plus those of the role-assignable groups it is a direct
   * member of, distinct and sorted.
   *
   * @param extra per object, the count its groups bring (overwritten)
   * @param at filled with each object's first row, and the end at {@code [n]}
   * @return the assignment indexes, object by object
   */
  private static int[] withGroupAssignments(List<Group> groups, IdIndex index, int[] directAt,
      int[] directRows, int[] extra, int[] at) {
    int n = extra.length;
    int[][] rows = new int[n][];
    for (int o = 0; o < n; o++) {
      int len = directAt[o + 1] - directAt[o];
      rows[o] = extra[o] == 0 ? null : Arrays.copyOfRange(directRows, directAt[o], directAt[o] + len + extra[o]);
      extra[o] = len;
    }
    for (Group g : groups) {
      if (!g.roleAssignable()) {
        continue;
      }
      int gi = index.get(g.id().value());
      for (String member : g.members()) {
        int mi = index.get(member);
        if (mi >= 0 && rows[mi] != null) {
          for (int k = directAt[gi]; k < directAt[gi + 1]; k++) {
            rows[mi][extra[mi]++] = directRows[k];
          }
        }
      }
    }
    for (int o = 0; o < n; o++) {
      if (rows[o] != null) {
        rows[o] = distinctSorted(rows[o], extra[o]);
      }
      at[o + 1] = at[o] + (rows[o] == null ? directAt[o + 1] - directAt[o] : rows[o].length);
    }
    int[] all = new int[at[n]];
    for (int o = 0; o < n; o++) {
      if (rows[o] == null) {
        System.arraycopy(directRows, directAt[o], all, at[o], at[o + 1] - at[o]);
      } else {
        System.arraycopy(rows[o], 0, all, at[o], rows[o].length);
      }
    }
    return all;
  }

  /**
   * Each object's held roles (distinct, sorted), and the flags that depend on its assignments.
   *
   * @param heldAt filled with each object's first held role, and the end at {@code [n]}
   * @return the held roles, object by object
   */
  private static int[] heldRoles(int[] effectiveAt, int[] effective, int[] asgRole, byte[] asgScope,
      int[] asgScopeRef, boolean[] auRestricted, boolean[] readsUsers, byte[] flags, int[] heldAt) {
    int n = heldAt.length - 1;
    int[] heldRows = new int[effective.length];
    int[] buffer = new int[8];
    for (int o = 0; o < n; o++) {
      int from = effectiveAt[o];
      int to = effectiveAt[o + 1];
      if (to - from > buffer.length) {
        buffer = new int[to - from];
      }
      int f = flags[o];
      for (int k = from; k < to; k++) {
        int a = effective[k];
        buffer[k - from] = asgRole[a];
        if (asgScope[a] == SCOPE_AU && auRestricted[asgScopeRef[a]]) {
          f |= HOLDS_RMAU_ROLE;
        }
        if (asgScope[a] == SCOPE_TENANT && readsUsers[asgRole[a]]) {
          f |= TENANT_DIRECTORY_READ;
        }
      }
      flags[o] = (byte) f;
      int len = to - from;
      if (len > 1) {
        Arrays.sort(buffer, 0, len);
      }
      int w = heldAt[o];
      for (int k = 0; k < len; k++) {
        if (k == 0 || buffer[k] != buffer[k - 1]) {
          heldRows[w++] = buffer[k];
        }
      }
      heldAt[o + 1] = w;
    }
    return heldRows.length == heldAt[n] ? heldRows : Arrays.copyOf(heldRows, heldAt[n]);
  }

  private static int[] prefixSums(int[] counts) {
    for (int k = 1; k < counts.length; k++) {
      counts[k] += counts[k - 1];
    }
    return counts;
  }

  /** The distinct values of {@code values[0, length)}, sorted; a fresh array (NONE when empty). */
  private static int[] distinctSorted(int[] values, int length) {
    if (length == 0) {
      return NONE;
    }
    int[] v = Arrays.copyOf(values, length);
    if (length > 1) {
      Arrays.sort(v);
    }
    int k = 1;
    for (int j = 1; j < length; j++) {
      if (v[j] != v[k - 1]) {
        v[k++] = v[j];
      }
    }
    return k == length ? v : Arrays.copyOf(v, k);
  }

  private static int columnMask(java.util.Set<AntiEscalation.Column> columns) {
    int mask = 0;
    for (AntiEscalation.Column c : columns) {
      mask |= 1 << c.ordinal();
    }
    return mask;
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

  /**
   * The action of a permission: this tenant's action of the permission's {@link ActionCatalog} id,
   * made on first use (an action beyond the catalog's limit is made afresh for every check).
   */
  private Action action(Permission p) {
    int id = catalog.idOf(p);
    Action[] known = actions;
    if (id >= 0 && id < known.length) {
      Action a = known[id];
      if (a != null) {
        return a;
      }
    }
    return id < 0 ? new Action(p, -1, roles) : newAction(p, id);
  }

  /**
   * Makes and keeps the action of an id. Readers read {@link #actions} without the lock: an entry
   * is an immutable action (but for its memoized {@code rag} form), so a racing reader sees either
   * nothing (and comes here) or the whole action.
   */
  private Action newAction(Permission p, int id) {
    synchronized (actionLock) {
      Action[] known = actions;
      if (id < known.length && known[id] != null) {
        return known[id];
      }
      Action a = new Action(p, id, roles);
      Action[] next = id < known.length ? known : Arrays.copyOf(known, Math.max(id + 1, known.length * 2));
      next[id] = a;
      actions = next;
      return a;
    }
  }

  private Action ragForm(Action act) {
    Action r = act.rag;
    if (r == null) {
      Permission p = act.permission;
      r = action(new Permission(p.namespace(), "groupsAssignableToRoles", p.propertySet(), p.action()));
      act.rag = r;
    }
    return r;
  }

  private RoleAssignment assignment(int a) {
    return assignments.get(a);
  }

  private User user(int o) {
    return users.get(o);
  }

  private Group group(int o) {
    return groups.get(o - users.size());
  }

  private boolean has(int o, int flag) {
    return (flags[o] & flag) != 0;
  }

  private boolean guestOrApp(int p) {
    return kind[p] == SP || (kind[p] == USER && has(p, GUEST));
  }

  /** Whether the AU of an object index has dynamic membership. */
  private boolean dynamicAu(int t) {
    int a = t - users.size() - groups.size();
    return a >= 0 && a < auDynamic.length && auDynamic[a];
  }

  private boolean inAu(int o, int au) {
    return Arrays.binarySearch(objectAus, objectAusAt[o], objectAusAt[o + 1], au) >= 0;
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
    if (explain) {
      List<String> steps = new ArrayList<>();
      return decide(principalId, action(action), targetId, steps).withSteps(steps);
    }
    if (targetId == null) {
      Decision warm = warmTenantLevel(principalId, action);
      if (warm != null) {
        return warm;
      }
    }
    return decide(principalId, action(action), targetId, null);
  }

  /**
   * Whether the principal may perform the action on the target: always
   * {@code decide(principalId, action, targetId, false).allowed()}. A tenant-level action whose
   * grant word is known is answered from the principal's record alone (see {@link #warmEntry}),
   * with no decision to fetch; anything else takes the full path.
   *
   * @param principalId the acting principal's id
   * @param action the requested action
   * @param targetId the target object's id, or null for a tenant-level action
   * @return whether the action is allowed
   */
  public boolean allows(String principalId, Permission action, String targetId) {
    if (targetId == null) {
      long word = grantWord(catalog.idOf(action), action);
      if ((word & WORD_SPECIAL) == 0 && word != 0) {
        return warmAllows(principalId, word);
      }
    }
    return fullAllows(principalId, action, targetId);
  }

  /** {@link #allows} by the full path, kept out of line so the warm path stays small to inline. */
  private boolean fullAllows(String principalId, Permission action, String targetId) {
    return decide(principalId, action(action), targetId, null).allowed();
  }

  /**
   * A tenant-level check answered from what earlier checks left: the allow of
   * {@link #tenantLevelAllow}, read through the action's grant word, or the deny already in the
   * deny cache; null when neither applies (the full path then decides, the same way). Reads the
   * snapshot's own fields, the grant word, the principal's slot and record and the decision, and
   * no per-tenant action object.
   */
  private Decision warmTenantLevel(String principalId, Permission permission) {
    int id = catalog.idOf(permission);
    long word = grantWord(id, permission);
    if ((word & WORD_SPECIAL) != 0 || word == 0) {
      return null;
    }
    int e = warmEntry(principalId, word);
    if (e >= 0) {
      return allowBy(ObjectTable.assignment(records, e));
    }
    return e == WARM_CANNOT_ACT ? null : cachedDenial(ObjectTable.object(records, -e - 3), -1, id);
  }

  /** What {@link #warmEntry} answers when the principal is not in the tenant or cannot act. */
  private static final int WARM_CANNOT_ACT = -1;

  /**
   * The tenant-level check of an action by its grant word (known, not special), from the
   * principal's record alone: the offset of the entry of the first tenant-scoped assignment whose
   * role grants it (the check allows); {@link #WARM_CANNOT_ACT} when the principal is not in the
   * tenant, is an AU, or is a soft-deleted or disabled user (the check denies); otherwise
   * {@code -pr - 3} for the principal's record {@code pr} (no assignment grants it: the check
   * denies, since a tenant-level action needs a tenant-scoped assignment).
   */
  private int warmEntry(String principalId, long word) {
    int[] rec = records;
    int pr = actingRecord(rec, principalId);
    if (pr < 0) {
      return WARM_CANNOT_ACT;
    }
    for (int e = ObjectTable.entries(rec, pr), end = ObjectTable.entriesEnd(rec, pr); e < end;
        e += ObjectTable.ENTRY) {
      if (ObjectTable.scope(rec, e) == SCOPE_TENANT && (word & (1L << ObjectTable.role(rec, e))) != 0) {
        return e;
      }
    }
    return -pr - 3;
  }

  /**
   * The record of a principal that may act, for the warm paths: -1 when the principal is not in
   * the tenant, is an AU, or is a soft-deleted or disabled user.
   */
  private int actingRecord(int[] rec, String principalId) {
    int pr = ObjectTable.find(rec, cells, cellInts, principalId);
    if (pr < 0) {
      return -1;
    }
    int k = ObjectTable.kind(rec, pr);
    return k == AU || (k == USER && (ObjectTable.flags(rec, pr) & (DELETED | DISABLED)) != 0) ? -1 : pr;
  }

  /**
   * {@code warmEntry(principalId, word) >= 0}, computed without a branch on the answer: every
   * entry of the principal's record is tested and the grants are or-ed together. Whether a check
   * is allowed depends on the principal's record, which a check over a directory too large for the
   * caches waits for; a branch on the answer is mispredicted as often as answers change, and each
   * misprediction throws away the work the core had started on the next check while this one
   * waited. Without it, consecutive checks overlap their waits.
   */
  private boolean warmAllows(String principalId, long word) {
    int[] rec = records;
    int pr = actingRecord(rec, principalId);
    if (pr < 0) {
      return false;
    }
    long granted = 0;
    for (int e = ObjectTable.entries(rec, pr), end = ObjectTable.entriesEnd(rec, pr); e < end;
        e += ObjectTable.ENTRY) {
      // the role's bit of the word (a role index is below WORD_ROLES), kept only for a
      // tenant-scoped entry: (scope - 1) >>> 31 is 1 for SCOPE_TENANT (0) and 0 for the others
      long tenantScoped = (ObjectTable.scope(rec, e) - 1) >>> 31;
      granted |= (word >>> ObjectTable.role(rec, e)) & tenantScoped;
    }
    return granted != 0;
  }

  /**
   * The grant word of an action (see {@link #grantWords}): 0 when the tenant's roles do not fit in
   * one or the action has no id.
   */
  private long grantWord(int id, Permission permission) {
    long[] words = grantWords;
    if (id >= 0 && id < words.length) {
      long w = (long) WORD.getOpaque(words, id);
      if (w != 0) {
        return w;
      }
    }
    return id < 0 || roles.length > WORD_ROLES ? 0 : newGrantWord(id, permission);
  }

  private long newGrantWord(int id, Permission permission) {
    Action a = action(permission);
    long w = WORD_KNOWN | (a.inviteGuest ? WORD_SPECIAL : 0) | a.granting0;
    synchronized (actionLock) {
      long[] words = grantWords;
      if (id >= words.length) {
        words = Arrays.copyOf(words, Math.max(id + 1, words.length * 2));
      }
      WORD.setOpaque(words, id, w);
      grantWords = words;
    }
    return w;
  }

  private static Decision deny(List<String> steps, String reason) {
    if (steps != null) {
      steps.add("deny: " + reason);
    }
    return Decision.deny(reason);
  }

  private Decision decide(String principalId, Action act, String targetId, List<String> steps) {
    int pr = table.find(principalId);
    if (pr < 0) {
      return deny(steps, "principal '" + principalId + "' is not in tenant " + tenant);
    }
    int t = targetId == null ? -1 : table.find(targetId);
    if (targetId != null && t < 0) {
      Decision d = principalDenial(pr, steps);
      return d != null ? d : deny(steps, "target '" + targetId + "' is not in tenant " + tenant);
    }
    return decide(pr, act, t < 0 ? -1 : table.object(t), steps);
  }

  /**
   * Decides with both ends interned (the principal by its record, the target by its index);
   * caches denies when no steps are recorded.
   */
  private Decision decide(int pr, Action act, int t, List<String> steps) {
    if (steps != null || act.id < 0) {
      return evaluate(pr, act, t, steps);
    }
    if (t < 0) {
      Decision allow = tenantLevelAllow(pr, act);
      if (allow != null) {
        return allow;
      }
    }
    int p = table.object(pr);
    Decision cached = cachedDenial(p, t, act.id);
    if (cached != null) {
      return cached;
    }
    Decision d = evaluate(pr, act, t, null);
    if (!d.allowed()) {
      rememberDenial(p, t, act.id, d);
    }
    return d;
  }

  /** The key's hash in the deny cache: its low bits pick the set, its high bits a victim. */
  private static int denialMix(int p, int t, int action) {
    int mix = p * 0x9E3779B1 ^ (t + 1) * 0x85EBCA6B ^ action * 0xC2B2AE35;
    return mix ^ mix >>> 15;
  }

  /**
   * The cached deny of (principal, target or -1, action id), or null. A set of
   * {@link #DENIAL_WAYS} slots is filled from its start and never emptied, so a lookup stops at
   * the first empty slot.
   */
  private Decision cachedDenial(int p, int t, int action) {
    int set = (denialMix(p, t, action) & (denials.length - 1)) & -DENIAL_WAYS;
    for (int w = set; w < set + DENIAL_WAYS; w++) {
      Denial cached = denials[w];
      if (cached == null) {
        return null;
      }
      if (cached.principal == p && cached.target == t && cached.action == action) {
        return cached.decision;
      }
    }
    return null;
  }

  /** Caches a deny: in the first empty slot of its set, else over the slot its key's high bits pick. */
  private void rememberDenial(int p, int t, int action, Decision d) {
    int mix = denialMix(p, t, action);
    int set = (mix & (denials.length - 1)) & -DENIAL_WAYS;
    Denial denial = new Denial(p, t, action, d);
    for (int w = set; w < set + DENIAL_WAYS; w++) {
      if (denials[w] == null) {
        denials[w] = denial;
        return;
      }
    }
    denials[set + (mix >>> 29 & (DENIAL_WAYS - 1))] = denial;
  }

  /**
   * The allow that {@link #evaluate} returns for a tenant-level action (no target), found without
   * building any text, or null when it would not allow (or the action is guest invitation, which
   * its policy decides first): the first tenant-scoped assignment whose role grants the action,
   * for a principal that can act. Lets a warm allow skip the deny cache.
   */
  private Decision tenantLevelAllow(int pr, Action act) {
    int k = table.kind(pr);
    if (act.inviteGuest || k == AU || (k == USER && (table.flags(pr) & (DELETED | DISABLED)) != 0)) {
      return null;
    }
    for (int e = table.entries(pr), end = table.entriesEnd(pr); e < end; e += ObjectTable.ENTRY) {
      if (table.scope(e) == SCOPE_TENANT && act.grantedBy(table.role(e))) {
        return allowBy(table.assignment(e));
      }
    }
    return null;
  }

  /** The deny of a principal (by its record) that cannot act at all, or null. */
  private Decision principalDenial(int pr, List<String> steps) {
    int k = table.kind(pr);
    if (k != AU && (k != USER || (table.flags(pr) & (DELETED | DISABLED)) == 0)) {
      return null;
    }
    int p = table.object(pr);
    if (k == AU) {
      return deny(steps, "'" + ids[p] + "' is an administrative unit, which cannot act");
    }
    if (has(p, DELETED)) {
      return deny(steps, "principal '" + ids[p] + "' is soft-deleted and cannot act");
    }
    if (has(p, DISABLED)) {
      return deny(steps, "principal '" + ids[p] + "' is blocked from signing in (accountEnabled false)");
    }
    return null;
  }

  private Decision evaluate(int pr, Action action, int t, List<String> steps) {
    Decision early = principalDenial(pr, steps);
    if (early != null) {
      return early;
    }
    int p = table.object(pr);
    if (t >= 0 && kind[t] == USER && has(t, DELETED) && !action.restoreOrPurge) {
      return deny(steps, "target '" + ids[t] + "' is soft-deleted: only restore and permanent delete apply");
    }
    if (action.inviteGuest) {
      Decision byPolicy = invitePolicy(p, steps);
      if (byPolicy != null) {
        return byPolicy;
      }
    }
    String mismatch = t < 0 ? null : typeMismatch(action, t);
    if (mismatch != null) {
      return deny(steps, mismatch);
    }
    if (action.auMembersWrite && t >= 0 && kind[t] == AU && dynamicAu(t)) {
      return deny(steps, "administrative unit '" + ids[t] + "' has dynamic membership: its rule is the sole"
          + " owner of its members, so adding or removing members by hand is disabled for every admin,"
          + " even a Privileged Role Administrator or Global Administrator (§1.2)");
    }
    Action requested = action;
    if (t >= 0 && kind[t] == GROUP && has(t, ROLE_ASSIGNABLE_GROUP) && action.ragCandidate) {
      requested = ragForm(action);
      if (steps != null) {
        steps.add("target '" + ids[t] + "' is a role-assignable group: the action needs " + requested.permission);
      }
    }
    boolean write = !action.read;
    AntiEscalation.Kind matrix = t >= 0 && kind[t] == USER ? action.matrix : AntiEscalation.Kind.NONE;
    // Restricted management AUs protect Entra (directory) properties only (§1.7).
    boolean inRmau = t >= 0 && action.directory && has(t, IN_RESTRICTED_AU);
    int bestStage = -1;
    int bestE = -1;
    int matrixColumns = 0;
    int from = table.entries(pr);
    int to = table.entriesEnd(pr);
    if (from == to && steps != null) {
      steps.add("'" + ids[p] + "' holds no role assignment");
    }
    for (int e = from; e < to; e += ObjectTable.ENTRY) {
      int a = table.assignment(e);
      if (!requested.grantedBy(table.role(e))) {
        if (steps != null) {
          steps.add(describe(assignment(a)) + ": the role does not grant " + requested.permission);
        }
        continue;
      }
      int stage = stageOf(e, p, t, action, write, inRmau, matrix);
      if (stage == 0) {
        if (steps != null) {
          steps.add("allow: " + describe(assignment(a)) + " grants " + action.permission
              + (t < 0 ? "" : " on '" + ids[t] + "'"));
        }
        return allowBy(a);
      }
      if (steps != null) {
        steps.add(describe(assignment(a)) + " " + why(stage, e, p, t, action, matrix));
      }
      if (stage == 2) {
        matrixColumns |= matrixColumnBit(matrix, e);
      }
      if (stage > bestStage) {
        bestStage = stage;
        bestE = e;
      }
    }
    if (matrixColumns != 0) {
      Decision together = matrixTogether(steps, p, t, from, to, requested, action, write, inRmau, matrix,
          matrixColumns);
      if (together != null) {
        return together;
      }
    }
    return deny(steps, bestE >= 0
        ? describe(assignment(table.assignment(bestE))) + " " + why(bestStage, bestE, p, t, action, matrix)
        : "no role assignment of '" + ids[p] + "' grants " + requested.permission + held(pr));
  }

  private Decision allowBy(int a) {
    Decision d = allowDecisions[a];
    if (d == null) {
      RoleAssignment ra = assignment(a);
      d = Decision.allow(ra, describe(ra) + " grants the action");
      allowDecisions[a] = d;
    }
    return d;
  }

  /**
   * Why an assignment (by its entry {@code e} in the principal's record) that grants the action
   * does not decide it: 0 it decides (allow), 1 its scope
   * does not cover the target, 2 a matrix of §2.4 forbids it, 3 the target holds an admin role and
   * the assignment is AU-scoped, 4 the target is in a restricted management AU that the
   * assignment is not scoped on, 5 the action is guest invitation under a setting that lets only
   * the inviting admin roles invite and the role is a custom one. Higher numbers are reported
   * first. Allocation-free.
   */
  private int stageOf(int e, int p, int t, Action action, boolean write, boolean inRmau,
      AntiEscalation.Kind matrix) {
    if (action.inviteGuest && allowInvitesFrom != AllowInvitesFrom.EVERYONE && !roles[table.role(e)].builtIn()) {
      return 5;
    }
    if (scopeCode(e, p, t, action) != 0) {
      return 1;
    }
    if (t < 0) {
      return 0;
    }
    if (!write) {
      return action.authMethodsRead && auScopedOnAdmin(e, t) ? 3 : 0;
    }
    int scope = table.scope(e);
    if (inRmau && !(scope == SCOPE_AU && auRestricted[table.ref(e)] && inAu(t, table.ref(e)))) {
      return 4;
    }
    if (auScopedOnAdmin(e, t)) {
      return 3;
    }
    if (matrix != AntiEscalation.Kind.NONE && matrixCode(matrix, table.role(e), t) != MATRIX_OK) {
      return 2;
    }
    return 0;
  }

  /**
   * Whether §1.5 (as 9.2 resolves it) keeps assignment {@code e} from acting on target {@code t}:
   * the assignment is AU-scoped, the target holds an admin role, and 9.2's opt-in does not apply.
   */
  private boolean auScopedOnAdmin(int e, int t) {
    return table.scope(e) == SCOPE_AU && heldAt[t + 1] > heldAt[t] && !limitedAdminForUserAdmin(e, t);
  }

  /**
   * Whether the opt-in policy of 9.2 lets the AU-scoped assignment {@code e} act on admin target
   * {@code t}: the policy is on, the assignment's role is User Administrator, and every row that
   * protects the target (each role it holds, the role-assignable-group and RMAU-scoped-role rows)
   * lets User Administrator act under Matrix A.
   */
  private boolean limitedAdminForUserAdmin(int e, int t) {
    return userAdminOnLimitedAdmins && table.role(e) == userAdministrator
        && blockingRow(1 << roleColumn[userAdministrator], t) == MATRIX_OK;
  }

  private String why(int stage, int e, int p, int t, Action action, AntiEscalation.Kind matrix) {
    switch (stage) {
      case 1:
        return "grants " + action.permission + ", but " + scopeText(scopeCode(e, p, t, action), e, t);
      case 2:
        return "is blocked by matrix " + matrix + " (§2.4): " + matrixText(matrixCode(matrix, table.role(e), t),
            roles[table.role(e)]);
      case 5:
        return "is a custom role: under allowInvitesFrom '" + allowInvitesFrom.graphName() + "' only the"
            + " inviting admin roles invite (Global Administrator, User Administrator, Guest Inviter; §4.1)";
      case 3:
        return "is blocked: an assignment scoped to an administrative unit grants no "
            + (action.read ? "read of the authentication methods" : "write") + " on '" + ids[t]
            + "', who holds an admin role (" + roles[held[heldAt[t]]].name() + ") (§1.5)";
      default:
        return "is blocked: '" + ids[t] + "' is a member of a restricted management administrative unit;"
            + " management rights are limited to administrators scoped on that administrative unit";
    }
  }

  /** The roles a principal (by its record) holds, for a deny's reason. */
  private String held(int pr) {
    int from = table.entries(pr);
    int to = table.entriesEnd(pr);
    if (from == to) {
      return " (it holds no role)";
    }
    StringBuilder sb = new StringBuilder(" (it holds: ");
    for (int k = from; k < to; k += ObjectTable.ENTRY) {
      RoleAssignment ra = assignment(table.assignment(k));
      sb.append(k == from ? "" : ", ").append(roleName(ra.roleId())).append(" at ").append(ra.scope().text());
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
        if (kind[p] == USER && !has(p, GUEST)) {
          if (steps != null) {
            steps.add("allow: allowInvitesFrom is 'adminsGuestInvitersAndAllMembers' and the principal is a member");
          }
          return Decision.allow(null, "allowInvitesFrom is 'adminsGuestInvitersAndAllMembers' and the principal"
              + " is a member");
        }
        if (kind[p] == USER && guestsAsMembers) {
          String why = "allowInvitesFrom is 'adminsGuestInvitersAndAllMembers' and guests have the same access"
              + " as members (guestUserRoleId)";
          if (steps != null) {
            steps.add("allow: " + why);
          }
          return Decision.allow(null, why);
        }
        if (steps != null) {
          steps.add("allowInvitesFrom is 'adminsGuestInvitersAndAllMembers': a guest with "
              + "limited or restricted access (guestUserRoleId) needs an inviting role");
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

  private int scopeCode(int e, int p, int t, Action action) {
    int s = table.scope(e);
    if (s == SCOPE_TENANT) {
      return 0;
    }
    if (t < 0) {
      return 1;
    }
    if (s == SCOPE_OBJECT) {
      return table.ref(e) == t ? 0 : 2;
    }
    int au = table.ref(e);
    if (guestOrApp(p) && !has(p, TENANT_DIRECTORY_READ)) {
      return 3;
    }
    if (!action.directory) {
      // §1.4, §1.6: an AU scope manages the AU's directory members; workload admin centers (the
      // SharePoint and Teams ones among them) and organization-level features stay tenant-scoped.
      return 7;
    }
    if (action.standardRead) {
      // 9.4: "Reads are never restricted by AUs or RMAUs (standard properties)": an AU-scoped
      // assignment that grants a standard-properties read grants it on every object of the tenant.
      // The admin center's user list (visibleUsers) is a separate view and stays the AU's members.
      return 0;
    }
    if (inAu(t, au)) {
      return action.photoWrite && table.role(e) == userAdministrator ? 6 : 0;
    }
    if (auObject[au] == t) {
      return action.create ? 0 : 4;
    }
    return 5;
  }

  private String scopeText(int code, int e, int t) {
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
      case 6:
        return "User Administrator scoped to an administrative unit cannot manage profile photos (§1.4)";
      case 7:
        return "an AU-scoped assignment manages the AU's members in the directory (microsoft.directory) only;"
            + " workload admin centers and organization-level features need a tenant-scoped assignment (§1.4, §1.6)";
      default:
        return "'" + ids[t] + "' is not a direct member of administrative unit '" + ids[auObject[table.ref(e)]]
            + "'";
    }
  }

  private static final int MATRIX_OK = -1;
  private static final int MATRIX_NO_COLUMN = -2;
  private static final int MATRIX_NOT_SENSITIVE = -3;
  private static final int MATRIX_RAG = -4;
  private static final int MATRIX_RMAU_ROLE = -5;

  /** {@link #MATRIX_OK}, another negative code, or the index of the held role that forbids. */
  private int matrixCode(AntiEscalation.Kind matrix, int actorRole, int t) {
    int column = roleColumn[actorRole];
    if (column < 0) {
      return heldAt[t + 1] == heldAt[t] && !has(t, RAG_MEMBER_OR_OWNER) && !has(t, HOLDS_RMAU_ROLE) ? MATRIX_OK
          : MATRIX_NO_COLUMN;
    }
    if (!AntiEscalation.inMatrix(matrix, AntiEscalation.Column.values()[column])) {
      return MATRIX_NOT_SENSITIVE;
    }
    return blockingRow(1 << column, t);
  }

  /**
   * {@link #MATRIX_OK} when, for every role the target holds and each protected category it is
   * in, one of the actor columns in the mask {@code columns} is allowed (9.3: "for every role R
   * held by target, actor has some role C such that matrix[R][C]"); else the code of the first
   * row that none of them may act on.
   */
  private int blockingRow(int columns, int t) {
    for (int k = heldAt[t]; k < heldAt[t + 1]; k++) {
      if ((roleAllowsColumns[held[k]] & columns) == 0) {
        return held[k];
      }
    }
    if (has(t, RAG_MEMBER_OR_OWNER) && (RAG_ROW & columns) == 0) {
      return MATRIX_RAG;
    }
    if (has(t, HOLDS_RMAU_ROLE) && (RMAU_ROW & columns) == 0) {
      return MATRIX_RMAU_ROLE;
    }
    return MATRIX_OK;
  }

  /**
   * The matrix column of an assignment (by its entry) that grants the action and passes every
   * rule but the matrix, as a one-bit mask; 0 for a role in no column of that matrix.
   */
  private int matrixColumnBit(AntiEscalation.Kind matrix, int e) {
    int column = roleColumn[table.role(e)];
    return column >= 0 && AntiEscalation.inMatrix(matrix, AntiEscalation.Column.values()[column])
        ? 1 << column : 0;
  }

  /**
   * 9.3 for an actor whose assignments are each blocked by a matrix on their own: they allow
   * together when every row the target is protected by has a column among them. Decided by the
   * first of them; the reason names them all.
   */
  private Decision matrixTogether(List<String> steps, int p, int t, int from, int to, Action requested,
      Action action, boolean write, boolean inRmau, AntiEscalation.Kind matrix, int columns) {
    if (Integer.bitCount(columns) < 2 || blockingRow(columns, t) != MATRIX_OK) {
      return null;
    }
    StringBuilder names = new StringBuilder();
    int first = -1;
    for (int e = from; e < to; e += ObjectTable.ENTRY) {
      if (requested.grantedBy(table.role(e)) && stageOf(e, p, t, action, write, inRmau, matrix) == 2
          && matrixColumnBit(matrix, e) != 0) {
        RoleAssignment ra = assignment(table.assignment(e));
        names.append(first < 0 ? "" : " and ").append(describe(ra));
        if (first < 0) {
          first = table.assignment(e);
        }
      }
    }
    String reason = names + " together may act on every role '" + ids[t] + "' holds (matrix "
        + matrix + ", §2.4 and 9.3)";
    if (steps != null) {
      steps.add("allow: " + reason);
    }
    return Decision.allow(assignment(first), reason);
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

  private String typeMismatch(Action a, int t) {
    if (!a.directory) {
      return null;
    }
    if (kind[t] == AU) {
      return (a.usersFamily || a.groupsFamily) && !a.create
          ? "'" + ids[t] + "' is an administrative unit; only a create action may name one as its target" : null;
    }
    if (a.usersFamily && kind[t] != USER) {
      return "action " + a.permission + " applies to users, and '" + ids[t] + "' is not a user";
    }
    if (a.groupsFamily && kind[t] != GROUP) {
      return "action " + a.permission + " applies to groups, and '" + ids[t] + "' is not a group";
    }
    if (a.unifiedOnly && group(t).kind() != GroupKind.MICROSOFT365) {
      return "action " + a.permission + " applies to Microsoft 365 groups, and '" + ids[t] + "' is not one";
    }
    if (a.ragOnly && !has(t, ROLE_ASSIGNABLE_GROUP)) {
      return "action " + a.permission + " applies to role-assignable groups, and '" + ids[t] + "' is not one";
    }
    return null;
  }

  private boolean cannotAct(int p) {
    return p < 0 || kind[p] == AU || (kind[p] == USER && has(p, DELETED | DISABLED));
  }

  /**
   * The users the admin-center user list shows a principal ({@code cli.md} rule 10).
   *
   * @param principalId the principal
   * @return the user ids, in directory order
   */
  public List<UserId> visibleUsers(String principalId) {
    int pr = table.find(principalId);
    int p = pr < 0 ? -1 : table.object(pr);
    if (cannotAct(p)) {
      return List.of();
    }
    BitSet aus = new BitSet();
    for (int e = table.entries(pr); e < table.entriesEnd(pr); e += ObjectTable.ENTRY) {
      if (table.scope(e) == SCOPE_TENANT && roleManagesUsers[table.role(e)]) {
        List<UserId> all = new ArrayList<>(liveUsers.length);
        for (int u : liveUsers) {
          all.add(user(u).id());
        }
        return all;
      }
      if (table.scope(e) == SCOPE_AU && (!guestOrApp(p) || has(p, TENANT_DIRECTORY_READ))) {
        aus.set(table.ref(e));
      }
    }
    BitSet seen = new BitSet();
    for (int au = aus.nextSetBit(0); au >= 0; au = aus.nextSetBit(au + 1)) {
      for (int k = auMembersAt[au]; k < auMembersAt[au + 1]; k++) {
        int m = auMembers[k];
        if (kind[m] == USER && !has(m, DELETED)) {
          seen.set(m);
        }
      }
    }
    List<UserId> out = new ArrayList<>(seen.cardinality());
    for (int u = seen.nextSetBit(0); u >= 0; u = seen.nextSetBit(u + 1)) {
      out.add(user(u).id());
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
   * @param permission the action
   * @return the user ids, in directory order
   */
  public List<UserId> manageableUsers(String principalId, Permission permission) {
    int pr = table.find(principalId);
    if (pr < 0) {
      return List.of();
    }
    Action action = action(permission);
    BitSet candidates = new BitSet();
    // Guest invitation may be allowed by policy rather than by a role: consider everyone.
    boolean everyone = action.inviteGuest;
    for (int e = table.entries(pr); !everyone && e < table.entriesEnd(pr); e += ObjectTable.ENTRY) {
      if (!action.grantedBy(table.role(e))) {
        continue;
      }
      int ref = table.ref(e);
      if (table.scope(e) == SCOPE_TENANT) {
        everyone = true;
      } else if (table.scope(e) == SCOPE_AU && action.standardRead) {
        everyone = true; // 9.4: such a read is not contained by the AU (see scopeCode)
      } else if (table.scope(e) == SCOPE_AU) {
        for (int j = auMembersAt[ref]; j < auMembersAt[ref + 1]; j++) {
          if (kind[auMembers[j]] == USER) {
            candidates.set(auMembers[j]);
          }
        }
      } else if (ref >= 0 && kind[ref] == USER) {
        candidates.set(ref);
      }
    }
    List<UserId> out = new ArrayList<>();
    if (everyone) {
      candidates.set(0, users.size());
    }
    for (int u = candidates.nextSetBit(0); u >= 0; u = candidates.nextSetBit(u + 1)) {
      if (kind[u] == USER && decide(pr, action, u, null).allowed()) {
        out.add(user(u).id());
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
    int pr = table.find(principalId);
    if (pr < 0 || (table.kind(pr) == USER && (table.flags(pr) & DELETED) != 0)) {
      return ReportAccess.NONE;
    }
    ReportAccess best = ReportAccess.NONE;
    for (int e = table.entries(pr); e < table.entriesEnd(pr); e += ObjectTable.ENTRY) {
      if (table.scope(e) == SCOPE_TENANT) {
        best = best.max(BuiltInRoles.reportAccess(roles[table.role(e)].id()));
      }
    }
    return best;
  }

  /**
   * The role assignments in effect for a principal: its own and those of the role-assignable groups
   * it belongs to, in the order of {@link Directory#assignments()}.
   *
   * @param principalId the principal
   * @return the assignments; empty for a principal not in the tenant
   */
  public List<RoleAssignment> effectiveAssignments(String principalId) {
    int pr = table.find(principalId);
    if (pr < 0) {
      return List.of();
    }
    List<RoleAssignment> out = new ArrayList<>();
    for (int e = table.entries(pr); e < table.entriesEnd(pr); e += ObjectTable.ENTRY) {
      out.add(assignment(table.assignment(e)));
    }
    return List.copyOf(out);
  }

  /**
   * The admin-center areas a principal may open (see {@link AdminCenterArea}).
   *
   * @param principalId the principal
   * @return the areas, in enum order
   */
  public java.util.EnumSet<AdminCenterArea> adminCenterAreas(String principalId) {
    java.util.EnumSet<AdminCenterArea> out = java.util.EnumSet.noneOf(AdminCenterArea.class);
    int pr = table.find(principalId);
    int p = pr < 0 ? -1 : table.object(pr);
    if (cannotAct(p)) {
      return out;
    }
    for (int e = table.entries(pr); e < table.entriesEnd(pr); e += ObjectTable.ENTRY) {
      boolean tenantWide = table.scope(e) == SCOPE_TENANT;
      if (table.scope(e) == SCOPE_AU && guestOrApp(p) && !has(p, TENANT_DIRECTORY_READ)) {
        continue;
      }
      for (Permission perm : roles[table.role(e)].permissions()) {
        for (AdminCenterArea area : AdminCenterArea.values()) {
          boolean scopedOk = tenantWide || area == AdminCenterArea.USERS || area == AdminCenterArea.GROUPS;
          if (scopedOk && area.openedBy(perm)) {
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
      User u = user(table.object(table.find(id.value())));
      out.add(new UserListing(u.id(), u.userPrincipalName(), u.type()));
    }
    return out;
  }
}
