package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.Directory;
import io.tenantry.identity.User;
import io.tenantry.identity.spi.DirectoryStore;
import org.junit.jupiter.api.BeforeEach;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DirectoryStore} implementation must meet: versions that strictly
 * increase with every change, loads that return the directory with its version, version probes
 * that read the current version exactly, tenants that never see each other, and an AU's
 * restricted-management flag that no write can flip. Extend it and implement {@link #newStore()} and {@link #write}.
 */
public abstract class DirectoryStoreContract {
  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private DirectoryStore store;

  /**
   * Returns a new, empty store for one test.
   *
   * @return the implementation under test
   */
  protected abstract DirectoryStore newStore();

  /**
   * Stores (or replaces) a directory through the implementation's own write path.
   *
   * @param store the store from {@link #newStore()}
   * @param directory the directory to store under its tenant
   */
  protected abstract void write(DirectoryStore store, Directory directory);

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  private static Directory directory(TenantId tenant, String... users) {
    Directory.Builder b = Directory.builder(tenant);
    for (String u : users) {
      b.user(User.member(u, u + "@" + tenant + ".example"));
    }
    return b.build();
  }

  @Test
  void emptyStore_hasNoVersionAndNoDirectory() {
    assertThat(store.version(CONTOSO)).isEmpty();
    assertThat(store.load(CONTOSO)).isEmpty();
  }

  @Test
  void write_thenLoad_returnsTheDirectoryAndItsVersion() {
    write(store, directory(CONTOSO, "alice"));
    DirectoryStore.Versioned v = store.load(CONTOSO).orElseThrow();
    assertThat(v.directory().tenant()).isEqualTo(CONTOSO);
    assertThat(v.directory().user("alice")).isPresent();
    assertThat(store.version(CONTOSO)).hasValue(v.version());
  }

  @Test
  void secondWrite_increasesTheVersion() {
    write(store, directory(CONTOSO, "alice"));
    long first = store.version(CONTOSO).orElseThrow();
    write(store, directory(CONTOSO, "alice", "bob"));
    long second = store.version(CONTOSO).orElseThrow();
    assertThat(second).isGreaterThan(first);
    assertThat(store.load(CONTOSO).orElseThrow().directory().user("bob")).isPresent();
  }

  @Test
  void tenants_doNotSeeEachOther() {
    write(store, directory(CONTOSO, "alice"));
    assertThat(store.load(FABRIKAM)).isEmpty();
    write(store, directory(FABRIKAM, "mallory"));
    long contoso = store.version(CONTOSO).orElseThrow();
    write(store, directory(FABRIKAM, "mallory", "mike"));
    assertThat(store.version(CONTOSO)).hasValue(contoso);
    assertThat(store.load(CONTOSO).orElseThrow().directory().user("mallory")).isEmpty();
    assertThat(store.load(FABRIKAM).orElseThrow().directory().user("alice")).isEmpty();
  }

  @Test
  void versionProbe_takenBeforeTheFirstWrite_readsWhatVersionAnswersAfterEveryWrite() {
    DirectoryStore.VersionProbe contoso = store.versionProbe(CONTOSO);
    DirectoryStore.VersionProbe fabrikam = store.versionProbe(FABRIKAM);
    assertThat(contoso.current()).isEqualTo(DirectoryStore.NO_DIRECTORY);
    write(store, directory(CONTOSO, "alice"));
    assertThat(contoso.current()).isEqualTo(store.version(CONTOSO).orElseThrow());
    write(store, directory(CONTOSO, "alice", "bob"));
    assertThat(contoso.current()).isEqualTo(store.version(CONTOSO).orElseThrow());
    assertThat(fabrikam.current()).isEqualTo(DirectoryStore.NO_DIRECTORY);
    assertThat(store.versionProbe(CONTOSO).current()).isEqualTo(contoso.current());
  }

  private static Directory withAu(String au, boolean restricted, String... users) {
    Directory.Builder b = Directory.builder(CONTOSO);
    for (String u : users) {
      b.user(User.member(u, u + "@contoso.example"));
    }
    return b.adminUnit(new AdministrativeUnit(AdminUnitId.of(au), au, Set.of(users), Set.of(), null, restricted))
        .build();
  }

  @Test
  void write_flippingAnAdminUnitsRestrictedFlag_isRefusedAndStoresNothing() {
    write(store, withAu("au1", false, "u1"));
    long version = store.version(CONTOSO).orElseThrow();
    assertThatThrownBy(() -> write(store, withAu("au1", true, "u1", "u2")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("au1").hasMessageContaining("restricted=false").hasMessageContaining("restricted=true")
        .extracting(e -> ((ConflictException) e).kind()).isEqualTo(DirectoryStore.RESTRICTED_FLAG_CHANGED);
    assertThat(store.version(CONTOSO)).hasValue(version);
    DirectoryStore.Versioned kept = store.load(CONTOSO).orElseThrow();
    assertThat(kept.directory().adminUnit("au1").orElseThrow().restricted()).isFalse();
    assertThat(kept.directory().user("u2")).isEmpty();
    // other changes go through; the same flag again is no change
    write(store, withAu("au1", false, "u1", "u2"));
    assertThat(store.version(CONTOSO).orElseThrow()).isGreaterThan(version);
  }

  @Test
  void write_restrictedAdminUnitMadeRegular_isRefusedTooButANewAuMayBeRestricted() {
    write(store, withAu("vip", true, "u1"));
    assertThatThrownBy(() -> write(store, withAu("vip", false, "u1"))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("vip");
    assertThat(store.load(CONTOSO).orElseThrow().directory().adminUnit("vip").orElseThrow().restricted()).isTrue();
    write(store, withAu("vip2", false, "u1"));
    assertThat(store.load(CONTOSO).orElseThrow().directory().adminUnit("vip2")).isPresent();
    // another tenant's AU of the same id is its own
    write(store, Directory.builder(FABRIKAM)
        .adminUnit(new AdministrativeUnit(AdminUnitId.of("vip"), "vip", Set.of(), Set.of(), null, false)).build());
    assertThat(store.load(FABRIKAM).orElseThrow().directory().adminUnit("vip").orElseThrow().restricted()).isFalse();
  }
}
