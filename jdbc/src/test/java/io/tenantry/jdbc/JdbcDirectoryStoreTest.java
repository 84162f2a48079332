package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.identity.BuiltInRoles;
import io.tenantry.identity.Directory;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.Scope;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link JdbcDirectoryStore} beyond the testkit contract: full round trips and versioned writes. */
class JdbcDirectoryStoreTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final TenantId FABRIKAM = TenantId.of("fabrikam");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void put_richDirectory_loadsBackEveryObjectListAndSettingInOrder(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      Directory rich = Directories.rich(CONTOSO);

      assertThat(store.put(rich)).isEqualTo(1);
      store.put(Directories.ofUsers(FABRIKAM, List.of("mallory")));

      DirectoryStore.Versioned loaded = store.load(CONTOSO).orElseThrow();
      assertThat(loaded.version()).isEqualTo(1);
      assertThat(Directories.describe(loaded.directory())).isEqualTo(Directories.describe(rich));
      assertThat(Directories.describe(loaded.directory()).toString())
          .as("lists keep their order").isEqualTo(Directories.describe(rich).toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void put_smallerDirectoryAfterARichOne_leavesNoRowOfTheOldOne(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      store.put(Directories.rich(CONTOSO));
      Directory small = Directories.ofUsers(CONTOSO, List.of("bob"));

      assertThat(store.put(small)).isEqualTo(2);

      assertThat(Directories.describe(store.load(CONTOSO).orElseThrow().directory()))
          .isEqualTo(Directories.describe(small));
      assertThat(db.queryLong("SELECT COUNT(*) FROM tenantry_directory_item WHERE tenant_id = ?",
          CONTOSO.value())).isZero();
      assertThat(db.queryLong("SELECT COUNT(*) FROM tenantry_directory_assignment"
          + " WHERE tenant_id = ?", CONTOSO.value())).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void put_basedOnAStaleVersion_isRefusedAndChangesNothing(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      Directory base = Directories.ofUsers(CONTOSO, List.of("alice", "bob"));
      long v1 = store.put(base, 0);
      Directory first = Directories.withAssignments(base,
          List.of(new RoleAssignment("alice", BuiltInRoles.USER_ADMINISTRATOR, Scope.TENANT)));
      Directory second = Directories.withAssignments(base,
          List.of(new RoleAssignment("bob", BuiltInRoles.GLOBAL_READER, Scope.TENANT)));

      assertThat(store.put(first, v1)).isEqualTo(v1 + 1);
      assertThatThrownBy(() -> store.put(second, v1)).isInstanceOf(ConflictException.class)
          .hasMessageContaining("contoso").hasMessageContaining("version " + (v1 + 1))
          .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo("STALE_VERSION"));
      assertThatThrownBy(() -> store.put(second, 0)).isInstanceOf(ConflictException.class);

      DirectoryStore.Versioned now = store.load(CONTOSO).orElseThrow();
      assertThat(now.version()).isEqualTo(v1 + 1);
      assertThat(now.directory().assignments()).isEqualTo(first.assignments());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void put_expectingAVersionOfATenantWithoutDirectory_isRefused(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));

      assertThatThrownBy(() -> store.put(Directories.ofUsers(CONTOSO, List.of("a")), 3))
          .isInstanceOf(ConflictException.class).hasMessageContaining("does not exist");
      assertThatThrownBy(() -> store.put(Directories.ofUsers(CONTOSO, List.of("a")), -2))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store.version(CONTOSO)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void version_afterEachPut_increasesByOne(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      JdbcDirectoryStore store = new JdbcDirectoryStore(JdbcDatabase.open(db.pool()));
      List<Long> versions = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        versions.add(store.put(Directories.ofUsers(CONTOSO, List.of("u" + i))));
        assertThat(store.version(CONTOSO)).hasValue(versions.get(i));
      }
      assertThat(versions).containsExactly(1L, 2L, 3L, 4L);
    }
  }
}
