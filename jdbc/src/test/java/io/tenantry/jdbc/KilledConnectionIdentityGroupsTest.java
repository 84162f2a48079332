package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.LifecycleStatus;
import io.tenantry.groups.NamingPolicy;
import io.tenantry.groups.TenantGroupSettings;
import io.tenantry.identity.offboarding.OffboardingStep;
import io.tenantry.jdbc.groups.JdbcGroupSettingsStore;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import io.tenantry.jdbc.identity.JdbcOffboardingProgressStore;
import io.tenantry.testkit.groups.GroupSettingsStoreContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The killed-connection test ({@link KilledConnectionTest}) for the identity and groups adapters:
 * for every statement of a write, and for its commit, the connection is killed there; the call fails
 * with a {@link PortFailureException} carrying the SQL failure, and the database holds exactly what
 * it held before (the state read through a healthy adapter, its version and its raw row counts);
 * the same call then succeeds. Both paths are covered: the first write (insert) and a replacement
 * (update, delete the old list rows, insert the new).
 */
class KilledConnectionIdentityGroupsTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void directoryPut_connectionKilledAtEachStep_leavesNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore healthy = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      FailingDataSource failing = new FailingDataSource(db);
      JdbcDirectoryStore dying = new JdbcDirectoryStore(JdbcDatabase.open(failing));
      Callable<Object> snapshot = () -> List.of(
          healthy.load(CONTOSO).map(v -> List.of(v.version(), Directories.describe(v.directory())))
              .map(Object::toString).orElse("none"),
          rows(db, "tenantry_directory"), rows(db, "tenantry_directory_object"),
          rows(db, "tenantry_directory_item"), rows(db, "tenantry_directory_assignment"));

      // version, insert the tenant row, the objects, their lists, the assignments, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.put(Directories.rich(CONTOSO))))
          .isEqualTo(6);
      // version, the stored AUs' restricted flags, update the tenant row, three deletes, the one user
      // (no list, no assignment), commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.put(Directories.ofUsers(CONTOSO, List.of("bob")), 1)))
          .isEqualTo(8);
      assertThat(healthy.load(CONTOSO).orElseThrow().version()).isEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void groupPut_connectionKilledAtEachStep_leavesNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcGroupStore healthy = new JdbcGroupStore(JdbcDatabase.open(db.pool()));
      FailingDataSource failing = new FailingDataSource(db);
      JdbcGroupStore dying = new JdbcGroupStore(JdbcDatabase.open(failing));
      GroupId id = GroupId.of("team");
      GroupState live = GroupStates.live(id);
      Callable<Object> snapshot = () -> List.of(healthy.findVersioned(CONTOSO, id)
          .map(Object::toString).orElse("none"), rows(db, "tenantry_group"),
          rows(db, "tenantry_group_item"));

      // version, insert the group, its list rows, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.put(CONTOSO, live))).isEqualTo(4);
      GroupState deleted = live.with(new LifecycleStatus.SoftDeleted(live.group().createdOn(),
          DeletionReason.DELETED));
      // version, update the group, delete its list rows, insert the new ones, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.put(CONTOSO, deleted, 1)))
          .isEqualTo(5);
      GroupState purged = deleted.with(new LifecycleStatus.Purged(live.group().createdOn()));
      // the port's conditional write: lock the group's row, read the group, update it, delete and
      // insert list rows, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.replace(CONTOSO, deleted, purged)))
          .isEqualTo(6);
      assertThat(healthy.find(CONTOSO, id)).contains(purged);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void settingsPut_connectionKilledAtEachStep_leavesNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcGroupSettingsStore healthy = new JdbcGroupSettingsStore(JdbcDatabase.open(db.pool()));
      FailingDataSource failing = new FailingDataSource(db);
      JdbcGroupSettingsStore dying = new JdbcGroupSettingsStore(JdbcDatabase.open(failing));
      Callable<Object> snapshot = () -> List.of(healthy.getVersioned(CONTOSO).toString(),
          rows(db, "tenantry_group_settings"), rows(db, "tenantry_group_settings_item"));
      TenantGroupSettings all = GroupSettingsStoreContract.everythingSet(CONTOSO);

      // version, insert the settings, their list rows, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.put(CONTOSO, all))).isEqualTo(4);
      TenantGroupSettings other = all.withNamingPolicy(NamingPolicy.none());
      // version, update the settings, delete their list rows, insert the new ones, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.put(CONTOSO, other))).isEqualTo(5);
      assertThat(healthy.get(CONTOSO).namingPolicy().blockedWords()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void markCompleted_connectionKilledAtEachStep_leavesNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcOffboardingProgressStore healthy =
          new JdbcOffboardingProgressStore(JdbcDatabase.open(db.pool()));
      FailingDataSource failing = new FailingDataSource(db);
      JdbcOffboardingProgressStore dying =
          new JdbcOffboardingProgressStore(JdbcDatabase.open(failing));
      UserId alice = UserId.of("alice");
      Callable<Object> snapshot = () -> List.of(healthy.completed(CONTOSO, alice),
          rows(db, "tenantry_offboarding_step"));

      // look the step up, insert it, commit
      assertThat(failing.killAtEachStep(snapshot, () -> dying.markCompleted(CONTOSO, alice, OffboardingStep.SIGN_OUT)))
          .isEqualTo(3);
      assertThat(healthy.completed(CONTOSO, alice)).containsExactly(OffboardingStep.SIGN_OUT);
    }
  }

  private static long rows(TestDatabase db, String table) throws SQLException {
    return db.queryLong("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", CONTOSO.value());
  }

}
