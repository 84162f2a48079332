package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.Decision;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Permission;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The compiled Authorizer agrees with the naive reference implementation on random directories. */
class AuthorizerOraclePropertyTest {
  private static final TenantId T = TenantId.of("t");

  @Property(tries = 200)
  void authorize_randomDirectory_agreesWithNaiveOracle(@ForAll long seed) {
    Random r = new Random(seed);
    Directory d = DirectoryArbitraries.directory(T, r);
    Authorizer fast = Authorizer.of(d);
    NaiveAuthorizer naive = new NaiveAuthorizer(d);
    List<String> ids = DirectoryArbitraries.targets(d);
    for (int i = 0; i < 150; i++) {
      String principal = ids.get(r.nextInt(ids.size() - 1));
      String target = ids.get(r.nextInt(ids.size()));
      Permission action = DirectoryArbitraries.ACTIONS.get(r.nextInt(DirectoryArbitraries.ACTIONS.size()));
      Decision decision = fast.authorize(T, principal, action, target);
      assertThat(decision.allowed())
          .as("%s %s %s in %s: %s", principal, action, target, d, decision.reason())
          .isEqualTo(naive.allowed(principal, action, target));
    }
  }

  @Property(tries = 200)
  void allows_randomDirectory_isAuthorizesAnswerWhicheverIsAskedFirst(@ForAll long seed) {
    Random r = new Random(seed);
    Directory d = DirectoryArbitraries.directory(T, r);
    Authorizer allowsFirst = Authorizer.of(d);
    Authorizer authorizeFirst = Authorizer.of(d);
    NaiveAuthorizer naive = new NaiveAuthorizer(d);
    List<String> ids = DirectoryArbitraries.targets(d);
    for (int i = 0; i < 300; i++) {
      // the last id is null: an unknown principal, and half the checks tenant-level
      String principal = ids.get(r.nextInt(ids.size()));
      String target = r.nextBoolean() ? null : ids.get(r.nextInt(ids.size()));
      Permission action = DirectoryArbitraries.ACTIONS.get(r.nextInt(DirectoryArbitraries.ACTIONS.size()));
      boolean expected = principal != null && naive.allowed(principal, action, target);
      String what = principal + " " + action + " " + target + " in " + d;

      assertThat(allowsFirst.allows(T, principal, action, target)).as("allows first: %s", what)
          .isEqualTo(expected);
      assertThat(authorizeFirst.authorize(T, principal, action, target).allowed())
          .as("authorize first: %s", what).isEqualTo(expected);
      assertThat(authorizeFirst.allows(T, principal, action, target)).as("allows after: %s", what)
          .isEqualTo(expected);
      assertThat(allowsFirst.authorize(T, principal, action, target).allowed())
          .as("authorize after: %s", what).isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void visibleUsers_randomDirectory_agreesWithNaiveOracle(@ForAll long seed) {
    Directory d = DirectoryArbitraries.directory(T, new Random(seed));
    Authorizer fast = Authorizer.of(d);
    NaiveAuthorizer naive = new NaiveAuthorizer(d);
    for (String principal : DirectoryArbitraries.targets(d)) {
      if (principal == null) {
        continue;
      }
      assertThat(new HashSet<>(fast.visibleUsers(T, principal).stream().map(UserId::value).toList()))
          .as(principal).isEqualTo(naive.visibleUsers(principal));
    }
  }

  @Property(tries = 100)
  void manageableUsers_randomDirectory_equalsUsersTheAuthorizerAllows(@ForAll long seed) {
    Random r = new Random(seed);
    Directory d = DirectoryArbitraries.directory(T, r);
    Authorizer az = Authorizer.of(d);
    Permission action = DirectoryArbitraries.ACTIONS.get(r.nextInt(DirectoryArbitraries.ACTIONS.size()));
    for (String principal : DirectoryArbitraries.targets(d)) {
      if (principal == null) {
        continue;
      }
      List<String> expected = d.users().stream().map(u -> u.id().value())
          .filter(u -> az.authorize(T, principal, action, u).allowed()).toList();
      assertThat(az.manageableUsers(T, principal, action).stream().map(UserId::value).toList())
          .as("%s %s", principal, action).isEqualTo(expected);
    }
  }
}
