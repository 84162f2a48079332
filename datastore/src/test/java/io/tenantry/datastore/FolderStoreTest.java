package io.tenantry.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.datastore.spi.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStoreTest {
  @TempDir
  Path tmp;

  private static final FolderStore.Layout LAYOUT = new FolderStore.Layout(List.of(
      GeoRegistry.documented().require("EUR"), GeoRegistry.documented().require("NAM")), 3, 2, 64);

  private FolderStore open(Path dir, String master, Duration wait) {
    return FolderStore.open(dir, master, wait, InstantSource.system(), IdGenerator.random());
  }

  @Test
  void init_createsTheLayout_andGeneratesAMasterKeyOnlyWhenNoneIsGiven() {
    Path dir = tmp.resolve("s");
    assertThat(FolderStore.init(dir, LAYOUT, null)).isTrue();
    assertThat(dir.resolve("geos/EUR/replica-3")).isDirectory();
    assertThat(dir.resolve("geos/NAM/replica-1")).isDirectory();
    assertThat(dir.resolve("keys/master.key")).isRegularFile();
    assertThat(FolderStore.readLayout(dir)).isEqualTo(LAYOUT);

    Path other = tmp.resolve("t");
    assertThat(FolderStore.init(other, LAYOUT, MasterKey.generateBase64())).isFalse();
    assertThat(other.resolve("keys/master.key")).doesNotExist();
    assertThatThrownBy(() -> open(other, null, Duration.ofSeconds(1)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("TENANTRY_MASTER_KEY");
  }

  /** An external storage in memory, kept across opens as a database would be. */
  private static final class MemoryStorage implements FolderStore.ExternalStorage {
    final java.util.Map<String, io.tenantry.datastore.spi.InMemoryBlobReplica> replicas =
        new java.util.HashMap<>();
    final io.tenantry.datastore.spi.InMemoryKeysetStore keys =
        new io.tenantry.datastore.spi.InMemoryKeysetStore();
    final io.tenantry.core.spi.InMemoryAuditLog audit = new io.tenantry.core.spi.InMemoryAuditLog();

    @Override
    public io.tenantry.datastore.spi.BlobReplica replica(io.tenantry.core.DataLocation geo,
        int index, String name) {
      return replicas.computeIfAbsent(name, io.tenantry.datastore.spi.InMemoryBlobReplica::new);
    }

    @Override
    public io.tenantry.datastore.spi.KeysetStore keysets() {
      return keys;
    }

    @Override
    public io.tenantry.core.spi.AuditLog audit() {
      return audit;
    }
  }

  @Test
  void externalStorage_holdsTheData_andStoresOpenOnlyTheWayTheyWereCreated() {
    Path dir = tmp.resolve("s");
    assertThat(FolderStore.init(dir, LAYOUT, null, true)).isTrue();
    assertThat(FolderStore.usesExternalStorage(dir)).isTrue();
    assertThat(dir.resolve("geos")).doesNotExist();
    assertThat(dir.resolve("keys/master.key")).isRegularFile();
    MemoryStorage storage = new MemoryStorage();
    TenantId t = TenantId.of("t");
    try (FolderStore s = FolderStore.open(dir, null, Duration.ofSeconds(1), InstantSource.system(),
        IdGenerator.random(), storage)) {
      s.store().put(t, ObjectKey.of("k"), new byte[] {1}, Placement.central(), "a");
    }
    assertThat(storage.replicas.keySet()).containsExactlyInAnyOrder("EUR/replica-1",
        "EUR/replica-2", "EUR/replica-3", "NAM/replica-1", "NAM/replica-2", "NAM/replica-3");
    assertThat(storage.keys.read(t)).isPresent();
    try (FolderStore s = FolderStore.open(dir, null, Duration.ofSeconds(1), InstantSource.system(),
        IdGenerator.random(), storage)) {
      assertThat(s.store().getBytes(t, ObjectKey.of("k"), "a")).containsExactly(1);
      assertThat(s.audit().query(AuditQuery.of(t)).items()).hasSize(2);
    }
    assertThatThrownBy(() -> open(dir, null, Duration.ofSeconds(1)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("--db");
    Path folder = tmp.resolve("f");
    FolderStore.init(folder, LAYOUT, null);
    assertThatThrownBy(() -> FolderStore.open(folder, null, Duration.ofSeconds(1),
        InstantSource.system(), IdGenerator.random(), storage))
        .isInstanceOf(ConflictException.class).hasMessageContaining("in its folder");
  }

  @Test
  void init_onAFolderThatIsNotEmpty_isRefused() throws IOException {
    Files.writeString(tmp.resolve("stray.txt"), "x");
    assertThatThrownBy(() -> FolderStore.init(tmp, LAYOUT, null))
        .isInstanceOf(ConflictException.class).hasMessageContaining("not empty");
  }

  @Test
  void layout_listsEveryProblem() {
    assertThatThrownBy(() -> new FolderStore.Layout(List.of(
        GeoRegistry.documented().require("EUR"), GeoRegistry.documented().require("EUR")), 2, 3, 0))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(3));
  }

  @Test
  void open_whileAnotherHoldsTheLock_failsAfterWaiting_thenSucceedsOnceReleased() {
    Path dir = tmp.resolve("s");
    FolderStore.init(dir, LAYOUT, null);
    try (FolderStore first = open(dir, null, Duration.ofSeconds(1))) {
      first.store().put(TenantId.of("t"), ObjectKey.of("k"), new byte[] {1}, Placement.central(),
          "a");
      assertThatThrownBy(() -> open(dir, null, Duration.ofMillis(200)))
          .isInstanceOf(StoreLockedException.class).hasMessageContaining("locked");
    }
    try (FolderStore second = open(dir, null, Duration.ofSeconds(1))) {
      assertThat(second.store().getBytes(TenantId.of("t"), ObjectKey.of("k"), "a"))
          .containsExactly(1);
      assertThat(second.audit().query(AuditQuery.of(TenantId.of("t"))).items()).hasSize(2);
    }
  }
}
