package io.tenantry.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.groups.spi.DirectoryLookup;
import io.tenantry.groups.spi.GroupAuthorizer;
import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.groups.spi.GroupStore;
import io.tenantry.groups.spi.InMemoryDirectoryLookup;
import io.tenantry.groups.spi.InMemoryGroupSettingsStore;
import io.tenantry.groups.spi.InMemoryGroupStore;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The management API of groups: create, rename, add members and owners, delete, restore, purge,
 * renew, and the checks behind them (creation restriction and quota, naming policy, guest settings
 * and domains, restore conflicts, the distribution-list upgrade check). Every call takes the tenant
 * and the acting user, reads and writes that tenant only, and is audited.
 *
 * <h2>Who may act</h2>
 * Creation follows §3.7 ({@link #canCreate}). Every other action is decided by the host's {@link
 * GroupAuthorizer}, except that owners may rename, change members of, delete, restore and renew the
 * groups they own (§3.1, §3.3). A denial throws {@link AccessDeniedException} and is audited as a
 * failure; a failing authorizer port denies (its exception escapes, nothing changes).
 *
 * <p>Days are UTC days of the injected clock. Thread-safe when its ports are. Every change of a
 * group is written with {@link GroupStore#replace} over the state it was computed from, so of two
 * concurrent changes of one group (a renewal racing a deletion) the later is refused with a {@link
 * ConflictException} of kind {@code STALE_VERSION} instead of silently undoing the earlier; the
 * caller reads again and decides. A policy change recomputes a group again when it raced.
 */
public final class GroupService {
  /** The most objects a non-admin user may create (§3.7). */
  public static final int NON_ADMIN_OBJECT_QUOTA = 250;

  private final GroupStore store;
  private final GroupSettingsStore settings;
  private final DirectoryLookup directory;
  private final GroupAuthorizer authorizer;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final InstantSource clock;

  private GroupService(Builder b) {
    this.store = b.store;
    this.settings = b.settings;
    this.directory = b.directory;
    this.authorizer = b.authorizer;
    this.audit = b.audit;
    this.ids = b.ids;
    this.clock = b.clock;
  }

  /**
   * Starts a builder with safe defaults: in-memory ports, an authorizer that denies everything, the
   * system clock and random ids.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GroupService}; not thread-safe. */
  public static final class Builder {
    private GroupStore store = new InMemoryGroupStore();
    private GroupSettingsStore settings = new InMemoryGroupSettingsStore();
    private DirectoryLookup directory = new InMemoryDirectoryLookup();
    private GroupAuthorizer authorizer = GroupAuthorizer.denyAll();
    private AuditLog audit = new InMemoryAuditLog();
    private IdGenerator ids = IdGenerator.random();
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /**
     * Sets the group store.
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(GroupStore value) {
      store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * Sets the settings store.
     *
     * @param value the store
     * @return this builder
     */
    public Builder settings(GroupSettingsStore value) {
      settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /**
     * Sets the directory lookup.
     *
     * @param value the lookup
     * @return this builder
     */
    public Builder directory(DirectoryLookup value) {
      directory = Objects.requireNonNull(value, "directory");
      return this;
    }

    /**
     * Sets the authorizer (wire identity's Authorizer here).
     *
     * @param value the authorizer
     * @return this builder
     */
    public Builder authorizer(GroupAuthorizer value) {
      authorizer = Objects.requireNonNull(value, "authorizer");
      return this;
    }

    /**
     * Sets the audit log.
     *
     * @param value the log
     * @return this builder
     */
    public Builder audit(AuditLog value) {
      audit = Objects.requireNonNull(value, "audit");
      return this;
    }

    /**
     * Sets the id generator (group ids, audit ids, address suffixes).
     *
     * @param value the generator
     * @return this builder
     */
    public Builder ids(IdGenerator value) {
      ids = Objects.requireNonNull(value, "ids");
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(InstantSource value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    public GroupService build() {
      return new GroupService(this);
    }
  }

  // ---------------------------------------------------------------- creation

  /**
   * Decides whether a user may create a group of a kind (§3.7): admins listed there always may;
   * otherwise, for Microsoft 365 groups, creation must be open or the user must be a member (nested
   * groups included) of the allowed security group; for security and distribution groups, users must
   * be allowed to create them; and a non-admin must be under the quota of 250 objects.
   *
   * @param tenant the tenant
   * @param actor the user
   * @param kind the kind of group
   * @return the decision and its reason
   */
  public CreationDecision canCreate(TenantId tenant, UserId actor, GroupKind kind) {
    Set<AdminRole> roles = directory.tenantRoles(tenant, actor);
    TenantGroupSettings s = settings.get(tenant);
    if (kind == GroupKind.MICROSOFT_365) {
      for (AdminRole r : roles) {
        if (r.keepsGroupCreation()) {
          return CreationDecision.allow("the role " + r + " keeps the ability to create groups");
        }
      }
      if (!s.enableGroupCreation()) {
        GroupId allowed = s.groupCreationAllowedGroupId();
        if (allowed == null) {
          return CreationDecision.deny("Microsoft 365 group creation is restricted to admins");
        }
        GroupState g = store.find(tenant, allowed).orElse(null);
        if (g == null || !g.isLive() || g.group().kind() != GroupKind.SECURITY) {
          return CreationDecision.deny("the group allowed to create groups ('" + allowed
              + "') is not a live security group");
        }
        if (!isTransitiveMember(tenant, allowed, actor)) {
          return CreationDecision.deny("'" + actor + "' is not a member of the group allowed to"
              + " create groups ('" + allowed + "'), directly or through a nested group");
        }
      }
    } else if (roles.isEmpty() && !s.usersCanCreateSecurityGroups()) {
      return CreationDecision.deny("users may not create " + kind.fileName() + " groups");
    }
    if (roles.isEmpty()) {
      int count = directory.createdObjectCount(tenant, actor);
      if (count >= NON_ADMIN_OBJECT_QUOTA) {
        return CreationDecision.deny("'" + actor + "' has created " + count + " objects; a"
            + " non-admin user may create at most " + NON_ADMIN_OBJECT_QUOTA);
      }
      return CreationDecision.allow("creation is open to '" + actor + "' (" + count + " of "
          + NON_ADMIN_OBJECT_QUOTA + " objects)");
    }
    return CreationDecision.allow("admin roles " + roles + " are not subject to the quota");
  }

  /**
   * Tells whether a user is a member of a group directly or through nested live groups.
   *
   * @param tenant the tenant
   * @param group the group
   * @param user the user
   * @return true when a member
   */
  public boolean isTransitiveMember(TenantId tenant, GroupId group, UserId user) {
    Deque<GroupId> todo = new ArrayDeque<>(List.of(group));
    Set<GroupId> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      GroupId id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      GroupState s = store.find(tenant, id).orElse(null);
      if (s == null || !s.isLive()) {
        continue;
      }
      if (s.group().members().stream().anyMatch(m -> m.user().equals(user))) {
        return true;
      }
      todo.addAll(s.group().memberGroups());
    }
    return false;
  }

  /**
   * Creates a group: checks {@link #canCreate}, applies the naming policy to a Microsoft 365
   * group's names (Global and User Administrators are exempt), checks the guest settings and the
   * guest domain policy, and refuses an alias already in use. The group gets a new id, today as its
   * creation day and, when the expiration policy manages it, its expiration day.
   *
   * @param tenant the tenant
   * @param actor who creates it
   * @param request the group
   * @return the new group's state
   * @throws AccessDeniedException if the user may not create the group
   * @throws ValidationException listing every problem (naming policy, guests)
   * @throws ConflictException of kind {@code MAIL_NICKNAME} if the alias is in use, {@code
   *     STALE_VERSION} if the generated id is already taken (nothing is overwritten)
   */
  public GroupState create(TenantId tenant, UserId actor, NewGroup request) {
    CreationDecision decision = canCreate(tenant, actor, request.kind());
    if (!decision.allowed()) {
      deny(tenant, actor, "GroupCreated", null, decision.reason());
    }
    TenantGroupSettings s = settings.get(tenant);
    boolean admin = !directory.tenantRoles(tenant, actor).isEmpty();
    AppliedName names = names(tenant, actor, s, request.kind(), request.displayName());
    Problems problems = new Problems();
    Set<UserId> guests = new HashSet<>();
    for (int i = 0; i < request.members().size(); i++) {
      GroupMember m = request.members().get(i);
      if (m.guest()) {
        guests.add(m.user());
        guestProblem(s, admin, s.allowToAddGuests(), m.user(), "members[" + i + "]", problems);
      }
    }
    for (int i = 0; i < request.owners().size(); i++) {
      if (guests.contains(request.owners().get(i)) && !s.allowGuestsToBeGroupOwner()) {
        problems.add("owners[" + i + "]", "guests may not be group owners"
            + " (AllowGuestsToBeGroupOwner is false)", request.owners().get(i));
      }
    }
    problems.throwIfAny();
    requireFreeAlias(tenant, names.mailNickname(), null);
    LocalDate today = today();
    GroupId id = GroupId.of(ids.newId());
    List<String> addresses = request.kind() == GroupKind.SECURITY ? List.of()
        : List.of("SMTP:" + names.mailNickname() + "@" + s.mailDomain());
    Group g = new Group(id, names.displayName(), names.mailNickname(), request.kind(), today,
        request.owners(), request.members(), request.memberGroups(), addresses,
        GuestSetting.INHERIT);
    LocalDate e = s.expirationSetting().filter(x -> x.policy().manages(g))
        .map(x -> x.policy().initialExpiration(g, x.enabledOn())).orElse(null);
    GroupState state = new GroupState(g, new LifecycleStatus.Active(today, e));
    store.replace(tenant, null, state);
    record(tenant, actor, "GroupCreated", id, AuditResult.SUCCESS,
        Map.of("kind", g.kind().fileName(), "displayName", g.displayName()));
    return state;
  }

  // ---------------------------------------------------------------- editing

  /**
   * Renames a group; the naming policy applies to every edit of a Microsoft 365 group, even when
   * the name is unchanged.
   *
   * @param tenant the tenant
   * @param actor who renames it (an owner, or as the authorizer allows)
   * @param id the group
   * @param newDisplayName the name the user typed
   * @return the new state
   * @throws NotFoundException if there is no live group with that id
   * @throws AccessDeniedException if the actor may not change the group
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   * @throws ValidationException if the name breaks the naming policy
   * @throws ConflictException of kind {@code MAIL_NICKNAME} if the new alias is in use
   */
  public GroupState rename(TenantId tenant, UserId actor, GroupId id, String newDisplayName) {
    GroupState s = live(tenant, id);
    authorize(tenant, actor, GroupOperation.UPDATE, s, true, "GroupRenamed");
    AppliedName names = names(tenant, actor, settings.get(tenant), s.group().kind(),
        newDisplayName);
    requireFreeAlias(tenant, names.mailNickname(), id);
    GroupState next = new GroupState(
        s.group().withNames(names.displayName(), names.mailNickname()), s.status());
    store.replace(tenant, s, next);
    record(tenant, actor, "GroupRenamed", id, AuditResult.SUCCESS,
        Map.of("displayName", names.displayName()));
    return next;
  }

  /**
   * Adds a member (a guest included) to a group. A guest needs the guest domain policy to allow
   * their domain (their user id is read as their e-mail address); a non-admin also needs the
   * tenant's and the group's guest settings to allow adding guests. Adding a member twice changes
   * nothing.
   *
   * @param tenant the tenant
   * @param actor who adds the member
   * @param id the group
   * @param member the member
   * @return the new state
   * @throws NotFoundException if there is no live group with that id
   * @throws AccessDeniedException if the actor may not change the group
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   * @throws ValidationException if the guest settings or domain policy forbid the guest
   */
  public GroupState addMember(TenantId tenant, UserId actor, GroupId id, GroupMember member) {
    GroupState s = live(tenant, id);
    authorize(tenant, actor, GroupOperation.UPDATE_MEMBERS, s, true, "MemberAdded");
    if (s.group().members().stream().anyMatch(m -> m.user().equals(member.user()))) {
      return s;
    }
    if (member.guest()) {
      TenantGroupSettings settingsOf = settings.get(tenant);
      Problems problems = new Problems();
      guestProblem(settingsOf, !directory.tenantRoles(tenant, actor).isEmpty(),
          settingsOf.nonAdminsMayAddGuests(s.group()), member.user(), "member", problems);
      problems.throwIfAny();
    }
    List<GroupMember> members = new ArrayList<>(s.group().members());
    members.add(member);
    GroupState next = new GroupState(s.group().withMembers(members), s.status());
    store.replace(tenant, s, next);
    record(tenant, actor, "MemberAdded", id, AuditResult.SUCCESS,
        Map.of("member", member.user().value(), "guest", Boolean.toString(member.guest())));
    return next;
  }

  /**
   * Makes a member of the group an owner; a guest may become an owner only when the tenant allows
   * guests as owners.
   *
   * @param tenant the tenant
   * @param actor who acts
   * @param id the group
   * @param owner the new owner (must be a member unless the group has no members listed)
   * @return the new state
   * @throws NotFoundException if there is no live group with that id
   * @throws AccessDeniedException if the actor may not change the group
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   * @throws ValidationException if the owner is a guest and guests may not be owners
   */
  public GroupState addOwner(TenantId tenant, UserId actor, GroupId id, UserId owner) {
    GroupState s = live(tenant, id);
    authorize(tenant, actor, GroupOperation.UPDATE_OWNERS, s, true, "OwnerAdded");
    if (s.group().owners().contains(owner)) {
      return s;
    }
    boolean guest = s.group().members().stream().anyMatch(m -> m.user().equals(owner) && m.guest());
    if (guest && !settings.get(tenant).allowGuestsToBeGroupOwner()) {
      throw new ValidationException(Problem.of("owner", "guests may not be group owners"
          + " (AllowGuestsToBeGroupOwner is false)", owner));
    }
    List<UserId> owners = new ArrayList<>(s.group().owners());
    owners.add(owner);
    GroupState next = new GroupState(s.group().withOwners(owners), s.status());
    store.replace(tenant, s, next);
    record(tenant, actor, "OwnerAdded", id, AuditResult.SUCCESS, Map.of("owner", owner.value()));
    return next;
  }

  /**
   * Sets a group's own guest setting ({@code Group.Unified.Guest}); only as the authorizer allows
   * (owners do not manage directory settings).
   *
   * @param tenant the tenant
   * @param actor who acts
   * @param id the group
   * @param setting the setting
   * @return the new state
   * @throws NotFoundException if there is no live group with that id
   * @throws AccessDeniedException if the authorizer denies
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   */
  public GroupState setGuestSetting(TenantId tenant, UserId actor, GroupId id,
      GuestSetting setting) {
    GroupState s = live(tenant, id);
    authorize(tenant, actor, GroupOperation.UPDATE_SETTINGS, s, false, "GroupGuestSettingChanged");
    GroupState next = new GroupState(s.group().withGuestSetting(setting), s.status());
    store.replace(tenant, s, next);
    record(tenant, actor, "GroupGuestSettingChanged", id, AuditResult.SUCCESS,
        Map.of("allowToAddGuests", setting.name()));
    return next;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Deletes a group: a Microsoft 365 group is soft-deleted (restorable for 29 more days); a security
   * or distribution group is purged at once.
   *
   * @param tenant the tenant
   * @param actor who deletes it (an owner, or as the authorizer allows)
   * @param id the group
   * @return the new state (soft-deleted, or a purged tombstone)
   * @throws NotFoundException if there is no live group with that id
   * @throws AccessDeniedException if the actor may not delete the group
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   */
  public GroupState delete(TenantId tenant, UserId actor, GroupId id) {
    GroupState s = live(tenant, id);
    authorize(tenant, actor, GroupOperation.DELETE, s, true, "GroupDeleted");
    LocalDate today = today();
    GroupState next = s.group().kind().softDeletes()
        ? s.with(new LifecycleStatus.SoftDeleted(today, DeletionReason.DELETED))
        : GroupLifecycleService.tombstoneIfPurged(s.with(new LifecycleStatus.Purged(today)));
    store.replace(tenant, s, next);
    record(tenant, actor, next.status() instanceof LifecycleStatus.Purged ? "GroupPurged"
        : "GroupDeleted", id, AuditResult.SUCCESS, Map.of("kind", s.group().kind().fileName()));
    return next;
  }

  /**
   * Restores a soft-deleted group with its id, owners, members, settings and addresses, up to its
   * deletion day + 29 (§3.3, 9.5). If an address or the alias is now used by a live object, the
   * restore fails with a {@code PROXY_ADDRESS} conflict, unless {@code autoReconcileProxyConflict}
   * strips the conflicting addresses (a stripped primary is replaced by {@code
   * <alias>-<suffix>@<mail domain>}, and a taken alias becomes {@code <alias>-<suffix>}). The
   * display name is not re-checked against the naming policy. A managed group is renewed today.
   *
   * @param tenant the tenant
   * @param actor who restores it (an owner, or as the authorizer allows)
   * @param id the group
   * @param options conflict handling
   * @return the restored state
   * @throws NotFoundException if no soft-deleted group has that id (unknown, purged, retention over)
   * @throws ConflictException of kind {@code NOT_DELETED} for a live group, {@code PROXY_ADDRESS} for
   *     an address conflict
   * @throws AccessDeniedException if the actor may not restore the group
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   */
  public GroupState restore(TenantId tenant, UserId actor, GroupId id, RestoreOptions options) {
    GroupState s = store.find(tenant, id).orElseThrow(() -> notFound(tenant, id));
    LocalDate today = today();
    if (s.isLive()) {
      throw new ConflictException("NOT_DELETED", "group '" + id + "' is not deleted");
    }
    if (!(s.status() instanceof LifecycleStatus.SoftDeleted d) || !today.isBefore(d.purgeOn())) {
      throw notFound(tenant, id);
    }
    authorize(tenant, actor, GroupOperation.RESTORE, s, true, "GroupRestored");
    TenantGroupSettings settingsOf = settings.get(tenant);
    Group g = reconcile(tenant, s.group(), options, settingsOf);
    LocalDate e = settingsOf.expirationSetting().filter(x -> x.policy().manages(g))
        .map(x -> today.plusDays(x.policy().lifetimeDays())).orElse(null);
    GroupState next = new GroupState(g, new LifecycleStatus.Active(today, e));
    store.replace(tenant, s, next);
    Map<String, String> details = new LinkedHashMap<>();
    if (e != null) {
      details.put("expiresOn", e.toString());
    }
    if (!g.equals(s.group())) {
      details.put("reconciledAddresses", String.join(";", g.proxyAddresses()));
    }
    record(tenant, actor, "GroupRestored", id, AuditResult.SUCCESS, details);
    return next;
  }

  /**
   * Purges a soft-deleted group before its 30 days are over; admins only (as the authorizer
   * allows; owners may not).
   *
   * @param tenant the tenant
   * @param actor who purges it
   * @param id the group
   * @return the tombstone
   * @throws NotFoundException if no soft-deleted group has that id
   * @throws AccessDeniedException if the authorizer denies
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   */
  public GroupState purge(TenantId tenant, UserId actor, GroupId id) {
    GroupState s = store.find(tenant, id)
        .filter(x -> x.status() instanceof LifecycleStatus.SoftDeleted)
        .orElseThrow(() -> notFound(tenant, id));
    authorize(tenant, actor, GroupOperation.PURGE, s, false, "GroupPurged");
    GroupState next = GroupLifecycleService.tombstoneIfPurged(
        s.with(new LifecycleStatus.Purged(today())));
    store.replace(tenant, s, next);
    record(tenant, actor, "GroupPurged", id, AuditResult.SUCCESS, Map.of());
    return next;
  }

  /**
   * Renews a group managed by the expiration policy: its expiration becomes today + lifetime.
   *
   * @param tenant the tenant
   * @param actor who renews it (an owner, or as the authorizer allows)
   * @param id the group
   * @return the new state
   * @throws NotFoundException if there is no live group with that id
   * @throws AccessDeniedException if the actor may not renew the group
   * @throws ConflictException of kind {@code STALE_VERSION} if the group changed since it was
   *     read (a concurrent change came first); nothing is written
   * @throws ValidationException if the expiration policy does not manage the group
   */
  public GroupState renew(TenantId tenant, UserId actor, GroupId id) {
    GroupState s = live(tenant, id);
    authorize(tenant, actor, GroupOperation.RENEW, s, true, "GroupRenewed");
    ExpirationSetting x = settings.get(tenant).expirationSetting()
        .filter(p -> p.policy().manages(s.group()))
        .orElseThrow(() -> new ValidationException(Problem.of("group", "the expiration policy"
            + " does not manage group '" + id + "'; there is nothing to renew", id)));
    LocalDate today = today();
    LocalDate e = today.plusDays(x.policy().lifetimeDays());
    GroupState next = s.with(new LifecycleStatus.Active(today, e));
    store.replace(tenant, s, next);
    record(tenant, actor, "GroupRenewed", id, AuditResult.SUCCESS,
        Map.of("reason", RenewalReason.OWNER.fileName(), "expiresOn", e.toString()));
    return next;
  }

  /**
   * Switches the tenant's expiration policy on, changes it, or (with null) switches it off, from
   * today, and recomputes every live group's expiration: managed groups expire their clock origin
   * (creation or last renewal) + the new lifetime, but never sooner than today + 35 days when the
   * origin is before today (the documented switch-on rule, applied to changes too so no group
   * loses its notices); groups the policy no longer manages stop expiring. Only as the authorizer
   * allows ({@link GroupOperation#MANAGE_POLICY}).
   *
   * @param tenant the tenant
   * @param actor who changes the policy
   * @param policy the new policy, or null to switch expiration off
   * @return the groups whose expiration changed, by id
   * @throws AccessDeniedException if the authorizer denies
   */
  public List<GroupState> setExpirationPolicy(TenantId tenant, UserId actor,
      ExpirationPolicy policy) {
    GroupAuthorizer.Verdict v = authorizer.authorize(tenant, actor, GroupOperation.MANAGE_POLICY,
        null);
    if (v == null || !v.allowed()) {
      deny(tenant, actor, "ExpirationPolicyChanged", null, v == null ? "no decision" : v.reason());
    }
    LocalDate today = today();
    ExpirationSetting setting = policy == null ? null : new ExpirationSetting(policy, today);
    settings.put(tenant, settings.get(tenant).withExpiration(setting));
    List<GroupState> changed = new ArrayList<>();
    for (GroupState listed : store.list(tenant)) {
      GroupState next = recompute(tenant, listed, policy, today);
      if (next != null) {
        changed.add(next);
      }
    }
    record(tenant, actor, "ExpirationPolicyChanged", null, AuditResult.SUCCESS, policy == null
        ? Map.of("policy", "off")
        : Map.of("lifetimeDays", Integer.toString(policy.lifetimeDays()),
            "managedGroupTypes", policy.managedGroupTypes().fileName(),
            "groupsRecomputed", Integer.toString(changed.size())));
    return changed;
  }

  /**
   * Recomputes one group's expiration under a new policy and writes it over the state it was
   * computed from; when a concurrent change (a renewal, a deletion) came first, reads the group
   * again and recomputes from that, so the change is kept.
   *
   * @return the new state, or null when the expiration did not change or the group is not live
   */
  private GroupState recompute(TenantId tenant, GroupState listed, ExpirationPolicy policy,
      LocalDate today) {
    GroupState s = listed;
    while (s != null && s.status() instanceof LifecycleStatus.Active a) {
      LocalDate e = policy != null && policy.manages(s.group())
          ? policy.expirationFrom(a.lastRenewedOn(), today) : null;
      if (Objects.equals(e, a.expiresOn())) {
        return null;
      }
      GroupState next = s.with(new LifecycleStatus.Active(a.lastRenewedOn(), e));
      try {
        store.replace(tenant, s, next);
        return next;
      } catch (ConflictException raced) {
        if (!GroupStore.STALE_STATE.equals(raced.kind())) {
          throw raced;
        }
        s = store.find(tenant, s.group().id()).orElse(null);
      }
    }
    return null;
  }

  /**
   * Checks whether a distribution list can be upgraded to a Microsoft 365 group.
   *
   * @param tenant the tenant
   * @param id the group
   * @return the verdict with every reason it cannot
   * @throws NotFoundException if there is no live group with that id
   */
  public DistributionListUpgrade checkUpgrade(TenantId tenant, GroupId id) {
    GroupState s = live(tenant, id);
    boolean nestedInAnother = store.list(tenant).stream().filter(GroupState::isLive)
        .anyMatch(o -> o.group().memberGroups().contains(id));
    return DistributionListUpgrade.check(s.group(), nestedInAnother);
  }

  // ---------------------------------------------------------------- helpers

  private Group reconcile(TenantId tenant, Group g, RestoreOptions options,
      TenantGroupSettings s) {
    List<String> conflicts = new ArrayList<>();
    boolean aliasTaken = addressTaken(tenant, g.mailNickname(), g.id());
    if (aliasTaken) {
      conflicts.add(g.mailNickname());
    }
    for (String a : g.proxyAddresses()) {
      if (addressTaken(tenant, bare(a), g.id())) {
        conflicts.add(a);
      }
    }
    if (conflicts.isEmpty()) {
      return g;
    }
    if (!options.autoReconcileProxyConflict()) {
      throw new ConflictException("PROXY_ADDRESS", "group '" + g.id() + "' cannot be restored:"
          + " its addresses " + conflicts + " are now used by another object; restore with"
          + " autoReconcileProxyConflict to drop them");
    }
    List<String> kept = new ArrayList<>();
    boolean primaryDropped = false;
    for (String a : g.proxyAddresses()) {
      if (conflicts.contains(a)) {
        primaryDropped |= a.startsWith("SMTP:");
      } else {
        kept.add(a);
      }
    }
    String alias = g.mailNickname();
    if (aliasTaken || primaryDropped) {
      String fresh = g.mailNickname() + "-" + NamingPolicy.toAlias(ids.newId()).replace("-", "")
          .substring(0, 8).toLowerCase(Locale.ROOT);
      if (aliasTaken) {
        alias = fresh;
      }
      if (primaryDropped) {
        kept.add(0, "SMTP:" + fresh + "@" + s.mailDomain());
      }
    }
    return g.withNames(g.displayName(), alias).withProxyAddresses(kept);
  }

  private boolean addressTaken(TenantId tenant, String address, GroupId except) {
    if (directory.addressInUse(tenant, address)) {
      return true;
    }
    String a = address.toLowerCase(Locale.ROOT);
    for (GroupState o : store.list(tenant)) {
      if (!o.isLive() || o.group().id().equals(except)) {
        continue;
      }
      if (o.group().mailNickname().equalsIgnoreCase(a)
          || o.group().proxyAddresses().stream().anyMatch(p -> bare(p).equalsIgnoreCase(a))) {
        return true;
      }
    }
    return false;
  }

  private static String bare(String proxyAddress) {
    return proxyAddress.regionMatches(true, 0, "smtp:", 0, 5) ? proxyAddress.substring(5)
        : proxyAddress;
  }

  private void requireFreeAlias(TenantId tenant, String alias, GroupId self) {
    if (!alias.isEmpty() && addressTaken(tenant, alias, self)) {
      throw new ConflictException("MAIL_NICKNAME", "the alias '" + alias
          + "' is already used by another object in tenant '" + tenant + "'");
    }
  }

  private AppliedName names(TenantId tenant, UserId actor, TenantGroupSettings s, GroupKind kind,
      String displayName) {
    if (kind != GroupKind.MICROSOFT_365) {
      if (displayName.isBlank()) {
        throw new ValidationException(Problem.of("displayName", "must not be blank", displayName));
      }
      return new AppliedName(displayName, NamingPolicy.toAlias(displayName));
    }
    boolean exempt = directory.tenantRoles(tenant, actor).stream()
        .anyMatch(AdminRole::exemptFromNamingPolicy);
    return s.namingPolicy().apply(displayName, directory.attributes(tenant, actor), exempt);
  }

  private static void guestProblem(TenantGroupSettings s, boolean admin, boolean nonAdminsMay,
      UserId guest, String path, Problems problems) {
    if (!admin && !nonAdminsMay) {
      problems.add(path, "guests may not be added by non-admin users (AllowToAddGuests is"
          + " false)", guest);
    }
    if (guest.value().contains("@") && !s.guestDomains().allows(guest.value())) {
      problems.add(path, "the guest's domain is not allowed by the tenant's guest domain policy",
          guest);
    }
  }

  private GroupState live(TenantId tenant, GroupId id) {
    return store.find(tenant, id).filter(GroupState::isLive)
        .orElseThrow(() -> notFound(tenant, id));
  }

  private static NotFoundException notFound(TenantId tenant, GroupId id) {
    return new NotFoundException("group '" + id + "' not found in tenant '" + tenant + "'");
  }

  private void authorize(TenantId tenant, UserId actor, GroupOperation op, GroupState s,
      boolean ownerMay, String activity) {
    if (ownerMay && s.group().owners().contains(actor)) {
      return;
    }
    GroupAuthorizer.Verdict v = authorizer.authorize(tenant, actor, op, s.group().id());
    if (v == null || !v.allowed()) {
      deny(tenant, actor, activity, s.group().id(), v == null ? "no decision" : v.reason());
    }
  }

  private void deny(TenantId tenant, UserId actor, String activity, GroupId target,
      String reason) {
    record(tenant, actor, activity, target, AuditResult.FAILURE, Map.of("denied", reason));
    throw new AccessDeniedException("'" + actor + "' may not do " + activity
        + (target == null ? "" : " on group '" + target + "'") + " in tenant '" + tenant + "': "
        + reason);
  }

  private void record(TenantId tenant, UserId actor, String activity, GroupId target,
      AuditResult result, Map<String, String> details) {
    audit.append(new AuditRecord(ids.newId(), tenant, clock.instant(), actor.value(), activity,
        target == null ? null : target.value(), result, details));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
