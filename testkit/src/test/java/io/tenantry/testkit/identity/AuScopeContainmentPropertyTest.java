package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.Decision;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Permission;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An AU-scoped admin is never allowed to act on an object outside its administrative units, but
 * for reads of standard properties, which AUs never restrict ({@code directory-semantics.md} 9.4).
 */
class AuScopeContainmentPropertyTest {
  private static final TenantId T = TenantId.of("t");

  @Property(tries = 200)
  void authorize_auScopedAdmin_neverActsOnANonMember(@ForAll long seed) {
    Random r = new Random(seed);
    Directory d = DirectoryArbitraries.directory(T, r);
    Authorizer az = Authorizer.of(d);
    NaiveAuthorizer naive = new NaiveAuthorizer(d);
    for (String principal : DirectoryArbitraries.targets(d)) {
      if (principal == null) {
        continue;
      }
      List<RoleAssignment> held = naive.assignmentsOf(principal);
      if (held.isEmpty() || !held.stream().allMatch(a -> a.scope() instanceof Scope.AdminUnit)) {
        continue;
      }
      Set<String> scope = new HashSet<>();
      for (RoleAssignment a : held) {
        scope.addAll(naive.directMembers(((Scope.AdminUnit) a.scope()).id().value()));
      }
      for (Permission action : DirectoryArbitraries.ACTIONS) {
        if (action.toString().endsWith("/inviteGuest")) {
          continue;
        }
        for (String target : DirectoryArbitraries.targets(d)) {
          Decision decision = az.authorize(T, principal, action, target);
          if (decision.allowed()) {
            boolean createInOwnAu = action.action().equals("create") && held.stream()
                .anyMatch(a -> ((Scope.AdminUnit) a.scope()).id().value().equals(target));
            boolean standardRead = action.isRead() && action.propertySet().equals("standard");
            assertThat(scope.contains(target) || createInOwnAu || standardRead)
                .as("%s %s %s: %s", principal, action, target, decision.reason()).isTrue();
          }
        }
      }
    }
  }
}
