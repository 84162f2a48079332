package io.tenantry.benchmarks.authz;

import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.Decision;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Permission;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.Scope;
import io.tenantry.identity.User;
import io.tenantry.identity.spi.InMemoryDirectoryStore;
import java.util.ArrayList;
import java.util.List;
import org.casbin.jcasbin.main.EnforceResult;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * One way to answer "may this user do this in this tenant?" over {@link SyntheticTenants}: the unit
 * of work of {@link AuthzBenchmark}. Queries are prepared once ({@link #prepare}) so the check
 * measures only the decision.
 */
interface AuthzEngine {

  /**
   * Answers the prepared query of an index: allowed or not, nothing more (Tenantry's
   * {@link Authorizer#allows}, jCasbin's {@code enforce}).
   *
   * @param query the index into the prepared queries
   * @return whether the check is allowed
   */
  boolean check(int query);

  /**
   * Decides the prepared query of an index with the engine's account of why (Tenantry's
   * {@link Authorizer#authorize} and its {@code Decision}; jCasbin's {@code enforceEx}, which
   * returns the policy rule that matched).
   *
   * @param query the index into the prepared queries
   * @return the engine's decision object
   */
  Object decide(int query);

  /**
   * Whether a decision of {@link #decide} allows.
   *
   * @param decision what {@link #decide} returned
   * @return whether it allows
   */
  boolean allowed(Object decision);

  /**
   * Loads the synthetic tenants into an engine of a name and prepares its queries.
   *
   * @param name {@code tenantry} or {@code jcasbin}
   * @param data the tenants and queries
   * @return the engine
   * @throws IllegalArgumentException for another name
   */
  static AuthzEngine named(String name, SyntheticTenants data) {
    switch (name) {
      case "tenantry": return new TenantryAuthorizer(data);
      case "jcasbin": return new JCasbin(data);
      default: throw new IllegalArgumentException("unknown engine '" + name + "'");
    }
  }

  /**
   * The input of an engine, loaded from the synthetic tenants (the host's data, not timed), and
   * the step that turns it into a warm engine (what {@link AuthzBuildBenchmark} times and
   * {@link AuthzHeapBenchmark} weighs).
   */
  interface Build {
    /**
     * Builds the engine from the loaded input; every tenant is ready to answer afterwards.
     *
     * @return the engine's state (kept alive by the caller while it is weighed)
     */
    Object build();
  }

  /**
   * Loads the synthetic tenants as an engine's input.
   *
   * @param name {@code tenantry} or {@code jcasbin}
   * @param data the tenants
   * @return the build step over the loaded input
   * @throws IllegalArgumentException for another name
   */
  static Build loaded(String name, SyntheticTenants data) {
    switch (name) {
      case "tenantry": {
        InMemoryDirectoryStore store = TenantryAuthorizer.store(data);
        return () -> TenantryAuthorizer.warm(store, data);
      }
      case "jcasbin": {
        List<List<List<String>>> rules = JCasbin.rules(data);
        return () -> JCasbin.enforcer(rules.get(0), rules.get(1));
      }
      default: throw new IllegalArgumentException("unknown engine '" + name + "'");
    }
  }

  /**
   * Tenantry's identity {@link Authorizer} over an {@link InMemoryDirectoryStore}: each tenant a
   * {@link Directory} with 5 custom roles and one tenant-wide assignment per user; every tenant's
   * snapshot is compiled (warm) before measuring.
   */
  final class TenantryAuthorizer implements AuthzEngine {
    private final Authorizer authorizer;
    private final TenantId[] tenant;
    private final String[] user;
    private final Permission[] permission;

    TenantryAuthorizer(SyntheticTenants data) {
      authorizer = warm(store(data), data);
      List<Permission> pool = pool();
      int n = data.queries().size();
      tenant = new TenantId[n];
      user = new String[n];
      permission = new Permission[n];
      TenantId[] tenants = new TenantId[data.tenants()];
      for (int t = 0; t < tenants.length; t++) {
        tenants[t] = TenantId.of(SyntheticTenants.tenantName(t));
      }
      for (int i = 0; i < n; i++) {
        SyntheticTenants.Query q = data.queries().get(i);
        tenant[i] = tenants[q.tenant()];
        user[i] = SyntheticTenants.userName(q.user());
        permission[i] = pool.get(q.permission());
      }
    }

    private static List<Permission> pool() {
      List<Permission> pool = new ArrayList<>();
      for (String p : SyntheticTenants.POOL) {
        pool.add(Permission.parse(p));
      }
      return pool;
    }

    /** The tenants as directories in a store: the host's data. */
    static InMemoryDirectoryStore store(SyntheticTenants data) {
      InMemoryDirectoryStore store = new InMemoryDirectoryStore();
      List<Permission> pool = pool();
      for (int t = 0; t < data.tenants(); t++) {
        TenantId id = TenantId.of(SyntheticTenants.tenantName(t));
        Directory.Builder b = Directory.builder(id);
        RoleId[] roles = new RoleId[SyntheticTenants.ROLES];
        for (int r = 0; r < roles.length; r++) {
          roles[r] = RoleId.of(SyntheticTenants.roleName(r));
          List<Permission> perms = new ArrayList<>();
          for (int p : SyntheticTenants.permissionsOf(r)) {
            perms.add(pool.get(p));
          }
          b.customRole(RoleDefinition.custom(roles[r], "Role " + r, perms));
        }
        for (int u = 0; u < data.usersPerTenant(); u++) {
          String name = SyntheticTenants.userName(u);
          b.user(User.member(name, name + "@" + id.value() + ".example.com"));
          b.assign(new RoleAssignment(name, roles[SyntheticTenants.roleOf(u)], Scope.TENANT));
        }
        store.put(b.build());
      }
      return store;
    }

    /** An Authorizer over the store with every tenant's snapshot compiled by one check each. */
    static Authorizer warm(InMemoryDirectoryStore store, SyntheticTenants data) {
      Authorizer authorizer = Authorizer.over(store, Math.max(1024, data.tenants()));
      Permission probe = Permission.parse(SyntheticTenants.POOL.get(0));
      for (int t = 0; t < data.tenants(); t++) {
        authorizer.authorize(TenantId.of(SyntheticTenants.tenantName(t)), SyntheticTenants.userName(0), probe, null);
      }
      return authorizer;
    }

    @Override
    public boolean check(int query) {
      return authorizer.allows(tenant[query], user[query], permission[query], null);
    }

    @Override
    public Decision decide(int query) {
      return authorizer.authorize(tenant[query], user[query], permission[query], null);
    }

    @Override
    public boolean allowed(Object decision) {
      return ((Decision) decision).allowed();
    }
  }

  /**
   * jCasbin 1.99.0's {@link Enforcer} with the RBAC-with-domains model (the domain is the tenant):
   * {@code p, role, tenant, object, action} per role permission and {@code g, user, role, tenant}
   * per assignment, added in bulk with automatic role links off and {@code buildRoleLinks()} once.
   * A permission string is split at its last '/' into object and action.
   */
  final class JCasbin implements AuthzEngine {
    static final String MODEL = String.join("\n",
        "[request_definition]", "r = sub, dom, obj, act", "",
        "[policy_definition]", "p = sub, dom, obj, act", "",
        "[role_definition]", "g = _, _, _", "",
        "[policy_effect]", "e = some(where (p.eft == allow))", "",
        "[matchers]",
        "m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act", "");
    private final Enforcer enforcer;
    private final String[] tenant;
    private final String[] user;
    private final String[] object;
    private final String[] action;

    JCasbin(SyntheticTenants data) {
      List<List<List<String>>> rules = rules(data);
      enforcer = enforcer(rules.get(0), rules.get(1));
      int n = data.queries().size();
      tenant = new String[n];
      user = new String[n];
      object = new String[n];
      action = new String[n];
      for (int i = 0; i < n; i++) {
        SyntheticTenants.Query q = data.queries().get(i);
        String perm = SyntheticTenants.POOL.get(q.permission());
        tenant[i] = SyntheticTenants.tenantName(q.tenant());
        user[i] = SyntheticTenants.userName(q.user());
        object[i] = objectOf(perm);
        action[i] = actionOf(perm);
      }
    }

    /** The tenants as jCasbin rules, the host's data: the {@code p} rules, then the {@code g} rules. */
    static List<List<List<String>>> rules(SyntheticTenants data) {
      List<List<String>> p = new ArrayList<>();
      List<List<String>> g = new ArrayList<>();
      for (int t = 0; t < data.tenants(); t++) {
        String dom = SyntheticTenants.tenantName(t);
        for (int r = 0; r < SyntheticTenants.ROLES; r++) {
          for (int k : SyntheticTenants.permissionsOf(r)) {
            String perm = SyntheticTenants.POOL.get(k);
            p.add(List.of(SyntheticTenants.roleName(r), dom, objectOf(perm), actionOf(perm)));
          }
        }
        for (int u = 0; u < data.usersPerTenant(); u++) {
          g.add(List.of(SyntheticTenants.userName(u),
              SyntheticTenants.roleName(SyntheticTenants.roleOf(u)), dom));
        }
      }
      return List.of(p, g);
    }

    /** An enforcer over the rules: added in bulk, role links built once. */
    static Enforcer enforcer(List<List<String>> p, List<List<String>> g) {
      Enforcer e = new Enforcer(Model.newModelFromString(MODEL));
      e.enableAutoBuildRoleLinks(false);
      e.enableAutoSave(false);
      e.addPolicies(p);
      e.addGroupingPolicies(g);
      e.buildRoleLinks();
      return e;
    }

    private static String objectOf(String permission) {
      return permission.substring(0, permission.lastIndexOf('/'));
    }

    private static String actionOf(String permission) {
      return permission.substring(permission.lastIndexOf('/') + 1);
    }

    @Override
    public boolean check(int query) {
      return enforcer.enforce(user[query], tenant[query], object[query], action[query]);
    }

    @Override
    public EnforceResult decide(int query) {
      return enforcer.enforceEx(user[query], tenant[query], object[query], action[query]);
    }

    @Override
    public boolean allowed(Object decision) {
      return ((EnforceResult) decision).isAllow();
    }
  }
}
