package io.tenantry.datastore;

import static io.tenantry.datastore.StoreFixture.A;
import static io.tenantry.datastore.StoreFixture.B;
import static io.tenantry.datastore.StoreFixture.EUR;
import static io.tenantry.datastore.StoreFixture.NAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.ObjectKey;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptedStoreTest {
  private static final ObjectKey K = ObjectKey.of("reports/q2.txt");
  private static final byte[] TEXT =
      "The quarterly report, long enough for several sixteen-byte chunks."
          .getBytes(StandardCharsets.UTF_8);

  private final StoreFixture f = new StoreFixture(16);

  @Test
  void put_thenGet_returnsContentAndVersionOne() {
    ObjectInfo info = f.store.put(A, K, TEXT, Placement.central(), "alice");

    assertThat(info).isEqualTo(new ObjectInfo(K, TEXT.length, 1, NAM));
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
  }

  @Test
  void put_existingKey_storesNewVersionAndDropsOldChunks() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    ObjectInfo second = f.store.put(A, K, "short".getBytes(StandardCharsets.UTF_8),
        Placement.central(), "alice");

    assertThat(second.version()).isEqualTo(2);
    assertThat(f.store.getBytes(A, K, "alice")).asString(StandardCharsets.UTF_8).isEqualTo("short");
    assertThat(f.replica(NAM, 1).list(A, BlobKind.CHUNK)).hasSize(1);
  }

  @Test
  void get_unknownKey_throwsNotFound() {
    assertThatThrownBy(() -> f.store.getBytes(A, K, "alice")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void get_chunkCorruptedOnOneReplica_returnsIntactContentAndRepairs() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    StoreFixture.corrupt(f.replica(NAM, 1), A, BlobKind.CHUNK);

    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ReadResult r = f.store.get(A, K, out, "alice");

    assertThat(out.toByteArray()).isEqualTo(TEXT);
    assertThat(r.repaired()).isNotEmpty().allMatch(s -> s.startsWith("NAM/replica-1"));
    assertThat(f.store.verify(false, "ops").intact()).isTrue();
  }

  @Test
  void get_mapCorruptedOnTwoReplicas_readsTheThirdAndRepairsBoth() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    StoreFixture.corrupt(f.replica(NAM, 1), A, BlobKind.MAP);
    StoreFixture.corrupt(f.replica(NAM, 2), A, BlobKind.KEYS);

    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(f.store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void get_chunksIntactOnlyWhereTheMapIsDamaged_readsThemAndRepairsEveryCopy() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    StoreFixture.corrupt(f.replica(NAM, 1), A, BlobKind.CHUNK);
    StoreFixture.corrupt(f.replica(NAM, 2), A, BlobKind.CHUNK);
    StoreFixture.corrupt(f.replica(NAM, 3), A, BlobKind.MAP);

    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(f.store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void verifyRepair_eachPartIntactOnSomeReplica_rebuildsTheObject() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    for (BlobName n : f.replica(NAM, 1).list(A, BlobKind.CHUNK)) {
      f.replica(NAM, 1).delete(A, n);
    }
    StoreFixture.corrupt(f.replica(NAM, 2), A, BlobKind.MAP);
    StoreFixture.corrupt(f.replica(NAM, 3), A, BlobKind.KEYS);

    assertThat(f.store.verify(true, "ops").intact()).isTrue();
    assertThat(f.store.verify(false, "ops").findings()).isEmpty();
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
  }

  @Test
  void get_everyCopyCorrupted_throwsNoIntactCopyAndReturnsNothing() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    for (int i = 1; i <= 3; i++) {
      StoreFixture.corrupt(f.replica(NAM, i), A, BlobKind.CHUNK);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    assertThatThrownBy(() -> f.store.get(A, K, out, "alice"))
        .isInstanceOf(NoIntactCopyException.class);
    assertThat(out.size()).isZero();
    assertThat(f.store.verify(true, "ops").intact()).isFalse();
  }

  @Test
  void put_belowQuorum_failsAndKeepsPreviousVersion() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    EncryptedStore failing = storeWithFailingReplicas(2);

    assertThatThrownBy(() -> failing.put(A, K, "new".getBytes(StandardCharsets.UTF_8),
        Placement.central(), "alice"))
        .isInstanceOf(WriteQuorumException.class)
        .hasMessageContaining("1 of 3");
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(f.store.list(A, "alice")).extracting(ObjectInfo::version).containsExactly(1L);
  }

  /** The fixture's replicas, with the last {@code failing} of NAM refusing every call. */
  private EncryptedStore storeWithFailingReplicas(int failing) {
    EncryptedStore.Builder b = EncryptedStore.builder().geography(f.store.geography())
        .keys(f.keys).audit(f.audit).chunkSize(16);
    List<io.tenantry.datastore.spi.BlobReplica> nam = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      InMemoryBlobReplica r = f.replica(NAM, i);
      nam.add(i > 3 - failing ? new Unavailable(r.name()) : r);
    }
    b.replicas(NAM, nam).replicas(EUR, List.copyOf(f.replicas.get(EUR)));
    return b.build();
  }

  @Test
  void delete_writesTombstone_andIsIdempotent() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");

    assertThat(f.store.delete(A, K, "alice")).isTrue();
    assertThat(f.store.delete(A, K, "alice")).isFalse();
    assertThatThrownBy(() -> f.store.getBytes(A, K, "alice"))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.store.list(A, "alice")).isEmpty();
    assertThat(f.store.put(A, K, TEXT, Placement.central(), "alice").version()).isEqualTo(3);
  }

  @Test
  void list_returnsLiveObjectsSortedByKey() {
    f.store.put(A, ObjectKey.of("b"), new byte[40], Placement.geo(EUR), "alice");
    f.store.put(A, ObjectKey.of("a"), new byte[3], Placement.central(), "alice");
    f.store.put(B, ObjectKey.of("c"), new byte[3], Placement.central(), "bob");

    assertThat(f.store.list(A, "alice")).containsExactly(
        new ObjectInfo(ObjectKey.of("a"), 3, 1, NAM),
        new ObjectInfo(ObjectKey.of("b"), 40, 1, EUR));
  }

  @Test
  void put_inGeo_storesOnlyOnThatGeosReplicas_andMovesOnRePut() {
    f.store.put(A, K, TEXT, Placement.geo(EUR), "alice");
    assertThat(f.blobCount(NAM, A)).isZero();
    assertThat(f.blobCount(EUR, A)).isPositive();

    f.store.put(A, K, TEXT, Placement.preferred("nam"), "alice");
    assertThat(f.blobCount(EUR, A)).isZero();
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
  }

  @Test
  void put_preferredLocationTheStoreLacks_fallsBackToCentral() {
    assertThat(f.store.put(A, K, TEXT, Placement.preferred("NAN"), "alice").geo()).isEqualTo(NAM);
  }

  @Test
  void put_geoTheStoreLacks_isRefused() {
    assertThatThrownBy(() -> f.store.put(A, K, TEXT,
        Placement.geo(io.tenantry.core.GeoRegistry.documented().require("JPN")), "alice"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("JPN");
  }

  @Test
  void rotateKey_rewrapsKeys_leavesContentUntouched_andKeepsDataReadable() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    InMemoryBlobReplica r1 = f.replica(NAM, 1);
    BlobName chunk = r1.list(A, BlobKind.CHUNK).get(0);
    byte[] chunkBefore = r1.get(A, chunk).orElseThrow();
    byte[] keysBefore = r1.get(A, r1.list(A, BlobKind.KEYS).get(0)).orElseThrow();

    long rewrapped = f.store.rotateKey(A, "admin");

    assertThat(rewrapped).isEqualTo((TEXT.length + 15) / 16);
    assertThat(f.keys.keyCount(A)).isEqualTo(2);
    assertThat(r1.get(A, chunk).orElseThrow()).isEqualTo(chunkBefore);
    assertThat(r1.get(A, r1.list(A, BlobKind.KEYS).get(0)).orElseThrow()).isNotEqualTo(keysBefore);
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
  }

  @Test
  void shredTenant_makesDataUnreadable_listEmpty_verifyReportsShreddedNotDamage() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    f.store.put(B, K, TEXT, Placement.central(), "bob");

    f.store.shredTenant(A, "admin");

    assertThatThrownBy(() -> f.store.getBytes(A, K, "alice"))
        .isInstanceOf(TenantShreddedException.class).hasMessageContaining("tenant shredded");
    assertThat(f.store.list(A, "alice")).isEmpty();
    VerifyReport report = f.store.verify(false, "ops");
    assertThat(report.intact()).isTrue();
    assertThat(report.count(VerifyFinding.Status.SHREDDED)).isEqualTo(3);
    assertThat(f.store.getBytes(B, K, "bob")).isEqualTo(TEXT);
    assertThatThrownBy(() -> f.store.put(A, K, TEXT, Placement.central(), "alice"))
        .isInstanceOf(TenantShreddedException.class);
  }

  @Test
  void shredTenant_ofATenantWithoutKeys_isRefusedAndAudited_shreddingTwiceIsIdempotent() {
    assertThatThrownBy(() -> f.store.shredTenant(A, "admin"))
        .isInstanceOf(io.tenantry.core.error.NotFoundException.class)
        .hasMessageContaining("has no keys in this store");
    // nothing was marked: the tenant can still store and read
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    List<AuditRecord> trail = f.audit.query(AuditQuery.of(A)).items();
    assertThat(trail.get(0)).satisfies(r -> {
      assertThat(r.activity()).isEqualTo("ShredTenant");
      assertThat(r.result()).isEqualTo(AuditResult.FAILURE);
    });
    f.store.shredTenant(A, "admin");
    f.store.shredTenant(A, "admin");
    assertThatThrownBy(() -> f.store.getBytes(A, K, "alice")).isInstanceOf(TenantShreddedException.class);
  }

  @Test
  void moveTenant_ofAShreddedTenant_failsAndIsAuditedAsFailure() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    f.store.shredTenant(A, "admin");

    assertThatThrownBy(() -> f.store.moveTenant(A, EUR, "ops"))
        .isInstanceOf(TenantShreddedException.class);
    List<AuditRecord> trail = f.audit.query(AuditQuery.of(A)).items();
    assertThat(trail.get(trail.size() - 1)).satisfies(r -> {
      assertThat(r.activity()).isEqualTo("GeoMove");
      assertThat(r.result()).isEqualTo(AuditResult.FAILURE);
      assertThat(r.actor()).isEqualTo("ops");
    });
  }

  @Test
  void blobOfAnotherTenant_copiedIntoPlace_neverDecrypts() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    f.store.put(B, K, "other tenant's secret".getBytes(StandardCharsets.UTF_8),
        Placement.central(), "bob");
    for (InMemoryBlobReplica r : f.replicas.get(NAM)) {
      for (BlobKind kind : BlobKind.values()) {
        for (BlobName n : r.list(B, kind)) {
          r.delete(B, n);
        }
        for (BlobName n : r.list(A, kind)) {
          r.put(B, n, r.get(A, n).orElseThrow());
        }
      }
    }

    assertThatThrownBy(() -> f.store.getBytes(B, K, "bob"))
        .isInstanceOf(NoIntactCopyException.class);
  }

  @Test
  void everyAccess_isAudited_failuresIncluded() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    f.store.getBytes(A, K, "alice");
    assertThatThrownBy(() -> f.store.getBytes(A, ObjectKey.of("nope"), "mallory"))
        .isInstanceOf(NotFoundException.class);
    f.store.list(A, "alice");
    f.store.delete(A, K, "alice");

    List<AuditRecord> trail = f.audit.query(AuditQuery.of(A)).items();
    assertThat(trail).extracting(AuditRecord::activity)
        .containsExactly("Put", "Get", "Get", "List", "Delete");
    assertThat(trail.get(2).result()).isEqualTo(AuditResult.FAILURE);
    assertThat(trail.get(2).actor()).isEqualTo("mallory");
    assertThat(f.audit.query(AuditQuery.of(B)).items()).isEmpty();
  }

  @Test
  void verify_withRepair_restoresLostAndStaleCopies() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    InMemoryBlobReplica r3 = f.replica(NAM, 3);
    for (BlobKind kind : BlobKind.values()) {
      for (BlobName n : r3.list(A, kind)) {
        r3.delete(A, n);
      }
    }

    VerifyReport first = f.store.verify(false, "ops");
    VerifyReport repaired = f.store.verify(true, "ops");

    assertThat(first.intact()).isFalse();
    assertThat(repaired.count(VerifyFinding.Status.REPAIRED)).isPositive();
    assertThat(f.store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void builder_badQuorumAndMissingGeo_listsEveryProblem() {
    assertThatThrownBy(() -> EncryptedStore.builder().geography(f.store.geography())
        .keys(f.keys).replicas(NAM, f.replicas.get(NAM)).writeQuorum(4).chunkSize(0).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(3));
  }

  @Test
  void exportTenant_writesEveryLiveObjectDecrypted_withAVerifiedManifest() throws Exception {
    f.store.put(A, ObjectKey.of("b"), TEXT, Placement.geo(EUR), "alice");
    f.store.put(A, ObjectKey.of("a"), new byte[0], Placement.central(), "alice");
    f.store.put(A, ObjectKey.of("gone"), TEXT, Placement.central(), "alice");
    f.store.delete(A, ObjectKey.of("gone"), "alice");
    f.store.put(B, ObjectKey.of("other"), TEXT, Placement.central(), "bob");
    java.util.Map<ObjectKey, java.io.ByteArrayOutputStream> sink = new java.util.TreeMap<>();

    List<ExportEntry> manifest = f.store.exportTenant(A, o -> {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      sink.put(o.key(), b);
      return b;
    }, "alice");

    assertThat(manifest).extracting(e -> e.object().key().value()).containsExactly("a", "b");
    assertThat(sink.get(ObjectKey.of("b")).toByteArray()).isEqualTo(TEXT);
    assertThat(manifest.get(1).sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(TEXT)));
    assertThat(manifest.get(1).object().geo()).isEqualTo(EUR);
    assertThat(f.audit.query(AuditQuery.of(A).withActivity("Export")).items()).hasSize(1);
  }

  @Test
  void moveTenant_movesEveryObjectToTheTarget_isResumable_andReports() {
    f.store.put(A, ObjectKey.of("a"), TEXT, Placement.central(), "alice");
    f.store.put(A, ObjectKey.of("b"), new byte[5], Placement.geo(EUR), "alice");

    GeoMoveReport report = f.store.moveTenant(A, EUR, "admin");

    assertThat(report.items()).extracting(GeoMoveReport.Item::outcome).containsExactly(
        GeoMoveReport.Outcome.MOVED, GeoMoveReport.Outcome.ALREADY_IN_TARGET);
    assertThat(report.verified()).isTrue();
    assertThat(report.bytesMoved()).isEqualTo(TEXT.length);
    assertThat(f.blobCount(NAM, A)).isZero();
    assertThat(f.store.getBytes(A, ObjectKey.of("a"), "alice")).isEqualTo(TEXT);
    assertThat(f.store.moveTenant(A, EUR, "admin").count(GeoMoveReport.Outcome.MOVED)).isZero();
    List<AuditRecord> moves = f.audit.query(AuditQuery.of(A).withActivity("GeoMove")).items();
    assertThat(moves).filteredOn(r -> "a".equals(r.target()))
        .extracting(r -> r.details().get("side") + "@" + r.details().get("geo"))
        .containsExactly("source@NAM", "target@EUR");
    assertThat(moves).filteredOn(r -> "a".equals(r.target())).allSatisfy(r ->
        assertThat(r.details()).containsEntry("from", "NAM").containsEntry("to", "EUR")
            .containsEntry("state", "SOURCE_CLEANED"));
    assertThat(moves).filteredOn(r -> r.target() == null).hasSize(2)
        .allSatisfy(r -> assertThat(r.details()).containsEntry("objects", "2"));
    assertThat(report.items()).extracting(GeoMoveReport.Item::state)
        .containsOnly(GeoMoveState.SOURCE_CLEANED);
  }

  @Test
  void moveTenant_targetBelowQuorum_failsAndLeavesTheObjectReadableInItsSource() {
    f.store.put(A, K, TEXT, Placement.central(), "alice");
    EncryptedStore broken = EncryptedStore.builder().geography(f.store.geography())
        .keys(f.keys).audit(f.audit).chunkSize(16)
        .replicas(NAM, List.copyOf(f.replicas.get(NAM)))
        .replicas(EUR, List.of(new Unavailable("EUR/1"), new Unavailable("EUR/2"),
            f.replica(EUR, 3)))
        .build();

    GeoMoveReport report = broken.moveTenant(A, EUR, "admin");

    assertThat(report.items()).singleElement().satisfies(i -> {
      assertThat(i.outcome()).isEqualTo(GeoMoveReport.Outcome.FAILED);
      assertThat(i.state()).isEqualTo(GeoMoveState.ROLLED_BACK);
    });
    assertThat(f.audit.query(AuditQuery.of(A).withActivity("GeoMove")).items())
        .filteredOn(r -> r.target() != null)
        .extracting(r -> r.details().get("side") + ":" + r.result())
        .containsExactly("source:FAILURE", "target:FAILURE");
    assertThat(report.verified()).isFalse();
    assertThat(f.store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(f.store.list(A, "alice")).extracting(ObjectInfo::geo).containsExactly(NAM);
    assertThat(f.blobCount(EUR, A)).isZero();
  }

  /** A replica whose every call fails, as a lost disk does. */
  private record Unavailable(String name) implements io.tenantry.datastore.spi.BlobReplica {
    private PortFailureException down() {
      return new PortFailureException("replica " + name + " is down",
          new java.io.IOException("disk gone"));
    }

    @Override
    public void put(io.tenantry.core.TenantId t, BlobName n, byte[] c) {
      throw down();
    }

    @Override
    public java.util.Optional<byte[]> get(io.tenantry.core.TenantId t, BlobName n) {
      throw down();
    }

    @Override
    public boolean delete(io.tenantry.core.TenantId t, BlobName n) {
      throw down();
    }

    @Override
    public List<BlobName> list(io.tenantry.core.TenantId t, BlobKind k) {
      throw down();
    }

    @Override
    public java.util.Set<io.tenantry.core.TenantId> tenants() {
      throw down();
    }
  }
}
