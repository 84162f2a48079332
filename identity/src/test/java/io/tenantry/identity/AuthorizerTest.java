package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.identity.spi.InMemoryDirectoryStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final String RESET = "microsoft.directory/users/password/update";

  private static RoleAssignment at(String who, RoleId role, String scope) {
    return new RoleAssignment(who, role, Scope.parse(scope));
  }

  private static AdministrativeUnit au(String id, Set<String> users, boolean restricted) {
    return new AdministrativeUnit(AdminUnitId.of(id), id, users, Set.of(), null, restricted);
  }

  /** A store that only reads through (the port's default version probe) and counts its loads. */
  private static DirectoryStore delegating(InMemoryDirectoryStore inner, AtomicInteger loads) {
    return new DirectoryStore() {
      @Override
      public OptionalLong version(TenantId tenant) {
        return inner.version(tenant);
      }

      @Override
      public Optional<Versioned> load(TenantId tenant) {
        loads.incrementAndGet();
        return inner.load(tenant);
      }
    };
  }

  private static Directory.Builder base() {
    return Directory.builder(CONTOSO)
        .user(User.member("alice", "alice@contoso.com"))
        .user(User.member("gina", "gina@contoso.com"))
        .user(User.member("carol", "carol@contoso.com"))
        .user(User.member("hank", "hank@contoso.com"))
        .user(new User(UserId.of("gone"), "gone@contoso.com", UserType.MEMBER, Map.of(), true,
            LocalDate.of(2026, 1, 2)))
        .adminUnit(au("au-sales", Set.of("alice", "gina"), false))
        .adminUnit(au("au-vip", Set.of("hank"), true));
  }

  @Test
  void auScopedHelpdesk_resetsMemberButNotAdminOrOutsider() {
    Authorizer az = Authorizer.of(base()
        .assign(at("carol", BuiltInRoles.HELPDESK_ADMINISTRATOR, "/administrativeUnits/au-sales"))
        .assign(at("gina", BuiltInRoles.REPORTS_READER, "/"))
        .build());
    Decision ok = az.authorize(CONTOSO, "carol", RESET, "alice");
    assertThat(ok.allowed()).isTrue();
    assertThat(ok.decidingAssignment()).get().extracting(RoleAssignment::roleId)
        .isEqualTo(BuiltInRoles.HELPDESK_ADMINISTRATOR);
    assertThat(az.authorize(CONTOSO, "carol", RESET, "gina").reason()).contains("admin role");
    assertThat(az.authorize(CONTOSO, "carol", RESET, "hank").allowed()).isFalse();
    assertThat(az.authorize(CONTOSO, "carol", RESET, null).allowed()).isFalse();
  }

  @Test
  void restrictedAu_blocksTenantGlobalAdminButNotRmauScopedAdmin() {
    Authorizer az = Authorizer.of(base()
        .assign(at("gina", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/"))
        .assign(at("carol", BuiltInRoles.USER_ADMINISTRATOR, "/administrativeUnits/au-vip"))
        .build());
    assertThat(az.authorize(CONTOSO, "gina", "microsoft.directory/users/basic/update", "hank").reason())
        .contains("restricted management");
    assertThat(az.authorize(CONTOSO, "gina", "microsoft.directory/users/standard/read", "hank").allowed()).isTrue();
    assertThat(az.authorize(CONTOSO, "carol", "microsoft.directory/users/basic/update", "hank").allowed()).isTrue();
    assertThat(az.authorize(CONTOSO, "carol", "microsoft.directory/users/basic/update", "alice").allowed())
        .isFalse();
  }

  @Test
  void matrixA_helpdeskCannotResetUserAdministrator() {
    Authorizer az = Authorizer.of(base()
        .assign(at("carol", BuiltInRoles.HELPDESK_ADMINISTRATOR, "/"))
        .assign(at("alice", BuiltInRoles.USER_ADMINISTRATOR, "/"))
        .assign(at("gina", BuiltInRoles.REPORTS_READER, "/"))
        .build());
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
    assertThat(az.authorize(CONTOSO, "carol", RESET, "gina").allowed()).isTrue();
  }

  @Test
  void softDeletedTarget_onlyRestoreAndDelete() {
    Authorizer az = Authorizer.of(base().assign(at("carol", BuiltInRoles.USER_ADMINISTRATOR, "/")).build());
    assertThat(az.authorize(CONTOSO, "carol", RESET, "gone").reason()).contains("soft-deleted");
    assertThat(az.authorize(CONTOSO, "carol", "microsoft.directory/users/restore", "gone").allowed()).isTrue();
    assertThat(az.visibleUsers(CONTOSO, "carol")).extracting(UserId::value)
        .containsExactly("alice", "gina", "carol", "hank");
  }

  @Test
  void crossTenant_principalAndTarget_areDenied() {
    Directory fabrikam = Directory.builder(TenantId.of("fabrikam"))
        .user(User.member("mallory", "mallory@fabrikam.com"))
        .assign(at("mallory", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/")).build();
    Authorizer az = Authorizer.of(base().build(), fabrikam);
    assertThat(az.authorize(CONTOSO, "mallory", RESET, "alice").allowed()).isFalse();
    assertThat(az.authorize(TenantId.of("fabrikam"), "mallory", RESET, "alice").reason())
        .contains("not in tenant");
    assertThat(az.authorize(TenantId.of("nowhere"), "mallory", RESET, null).allowed()).isFalse();
  }

  @Test
  void groupAddedToAu_bringsGroupNotMembers() {
    Directory d = Directory.builder(CONTOSO)
        .user(User.member("alice", "a@c.com")).user(User.member("carol", "c@c.com"))
        .group(new Group(GroupId.of("sales"), "Sales", GroupKind.MICROSOFT365, Set.of("alice"), Set.of(), false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("au"), "AU", Set.of(), Set.of(GroupId.of("sales")), null,
            false))
        .assign(at("carol", BuiltInRoles.USER_ADMINISTRATOR, "/administrativeUnits/au")).build();
    Authorizer az = Authorizer.of(d);
    assertThat(az.authorize(CONTOSO, "carol", "microsoft.directory/groups/members/update", "sales").allowed())
        .isTrue();
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
  }

  @Test
  void explain_listsEveryStep() {
    Authorizer az = Authorizer.of(base()
        .assign(at("carol", BuiltInRoles.REPORTS_READER, "/"))
        .assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/administrativeUnits/au-sales")).build());
    Decision d = az.explain(CONTOSO, "carol", Permission.parse(RESET), "hank");
    assertThat(d.allowed()).isFalse();
    assertThat(d.steps()).hasSize(3);
    assertThat(d.steps().get(0)).contains("does not grant");
    assertThat(d.steps().get(1)).contains("not a direct member");
  }

  @Test
  void authorize_repeatedChecksThroughTheDecisionCaches_agreeWithExplain() {
    // 300 users (more than the smallest deny cache has slots), a third helpdesk admins of an AU,
    // a third user admins tenant-wide; every check twice, then against explain's fresh decision.
    Directory.Builder b = Directory.builder(CONTOSO);
    java.util.Set<String> members = new java.util.HashSet<>();
    for (int i = 0; i < 300; i++) {
      b.user(User.member("u" + i, "u" + i + "@contoso.com"));
      if (i % 2 == 0) {
        members.add("u" + i);
      }
      if (i % 3 == 1) {
        b.assign(at("u" + i, BuiltInRoles.HELPDESK_ADMINISTRATOR, "/administrativeUnits/au-even"));
      } else if (i % 3 == 2) {
        b.assign(at("u" + i, BuiltInRoles.USER_ADMINISTRATOR, "/"));
      }
    }
    b.adminUnit(au("au-even", members, false));
    Authorizer az = Authorizer.of(b.build());
    List<Permission> actions = List.of(Permission.parse(RESET),
        Permission.parse("microsoft.directory/users/basic/update"),
        Permission.parse("microsoft.directory/applications/basic/update"));
    for (int round = 0; round < 2; round++) {
      for (int p = 0; p < 300; p += 7) {
        for (int t = 0; t < 300; t += 11) {
          for (Permission a : actions) {
            Decision fast = az.authorize(CONTOSO, "u" + p, a, "u" + t);
            Decision full = az.explain(CONTOSO, "u" + p, a, "u" + t);
            assertThat(fast.allowed()).as("u%d %s u%d", p, a, t).isEqualTo(full.allowed());
            assertThat(fast.reason()).isEqualTo(full.reason());
            assertThat(fast.decidedBy()).isEqualTo(full.decidedBy());
            assertThat(fast.steps()).isEmpty();
          }
        }
      }
    }
  }

  @Test
  void allows_isAuthorizesAnswerWarmOrColdAndFailsClosed() {
    InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    store.put(base().assign(at("carol", BuiltInRoles.USER_ADMINISTRATOR, "/"))
        .assign(at("gone", BuiltInRoles.USER_ADMINISTRATOR, "/"))
        .assign(at("gina", BuiltInRoles.HELPDESK_ADMINISTRATOR, "/administrativeUnits/au-sales")).build());
    Authorizer az = Authorizer.over(store);
    Permission create = Permission.parse("microsoft.directory/users/create");
    Permission reset = Permission.parse(RESET);
    List<String> principals = java.util.Arrays.asList("carol", "gina", "alice", "gone", "au-sales",
        "nobody", null);
    List<String> targets = java.util.Arrays.asList(null, "alice", "hank", "carol", "nobody");
    // three rounds: the first compiles the snapshot and grant words, the next ones are warm
    for (int round = 0; round < 3; round++) {
      for (String p : principals) {
        for (String t : targets) {
          for (Permission a : List.of(create, reset)) {
            assertThat(az.allows(CONTOSO, p, a, t)).as("round %d: %s %s %s", round, p, a, t)
                .isEqualTo(az.authorize(CONTOSO, p, a, t).allowed());
          }
        }
      }
      assertThat(az.allows(CONTOSO, "carol", create, null)).isTrue();
      assertThat(az.allows(CONTOSO, "carol", reset, "alice")).isTrue();
      assertThat(az.allows(CONTOSO, "gina", reset, "alice")).isTrue();
      assertThat(az.allows(CONTOSO, "gina", reset, null)).as("AU-scoped, tenant-level").isFalse();
      assertThat(az.allows(CONTOSO, "gone", create, null)).as("soft-deleted principal").isFalse();
      assertThat(az.allows(CONTOSO, "au-sales", create, null)).as("an AU cannot act").isFalse();
      assertThat(az.allows(CONTOSO, "nobody", create, null)).isFalse();
      assertThat(az.allows(TenantId.of("fabrikam"), "carol", create, null)).isFalse();
    }

    DirectoryStore failing = new DirectoryStore() {
      @Override
      public OptionalLong version(TenantId tenant) {
        throw new IllegalStateException("database unreachable");
      }

      @Override
      public Optional<Versioned> load(TenantId tenant) {
        throw new IllegalStateException("database unreachable");
      }
    };
    assertThat(Authorizer.over(failing).allows(CONTOSO, "carol", create, null)).isFalse();
    assertThatThrownBy(() -> az.allows(null, "carol", create, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> az.allows(CONTOSO, "carol", null, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void snapshot_isRecompiledWhenTheVersionChanges() {
    InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    store.put(base().build());
    Authorizer az = Authorizer.over(store);
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
    store.put(base().assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/")).build());
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isTrue();
  }

  @Test
  void snapshot_tenantRemovedAndStoredAgain_servesTheNewDirectory() {
    InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    long first = store.put(base().assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/")).build());
    Authorizer az = Authorizer.over(store);
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isTrue();
    store.remove(CONTOSO);
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").reason()).contains("has no directory");
    long second = store.put(base().build());
    assertThat(second).isGreaterThan(first);
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
  }

  @Test
  void snapshot_cacheOfOneAlternatingTenants_decidesEachByItsOwnCurrentDirectory() {
    TenantId fabrikam = TenantId.of("fabrikam");
    InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    store.put(base().assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/")).build());
    store.put(Directory.builder(fabrikam).user(User.member("carol", "carol@fabrikam.com"))
        .user(User.member("alice", "alice@fabrikam.com")).build());
    Authorizer az = Authorizer.over(store, 1);
    for (int i = 0; i < 50; i++) {
      assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isTrue();
      assertThat(az.authorize(fabrikam, "carol", RESET, "alice").allowed()).isFalse();
      assertThat(az.authorize(TenantId.of("contoso"), "carol", RESET, "alice").allowed()).isTrue();
    }
    store.put(base().build());
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
    assertThat(az.authorize(fabrikam, "carol", RESET, "alice").allowed()).isFalse();
  }

  @Test
  void snapshot_storeWithoutItsOwnProbe_seesEveryWriteThroughVersion() {
    InMemoryDirectoryStore inner = new InMemoryDirectoryStore();
    inner.put(base().build());
    Authorizer az = Authorizer.over(delegating(inner, new AtomicInteger()));
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
    inner.put(base().assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/")).build());
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isTrue();
  }

  @Test
  void authorize_idsBeyondLatin1_areFoundExactlyAndNeverConfused() {
    Directory d = Directory.builder(CONTOSO)
        .user(User.member("用户一", "one@contoso.com"))
        .user(User.member("用户二", "two@contoso.com"))
        .user(User.member("Ωmega", "omega@contoso.com"))
        .user(User.member("jörg", "joerg@contoso.com"))
        .user(User.member("A", "a@contoso.com"))
        .assign(at("用户一", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/"))
        .assign(at("jörg", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/"))
        .build();
    Authorizer az = Authorizer.of(d);
    assertThat(az.authorize(CONTOSO, "用户一", RESET, "Ωmega").allowed()).isTrue();
    assertThat(az.authorize(CONTOSO, "jörg", RESET, "用户二").allowed()).isTrue();
    assertThat(az.authorize(CONTOSO, "用户二", RESET, "Ωmega").reason()).startsWith("no role assignment of '用户二'");
    assertThat(az.authorize(CONTOSO, "用户三", RESET, "A").reason()).contains("'用户三' is not in tenant");
    assertThat(az.authorize(CONTOSO, "用户一", RESET, "Ωmeg").reason()).contains("'Ωmeg' is not in tenant");
    assertThat(az.authorize(CONTOSO, "用户一", RESET, "\u0141").reason()).contains("is not in tenant");
    assertThat(az.authorize(CONTOSO, "jorg", RESET, "A").reason()).contains("'jorg' is not in tenant");
  }

  @Test
  void authorize_everyIdOfALargeDirectory_isFoundAndNearMissesAreNot() {
    Directory.Builder b = Directory.builder(CONTOSO);
    int n = 3000;
    for (int i = 0; i < n; i++) {
      b.user(User.member("u" + i, "u" + i + "@contoso.com"));
      if (i % 3 == 0) {
        b.assign(at("u" + i, BuiltInRoles.PASSWORD_ADMINISTRATOR, "/"));
      }
    }
    Authorizer az = Authorizer.of(b.build());
    for (int i = 0; i < n; i++) {
      Decision d = az.authorize(CONTOSO, "u" + i, RESET, "u" + ((i + 1) % n));
      assertThat(d.allowed()).as("u%d", i).isEqualTo(i % 3 == 0);
      assertThat(az.authorize(CONTOSO, "u" + i + "x", RESET, null).reason()).contains("is not in tenant");
      assertThat(az.authorize(CONTOSO, "u" + (n + i), RESET, null).reason()).contains("is not in tenant");
    }
  }

  @Test
  void snapshot_missedByEightThreadsAtOnce_isLoadedAndCompiledOnce() throws Exception {
    InMemoryDirectoryStore inner = new InMemoryDirectoryStore();
    inner.put(base().assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/")).build());
    AtomicInteger loads = new AtomicInteger();
    Authorizer az = Authorizer.over(delegating(inner, loads));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        checks.add(pool.submit(() -> az.authorize(CONTOSO, "carol", RESET, "alice").allowed()));
      }
      for (Future<Boolean> f : checks) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void build_invalidDirectory_listsEveryProblem() {
    Directory.Builder b = Directory.builder(CONTOSO)
        .user(User.member("alice", "a@c.com"))
        .group(new Group(GroupId.of("m365"), "M", GroupKind.MICROSOFT365, Set.of(), Set.of(), false))
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("vip"), "VIP", Set.of(), Set.of(GroupId.of("m365")), null,
            true))
        .assign(at("alice", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/administrativeUnits/vip"))
        .assign(at("alice", BuiltInRoles.USER_ADMINISTRATOR, "/administrativeUnits/nope"))
        .assign(at("m365", BuiltInRoles.USER_ADMINISTRATOR, "/"));
    assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.problems()).extracting(p -> p.path()).containsExactlyInAnyOrder(
            "adminUnits[0].groups", "assignments[0].role", "assignments[1].scope", "assignments[2].principal"));
  }

  @Test
  void manageableUsers_auScoped_returnsOnlyManageableMembers() {
    Authorizer az = Authorizer.of(base()
        .assign(at("carol", BuiltInRoles.PASSWORD_ADMINISTRATOR, "/administrativeUnits/au-sales"))
        .assign(at("gina", BuiltInRoles.GUEST_INVITER, "/")).build());
    assertThat(az.manageableUsers(CONTOSO, "carol", Permission.parse(RESET))).extracting(UserId::value)
        .containsExactly("alice");
    assertThat(az.visibleUsers(CONTOSO, "carol")).extracting(UserId::value).containsExactly("alice", "gina");
    assertThat(az.visibleUsers(CONTOSO, "gina")).isEmpty();
    assertThat(List.of(az.reportAccess(CONTOSO, "gina"))).containsExactly(ReportAccess.NONE);
  }

  @Test
  void adminCenterAreas_reportsReaderGetsOnlyUsageReports() {
    Authorizer az = Authorizer.of(base()
        .assign(at("gina", BuiltInRoles.REPORTS_READER, "/"))
        .assign(at("carol", BuiltInRoles.USER_ADMINISTRATOR, "/administrativeUnits/au-sales"))
        .assign(at("hank", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/")).build());
    assertThat(az.adminCenterAreas(CONTOSO, "gina")).containsExactly(AdminCenterArea.USAGE_REPORTS);
    assertThat(az.adminCenterAreas(CONTOSO, "carol"))
        .containsExactlyInAnyOrder(AdminCenterArea.USERS, AdminCenterArea.GROUPS);
    assertThat(az.adminCenterAreas(CONTOSO, "hank")).containsAll(List.of(AdminCenterArea.values()));
    assertThat(az.adminCenterAreas(CONTOSO, "alice")).isEmpty();
  }

  @Test
  void userList_marksGuests() {
    Directory d = Directory.builder(CONTOSO)
        .user(User.member("alice", "alice@contoso.com"))
        .user(new User(UserId.of("eve"), "eve@partner.com", UserType.GUEST, Map.of(), true, null))
        .assign(at("alice", BuiltInRoles.USER_ADMINISTRATOR, "/")).build();
    assertThat(Authorizer.of(d).userList(CONTOSO, "alice")).extracting(UserListing::isGuest)
        .containsExactly(false, true);
  }

  @Test
  void dynamicAu_manualMemberUpdate_isDeniedEvenToPrivilegedRoleAndGlobalAdministrators() {
    String members = "microsoft.directory/administrativeUnits/members/update";
    Authorizer az = Authorizer.of(base()
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("au-dyn"), "Dynamic", Set.of(), Set.of(),
            MembershipRule.parse("user.userPrincipalName -startsWith \"a\""), false))
        .user(User.member("pra", "pra@contoso.com")).user(User.member("ga", "ga@contoso.com"))
        .assign(at("pra", BuiltInRoles.PRIVILEGED_ROLE_ADMINISTRATOR, "/"))
        .assign(at("ga", BuiltInRoles.GLOBAL_ADMINISTRATOR, "/")).build());
    for (String who : List.of("pra", "ga")) {
      Decision d = az.authorize(CONTOSO, who, members, "au-dyn");
      assertThat(d.allowed()).as(who).isFalse();
      assertThat(d.reason()).contains("au-dyn").contains("dynamic membership");
      assertThat(az.explain(CONTOSO, who, Permission.parse(members), "au-dyn").allowed()).isFalse();
      // the assigned AU keeps its member updates, and the dynamic AU its other properties
      assertThat(az.authorize(CONTOSO, who, members, "au-sales").allowed()).as(who).isTrue();
      assertThat(az.authorize(CONTOSO, who, "microsoft.directory/administrativeUnits/basic/update", "au-dyn")
          .allowed()).as(who).isTrue();
      // without a target the check names no AU, so it is the tenant-level right it always was
      assertThat(az.authorize(CONTOSO, who, members, null).allowed()).as(who).isTrue();
    }
  }

  @Test
  void auScopedStandardRead_coversEveryUserButWritesAndTheUserListStayInTheAu() {
    String read = "microsoft.directory/users/standard/read";
    RoleDefinition rd = RoleDefinition.custom(RoleId.of("rd"), "Reader-editor", List.of(Permission.parse(read),
        Permission.parse("microsoft.directory/users/basic/update")));
    Authorizer az = Authorizer.of(base().customRole(rd)
        .assign(at("carol", rd.id(), "/administrativeUnits/au-sales")).build());
    for (String target : List.of("alice", "carol", "hank")) {
      assertThat(az.authorize(CONTOSO, "carol", read, target).allowed()).as(target).isTrue();
      assertThat(az.explain(CONTOSO, "carol", Permission.parse(read), target).allowed()).as(target).isTrue();
    }
    assertThat(az.authorize(CONTOSO, "carol", "microsoft.directory/users/basic/update", "carol").allowed()).isFalse();
    assertThat(az.authorize(CONTOSO, "carol", "microsoft.directory/users/basic/update", "alice").allowed()).isTrue();
    assertThat(az.authorize(CONTOSO, "carol", read, null).allowed()).isFalse();
    assertThat(az.manageableUsers(CONTOSO, "carol", Permission.parse(read))).extracting(UserId::value)
        .containsExactly("alice", "gina", "carol", "hank");
    assertThat(az.visibleUsers(CONTOSO, "carol")).extracting(UserId::value).containsExactly("alice", "gina");
  }

  @Test
  void auScopedUserAdmin_onLimitedAdmin_actsOnlyWhenTheTenantOptsIn() {
    Directory.Builder b = base()
        .assign(at("carol", BuiltInRoles.USER_ADMINISTRATOR, "/administrativeUnits/au-sales"))
        .assign(at("gina", BuiltInRoles.HELPDESK_ADMINISTRATOR, "/"))
        .assign(at("alice", BuiltInRoles.AUTHENTICATION_ADMINISTRATOR, "/"));
    Authorizer off = Authorizer.of(b.build());
    assertThat(off.authorize(CONTOSO, "carol", RESET, "gina").reason()).contains("admin role");
    Directory on = b.allowAuScopedUserAdminOnLimitedAdmins(true).build();
    assertThat(on.allowAuScopedUserAdminOnLimitedAdmins()).isTrue();
    Authorizer az = Authorizer.of(on);
    assertThat(az.authorize(CONTOSO, "carol", RESET, "gina").allowed()).isTrue();
    assertThat(az.explain(CONTOSO, "carol", Permission.parse(RESET), "gina").allowed()).isTrue();
    // Authentication Administrator's row of Matrix A does not list User Administrator
    assertThat(az.authorize(CONTOSO, "carol", RESET, "alice").allowed()).isFalse();
  }
}
