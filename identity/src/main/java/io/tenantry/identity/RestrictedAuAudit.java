package io.tenantry.identity;

import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directory audit records of administrative-unit management that {@code directory-semantics.md}
 * §1.7 documents, derived from two versions of one tenant's directory (the host calls it when it
 * stores a new version, with the admin who made the change):
 * <ul>
 *   <li>{@value #ADD_AU} for every AU of the new version that the old one lacks (category
 *       AdministrativeUnit, detail {@code IsMemberManagementRestricted} true or false);</li>
 *   <li>{@value #ADD_MEMBER} / {@value #REMOVE_MEMBER} for every direct member (user or group)
 *       that joins or leaves a restricted management AU (target: the member; detail
 *       {@code administrativeUnit}). A dynamic AU's members are its rule's matches;</li>
 *   <li>{@value #ADD_ROLE_MEMBER} / {@value #REMOVE_ROLE_MEMBER} for every role assignment scoped to
 *       a restricted management AU that appears or disappears (category RoleManagement, target: the
 *       principal; details {@code role} and {@code administrativeUnit}).</li>
 * </ul>
 * A member or assignment counts for the version in which the AU is restricted: additions are read
 * against the new version's AUs, removals against the old one's. An AU deleted between the versions
 * yields no member removals (its members did not leave it; the AU went away). Records come in the
 * order above, each group in directory order, so the output is deterministic.
 */
public final class RestrictedAuAudit {
  /** Activity: an administrative unit was created. */
  public static final String ADD_AU = "Add administrative unit";
  /** Activity: a member joined a restricted management AU. */
  public static final String ADD_MEMBER = "Add member to restricted management administrative unit";
  /** Activity: a member left a restricted management AU. */
  public static final String REMOVE_MEMBER = "Remove member from restricted management administrative unit";
  /** Activity: a role assignment scoped to a restricted management AU was added. */
  public static final String ADD_ROLE_MEMBER =
      "Add member to role scoped over Restricted Management Administrative Unit";
  /** Activity: a role assignment scoped to a restricted management AU was removed. */
  public static final String REMOVE_ROLE_MEMBER =
      "Remove member from role scoped over Restricted Management Administrative Unit";

  private RestrictedAuAudit() {}

  /**
   * Derives the records of a change.
   *
   * @param before the previous version, or null when the tenant had no directory
   * @param after the new version
   * @param actor who made the change (not blank)
   * @param clock the time recorded
   * @param ids the source of record ids
   * @return the records, possibly empty
   * @throws IllegalArgumentException if the versions belong to different tenants or the actor is
   *     blank
   * @throws NullPointerException if {@code after}, {@code clock} or {@code ids} is null
   */
  public static List<AuditRecord> between(Directory before, Directory after, String actor, InstantSource clock,
      IdGenerator ids) {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ids, "ids");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank, got '" + actor + "'");
    }
    if (before != null && !before.tenant().equals(after.tenant())) {
      throw new IllegalArgumentException("the versions belong to tenants " + before.tenant() + " and "
          + after.tenant());
    }
    Instant now = clock.instant();
    List<AuditRecord> out = new ArrayList<>();
    Recorder r = (activity, target, details) -> out.add(new AuditRecord(ids.newId(), after.tenant(), now, actor,
        activity, target, AuditResult.SUCCESS, details));
    for (AdministrativeUnit au : after.adminUnits()) {
      if (before == null || before.adminUnit(au.id()).isEmpty()) {
        r.record(ADD_AU, au.id().value(), Map.of("category", "AdministrativeUnit",
            "IsMemberManagementRestricted", String.valueOf(au.restricted())));
      }
    }
    for (AdministrativeUnit au : after.adminUnits()) {
      if (au.restricted()) {
        Set<String> old = before == null ? Set.of() : before.adminUnit(au.id()).map(a -> members(before, a))
            .orElse(Set.of());
        for (String m : members(after, au)) {
          if (!old.contains(m)) {
            r.record(ADD_MEMBER, m, Map.of("category", "AdministrativeUnit", "administrativeUnit", au.id().value()));
          }
        }
      }
    }
    if (before != null) {
      for (AdministrativeUnit au : before.adminUnits()) {
        if (au.restricted() && after.adminUnit(au.id()).isPresent()) {
          Set<String> current = members(after, after.adminUnit(au.id()).get());
          for (String m : members(before, au)) {
            if (!current.contains(m)) {
              r.record(REMOVE_MEMBER, m, Map.of("category", "AdministrativeUnit",
                  "administrativeUnit", au.id().value()));
            }
          }
        }
      }
    }
    List<RoleAssignment> old = before == null ? List.of() : before.assignments();
    roleChanges(after, after.assignments(), Set.copyOf(old), ADD_ROLE_MEMBER, r);
    if (before != null) {
      roleChanges(before, old, Set.copyOf(after.assignments()), REMOVE_ROLE_MEMBER, r);
    }
    return out;
  }

  /**
   * Derives the records of a change and appends them to an audit log.
   *
   * @param before the previous version, or null
   * @param after the new version
   * @param actor who made the change
   * @param clock the time recorded
   * @param ids the source of record ids
   * @param log the log
   * @return how many records were appended
   * @throws IllegalArgumentException as {@link #between}
   * @throws io.tenantry.core.error.PortFailureException if the log cannot append
   */
  public static int record(Directory before, Directory after, String actor, InstantSource clock, IdGenerator ids,
      AuditLog log) {
    Objects.requireNonNull(log, "log");
    List<AuditRecord> records = between(before, after, actor, clock, ids);
    records.forEach(log::append);
    return records.size();
  }

  private interface Recorder {
    void record(String activity, String target, Map<String, String> details);
  }

  private static void roleChanges(Directory in, List<RoleAssignment> assignments, Set<RoleAssignment> other,
      String activity, Recorder r) {
    for (RoleAssignment a : assignments) {
      if (a.scope() instanceof Scope.AdminUnit s && !other.contains(a)
          && in.adminUnit(s.id()).map(AdministrativeUnit::restricted).orElse(false)) {
        r.record(activity, a.principalId(), Map.of("category", "RoleManagement", "role", a.roleId().value(),
            "administrativeUnit", s.id().value()));
      }
    }
  }

  /** The unit's member users and groups in id order, so records come out the same on every run. */
  private static Set<String> members(Directory d, AdministrativeUnit au) {
    Set<String> out = new TreeSet<>();
    d.memberUsers(au).forEach(u -> out.add(u.id().value()));
    au.memberGroups().forEach(g -> out.add(g.value()));
    return out;
  }
}
