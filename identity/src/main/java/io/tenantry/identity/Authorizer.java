package io.tenantry.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.TenantryException;
import io.tenantry.identity.internal.ActionCatalog;
import io.tenantry.identity.internal.CompiledDirectory;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.identity.spi.InMemoryDirectoryStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decides whether a principal may perform an action on a target in one tenant, the way Entra ID
 * does ({@code directory-semantics.md} §1–2, §4.1 and {@code cli.md} "authz test").
 *
 * <p>Rules, in the order they are applied:
 * <ol>
 *   <li>A principal or target that is not in the tenant is denied (tenant isolation); so is a
 *       soft-deleted principal, and a soft-deleted target for anything but restore and permanent
 *       delete.</li>
 *   <li>Guest invitation ({@code users/inviteGuest}) follows {@code allowInvitesFrom} first.</li>
 *   <li>An assignment (direct, or of a role-assignable group the principal is a direct member of)
 *       allows the action when its role grants it ({@link Permission#grants}) and its scope covers
 *       the target: {@code /} covers everything; {@code /administrativeUnits/X} covers X's direct
 *       members (and X itself for a create action); {@code /{id}} covers that object. A tenant-level
 *       action (no target) needs a tenant-scoped assignment. Guests and service principals use
 *       AU-scoped assignments only with a tenant-scoped directory-read role.</li>
 *   <li>For a write on a target: a member of a restricted management AU is writable (by
 *       {@code microsoft.directory} actions) only through an assignment scoped to a restricted AU
 *       that contains it; an AU-scoped assignment never writes
 *       on a target that holds an admin role; password, authentication-method and sensitive actions
 *       follow {@link AntiEscalation}; writes on role-assignable groups need the
 *       {@code groupsAssignableToRoles} action.</li>
 * </ol>
 *
 * <p>Each tenant's directory is read through a {@link DirectoryStore} and compiled into an immutable
 * snapshot (interned ids, AU membership as sorted int arrays, role bitsets per action), cached per
 * tenant with Caffeine together with the version it was compiled from and the store's
 * {@link DirectoryStore#versionProbe version probe} for the tenant; every check reads the current
 * version through the probe (exactly what {@link DirectoryStore#version} answers, with no lookup
 * when the store overrides the probe), and a check whose store version differs compiles a new
 * snapshot, which replaces the old one atomically. If the store fails, the check is denied (fail
 * closed). Thread-safe.
 */
public final class Authorizer {
  private final DirectoryStore store;
  private final Cache<TenantId, CompiledDirectory> snapshots;
  /**
   * The front of the snapshot cache: a subset of its entries in sets of {@link #WAYS} slots picked
   * by the tenant's hash, read on every check without touching Caffeine's map or its read buffer.
   * It never keeps a snapshot the cache no longer holds (eviction clears it; a write rechecks).
   */
  private final AtomicReferenceArray<CompiledDirectory> front;
  /** The ids of the actions checked, shared by every tenant's snapshot (it holds no tenant data). */
  private final ActionCatalog actions = new ActionCatalog();

  /** Slots per set of {@link #front} (16 bytes of references: one cache line). */
  private static final int WAYS = 4;
  /** One front hit in this many also reads through Caffeine, so its eviction policy sees the use. */
  private static final int RECORD_ONE_IN = 64;

  private Authorizer(DirectoryStore store, long maxSnapshots) {
    this.store = Objects.requireNonNull(store, "store");
    int slots = Math.max(64, Integer.highestOneBit((int) Math.min(maxSnapshots, 1 << 16)) * 4);
    this.front = new AtomicReferenceArray<>(slots);
    this.snapshots = Caffeine.newBuilder().maximumSize(maxSnapshots)
        .<TenantId, CompiledDirectory>evictionListener((tenant, evicted, cause) -> forget(evicted))
        .build();
  }

  /**
   * Creates an Authorizer over a directory store, caching up to 1,024 tenant snapshots.
   *
   * @param store the store
   * @return the Authorizer
   */
  public static Authorizer over(DirectoryStore store) {
    return new Authorizer(store, 1024);
  }

  /**
   * Creates an Authorizer over a directory store with a given snapshot cache size.
   *
   * @param store the store
   * @param maxSnapshots how many tenant snapshots to keep
   * @return the Authorizer
   * @throws IllegalArgumentException if {@code maxSnapshots} is below 1
   */
  public static Authorizer over(DirectoryStore store, long maxSnapshots) {
    if (maxSnapshots < 1) {
      throw new IllegalArgumentException("maxSnapshots must be at least 1, got " + maxSnapshots);
    }
    return new Authorizer(store, maxSnapshots);
  }

  /**
   * Creates an Authorizer over fixed directories (one per tenant) held in memory.
   *
   * @param directories the directories
   * @return the Authorizer
   */
  public static Authorizer of(Directory... directories) {
    InMemoryDirectoryStore s = new InMemoryDirectoryStore();
    for (Directory d : directories) {
      s.put(d);
    }
    return over(s);
  }

  /**
   * Decides a check.
   *
   * @param tenant the tenant the check happens in
   * @param principalId the acting user, group or service principal
   * @param action the requested action
   * @param targetId the target object, or null for a tenant-level action
   * @return allow or deny, with the reason and the deciding assignment
   */
  public Decision authorize(TenantId tenant, String principalId, Permission action, String targetId) {
    return decide(tenant, principalId, action, targetId, false);
  }

  /**
   * Decides a check given as a permission string.
   *
   * @param tenant the tenant
   * @param principalId the acting principal
   * @param action the permission string
   * @param targetId the target, or null
   * @return the decision
   * @throws io.tenantry.core.error.ValidationException if the action is outside the grammar
   */
  public Decision authorize(TenantId tenant, String principalId, String action, String targetId) {
    return authorize(tenant, principalId, Permission.parse(action), targetId);
  }

  /**
   * Whether a check is allowed: always {@code authorize(tenant, principalId, action,
   * targetId).allowed()}, answered without making a {@link Decision}. For a hot path that needs only
   * the answer (a request filter, a UI that hides what it may not offer): a warm tenant-level check
   * then reads the principal's record and nothing else of it, which over many large tenants is
   * several cache misses fewer. Call {@link #authorize} or {@link #explain} for the reason.
   *
   * @param tenant the tenant the check happens in
   * @param principalId the acting user, group or service principal
   * @param action the requested action
   * @param targetId the target object, or null for a tenant-level action
   * @return whether the action is allowed; false when the tenant has no directory or its store
   *     fails (fail closed)
   * @throws NullPointerException if {@code tenant} or {@code action} is null
   */
  public boolean allows(TenantId tenant, String principalId, Permission action, String targetId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(action, "action");
    CompiledDirectory s;
    try {
      s = current(tenant);
    } catch (RuntimeException e) {
      return false;
    }
    return s != null && s.allows(principalId, action, targetId);
  }

  /**
   * Decides a check and records every step of the reasoning in {@link Decision#steps()}.
   *
   * @param tenant the tenant
   * @param principalId the acting principal
   * @param action the requested action
   * @param targetId the target, or null
   * @return the decision with its steps
   */
  public Decision explain(TenantId tenant, String principalId, Permission action, String targetId) {
    return decide(tenant, principalId, action, targetId, true);
  }

  /**
   * The users the admin-center user list shows a principal ({@code cli.md} rule 10): every live
   * user (guests included) for a tenant-scoped role that manages users; the live direct members of
   * its AUs for AU-scoped admins; nobody otherwise.
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @return the user ids in directory order; empty when the principal is not in the tenant
   */
  public List<UserId> visibleUsers(TenantId tenant, String principalId) {
    return snapshot(tenant).map(s -> s.visibleUsers(principalId)).orElse(List.of());
  }

  /**
   * The reverse query: the users on which the principal may perform the action, in time
   * proportional to the candidates its assignments' scopes name.
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @param action the action, e.g. {@code microsoft.directory/users/password/update}
   * @return the user ids in directory order
   */
  public List<UserId> manageableUsers(TenantId tenant, String principalId, Permission action) {
    return snapshot(tenant).map(s -> s.manageableUsers(principalId, action)).orElse(List.of());
  }

  /**
   * The admin-center user list with each user's UPN and type, guests marked as guests.
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @return the rows, in directory order
   */
  public List<UserListing> userList(TenantId tenant, String principalId) {
    return snapshot(tenant).map(s -> s.userList(principalId)).orElse(List.of());
  }

  /**
   * One view of the admin-center user list (9.8): {@link UserType#MEMBER} for "Active users",
   * {@link UserType#GUEST} for "Guest users" (§4.6). The two views together are {@link #userList}.
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @param type the user type the view shows
   * @return the rows of that type, in directory order
   * @throws NullPointerException if {@code type} is null
   */
  public List<UserListing> userList(TenantId tenant, String principalId, UserType type) {
    Objects.requireNonNull(type, "type");
    return userList(tenant, principalId).stream().filter(l -> l.type() == type).toList();
  }

  /**
   * The admin-center areas the principal may open ({@link AdminCenterArea}).
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @return the areas; empty for a principal not in the tenant
   */
  public java.util.Set<AdminCenterArea> adminCenterAreas(TenantId tenant, String principalId) {
    return snapshot(tenant).<java.util.Set<AdminCenterArea>>map(s -> java.util.Collections.unmodifiableSet(
        s.adminCenterAreas(principalId))).orElse(java.util.Set.of());
  }

  /**
   * The role assignments in effect for a principal: those naming it and those of the
   * role-assignable groups it is a member of, at every scope. A principal with none holds no admin
   * role.
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @return the assignments, in directory order; empty for a principal not in the tenant or a
   *     tenant without a directory
   * @throws NullPointerException if {@code tenant} is null
   */
  public List<RoleAssignment> effectiveAssignments(TenantId tenant, String principalId) {
    Objects.requireNonNull(tenant, "tenant");
    return snapshot(tenant).map(s -> s.effectiveAssignments(principalId)).orElse(List.of());
  }

  /**
   * How much usage-report data the principal may read ({@code graph-reports.md} §2.1), from its
   * tenant-scoped roles.
   *
   * @param tenant the tenant
   * @param principalId the principal
   * @return the access level; {@link ReportAccess#NONE} for a principal not in the tenant
   */
  public ReportAccess reportAccess(TenantId tenant, String principalId) {
    return snapshot(tenant).map(s -> s.reportAccess(principalId)).orElse(ReportAccess.NONE);
  }

  private Decision decide(TenantId tenant, String principalId, Permission action, String targetId,
      boolean explain) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(action, "action");
    CompiledDirectory s;
    try {
      s = current(tenant);
    } catch (RuntimeException e) {
      Decision d = Decision.deny("the directory of tenant " + tenant + " is unavailable: " + e.getMessage());
      return explain ? d.withSteps(List.of("deny: " + d.reason())) : d;
    }
    if (s == null) {
      Decision d = Decision.deny("tenant " + tenant + " has no directory");
      return explain ? d.withSteps(List.of("deny: " + d.reason())) : d;
    }
    return s.decide(principalId, action, targetId, explain);
  }

  private Optional<CompiledDirectory> snapshot(TenantId tenant) {
    return Optional.ofNullable(current(tenant));
  }

  /** The first slot of the tenant's set in {@link #front}. */
  private int setOf(TenantId tenant) {
    return setOf(tenant.hashCode());
  }

  /** The first slot of the set of the tenant of a hash code in {@link #front}. */
  private int setOf(int hash) {
    int h = hash * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (front.length() - 1) & -WAYS;
  }

  /** The snapshot of the tenant's current version, or null when the tenant has no directory. */
  private CompiledDirectory current(TenantId tenant) {
    int hash = tenant.hashCode();
    int set = setOf(hash);
    for (int i = set; i < set + WAYS; i++) {
      CompiledDirectory s = front.get(i);
      if (s != null && s.isOf(tenant, hash)) {
        if (s.probe().current() != s.version()) {
          break;
        }
        if ((ThreadLocalRandom.current().nextInt() & (RECORD_ONE_IN - 1)) == 0) {
          snapshots.getIfPresent(tenant);
        }
        return s;
      }
    }
    CompiledDirectory current = load(tenant);
    remember(tenant, set, current);
    return current;
  }

  /**
   * Puts the tenant's snapshot (or, for null, no snapshot) into its set of the front: into the
   * tenant's slot, else an empty one, else one picked by the tenant's hash; other slots of the
   * tenant are emptied.
   */
  private void remember(TenantId tenant, int set, CompiledDirectory current) {
    int same = -1;
    int empty = -1;
    for (int i = set; i < set + WAYS; i++) {
      CompiledDirectory s = front.get(i);
      if (s == null) {
        empty = empty < 0 ? i : empty;
      } else if (s.tenant().equals(tenant)) {
        if (same < 0 && current != null) {
          same = i;
        } else {
          front.compareAndSet(i, s, null);
        }
      }
    }
    if (current == null) {
      return;
    }
    int target = same >= 0 ? same : empty >= 0 ? empty : set + (tenant.hashCode() >>> 28 & (WAYS - 1));
    front.set(target, current);
    // Evicted or replaced meanwhile: eviction clears what it finds, so drop what it may have missed.
    if (snapshots.policy().getIfPresentQuietly(tenant) != current) {
      front.compareAndSet(target, current, null);
    }
  }

  /** Drops an evicted snapshot from the front. */
  private void forget(CompiledDirectory evicted) {
    int set = setOf(evicted.tenant());
    for (int i = set; i < set + WAYS; i++) {
      front.compareAndSet(i, evicted, null);
    }
  }

  /** The snapshot of the tenant's current version from the cache, compiled if needed; or null. */
  private CompiledDirectory load(TenantId tenant) {
    CompiledDirectory hit = snapshots.getIfPresent(tenant);
    long want;
    if (hit != null) {
      want = hit.probe().current();
      if (want == hit.version()) {
        return hit;
      }
      if (want == DirectoryStore.NO_DIRECTORY) {
        return null;
      }
    } else {
      OptionalLong v = store.version(tenant);
      if (v.isEmpty()) {
        return null;
      }
      want = v.getAsLong();
    }
    // One compile per version: threads that miss together wait for the first one's snapshot, and
    // each compile loads what the store holds at that moment, so an older snapshot never replaces
    // a newer one.
    return snapshots.asMap().compute(tenant, (t, old) -> {
      if (old != null && old.version() == want) {
        return old;
      }
      Optional<DirectoryStore.Versioned> loaded = store.load(tenant);
      if (loaded.isEmpty()) {
        return null;
      }
      DirectoryStore.Versioned ver = loaded.get();
      if (!ver.directory().tenant().equals(tenant)) {
        throw new TenantryException("the directory store returned tenant "
            + ver.directory().tenant() + " for tenant " + tenant);
      }
      return CompiledDirectory.compile(ver.directory(), ver.version(), actions, store.versionProbe(tenant));
    });
  }
}
