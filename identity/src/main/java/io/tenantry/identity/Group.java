package io.tenantry.identity;

import io.tenantry.core.GroupId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A group as the Authorizer sees it: its kind, direct members and owners (object ids), and whether
 * it is role-assignable (§2.2: only such groups may hold roles; §2.4: their members and owners are
 * protected).
 *
 * @param id the group's id
 * @param name its display name
 * @param kind Microsoft 365, security, mail-enabled security or distribution
 * @param members the ids of its direct members
 * @param owners the ids of its owners
 * @param roleAssignable whether roles may be assigned to it
 */
public record Group(GroupId id, String name, GroupKind kind, Set<String> members, Set<String> owners,
    boolean roleAssignable) {
  /**
   * Validates the group and copies the sets (keeping their order).
   *
   * @throws NullPointerException if a component is null
   */
  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    members = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(members));
    owners = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(owners));
  }
}
