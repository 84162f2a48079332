package io.tenantry.datastore;

import static io.tenantry.datastore.StoreFixture.A;
import static io.tenantry.datastore.StoreFixture.NAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.KeyEncryptionService;
import io.tenantry.datastore.spi.KeyState;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fast path of put and get: one key-service wrap per intermediate key (not per version), no
 * key-service call on a warm read, one ciphertext array shared by the in-memory replicas, and
 * caches that never skip a check.
 */
class HotPathTest {
  private static final ObjectKey K = ObjectKey.of("reports/q3.txt");
  private static final byte[] TEXT = "Content long enough for several chunks of sixteen bytes."
      .getBytes(StandardCharsets.US_ASCII);

  /** Counts the calls that would go to a remote key service. */
  private static final class CountingKeys implements KeyEncryptionService {
    final KeyEncryptionService inner =
        TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32]));
    final AtomicInteger wraps = new AtomicInteger();
    final AtomicInteger unwraps = new AtomicInteger();

    @Override
    public byte[] wrap(TenantId tenant, byte[] dataKey, byte[] associatedData) {
      wraps.incrementAndGet();
      try {
        return inner.wrap(tenant, dataKey, associatedData);
      } finally {
        java.util.Arrays.fill(dataKey, (byte) 0);   // the key is "not kept": a service may erase it
      }
    }

    /** Runs once right after the next unwrap, before its keys reach the store. */
    volatile Runnable afterNextUnwrap;

    @Override
    public byte[] unwrap(TenantId tenant, byte[] wrappedKey, byte[] associatedData) {
      unwraps.incrementAndGet();
      byte[] key = inner.unwrap(tenant, wrappedKey, associatedData);
      Runnable hook = afterNextUnwrap;
      if (hook != null) {
        afterNextUnwrap = null;
        hook.run();
      }
      return key;
    }

    @Override
    public void rotate(TenantId tenant) {
      inner.rotate(tenant);
    }

    @Override
    public void destroy(TenantId tenant) {
      inner.destroy(tenant);
    }

    @Override
    public KeyState state(TenantId tenant) {
      return inner.state(tenant);
    }
  }

  private final CountingKeys keys = new CountingKeys();
  private final List<InMemoryBlobReplica> replicas = List.of(new InMemoryBlobReplica("r1"),
      new InMemoryBlobReplica("r2"), new InMemoryBlobReplica("r3"));
  private final EncryptedStore store = EncryptedStore.builder()
      .geography(new TenantGeography(NAM, List.of())).replicas(NAM, replicas).chunkSize(16)
      .keys(keys).build();

  @Test
  void puts_ofSeveralChunks_wrapOneIntermediateKey_andAWarmGetUnwrapsNothing() {
    store.put(A, K, TEXT, Placement.central(), "alice");
    store.put(A, K, TEXT, Placement.central(), "alice");
    store.put(A, ObjectKey.of("reports/q4.txt"), TEXT, Placement.central(), "alice");

    assertThat(keys.wraps).hasValue(1);
    int unwrapsAfterPuts = keys.unwraps.get();
    assertThat(store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(keys.unwraps).hasValue(unwrapsAfterPuts);
  }

  @Test
  void get_fromTheCache_afterTheKeyServiceErasedTheKeysItWrapped_returnsTheContent() {
    store.put(A, K, TEXT, Placement.central(), "alice");
    int unwraps = keys.unwraps.get();

    assertThat(store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(keys.unwraps).hasValue(unwraps);
  }

  @Test
  void get_thatUnwrappedJustBeforeAShred_leavesNoKeysCached_soTheNextGetFails() {
    store.put(A, K, TEXT, Placement.central(), "alice");
    EncryptedStore cold = EncryptedStore.builder()
        .geography(new TenantGeography(NAM, List.of())).replicas(NAM, replicas).chunkSize(16)
        .keys(keys).build();
    keys.afterNextUnwrap = () -> cold.shredTenant(A, "admin");

    assertThat(cold.getBytes(A, K, "alice")).isEqualTo(TEXT);   // in flight when the shred came

    assertThatThrownBy(() -> cold.getBytes(A, K, "alice"))
        .isInstanceOf(TenantShreddedException.class);
  }

  @Test
  void get_afterTheKeyCacheExpired_unwrapsThroughTheKeyServiceAgain() {
    // an expiry shorter than any put: the version the put remembered may not be served from
    // memory once its intermediate key is no longer cached
    EncryptedStore expiring = EncryptedStore.builder()
        .geography(new TenantGeography(NAM, List.of())).replicas(NAM, replicas).chunkSize(16)
        .keys(keys).dataKeyCache(100, java.time.Duration.ofNanos(1)).build();
    expiring.put(A, K, TEXT, Placement.central(), "alice");

    for (int i = 0; i < 3; i++) {
      int before = keys.unwraps.get();
      assertThat(expiring.getBytes(A, K, "alice")).isEqualTo(TEXT);
      assertThat(keys.unwraps.get()).isGreaterThan(before);
    }
  }

  @Test
  void get_inAFreshStore_unwrapsTheIntermediateKeyOnce_forAllObjectsUnderIt() {
    ObjectKey other = ObjectKey.of("reports/q4.txt");
    store.put(A, K, TEXT, Placement.central(), "alice");
    store.put(A, other, TEXT, Placement.central(), "alice");
    EncryptedStore fresh = EncryptedStore.builder()
        .geography(new TenantGeography(NAM, List.of())).replicas(NAM, replicas).chunkSize(16)
        .keys(keys).build();
    int before = keys.unwraps.get();

    assertThat(fresh.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(fresh.getBytes(A, other, "alice")).isEqualTo(TEXT);
    assertThat(fresh.getBytes(A, K, "alice")).isEqualTo(TEXT);
    assertThat(keys.unwraps.get() - before).isEqualTo(1);
  }

  @Test
  void put_onInMemoryReplicas_handsEveryReplicaTheSameCiphertextArray() {
    store.put(A, K, TEXT, Placement.central(), "alice");

    List<BlobName> chunks = replicas.get(0).list(A, BlobKind.CHUNK);
    assertThat(chunks).hasSize((TEXT.length + 15) / 16);
    for (BlobName chunk : chunks) {
      byte[] first = replicas.get(0).getShared(A, chunk).orElseThrow();
      assertThat(replicas.get(1).getShared(A, chunk)).containsSame(first);
      assertThat(replicas.get(2).getShared(A, chunk)).containsSame(first);
    }
  }

  @Test
  void get_keysBlobAlteredOnEveryReplicaWhileCached_failsClosed() {
    store.put(A, K, TEXT, Placement.central(), "alice");
    assertThat(store.getBytes(A, K, "alice")).isEqualTo(TEXT);
    for (InMemoryBlobReplica r : replicas) {
      StoreFixture.corrupt(r, A, BlobKind.KEYS);
    }

    assertThatThrownBy(() -> store.getBytes(A, K, "alice"))
        .isInstanceOf(NoIntactCopyException.class);
    assertThat(store.verify(false, "ops").intact()).isFalse();
  }

  @Test
  void get_mapAndKeysOfAnotherObjectCopiedInWhileCached_neverReturnTheOtherContent() {
    ObjectKey other = ObjectKey.of("reports/other.txt");
    store.put(A, K, TEXT, Placement.central(), "alice");
    store.put(A, other, "something else entirely".getBytes(StandardCharsets.US_ASCII),
        Placement.central(), "alice");
    store.getBytes(A, K, "alice");
    InMemoryBlobReplica r1 = replicas.get(0);
    BlobName otherMap = r1.list(A, BlobKind.MAP).stream()
        .filter(n -> !n.equals(mapOf(r1, K))).findFirst().orElseThrow();
    for (InMemoryBlobReplica r : replicas) {
      BlobName kMap = mapOf(r, K);
      r.put(A, kMap, r.get(A, otherMap).orElseThrow());
      r.put(A, BlobName.of(BlobKind.KEYS, kMap.id()),
          r.get(A, BlobName.of(BlobKind.KEYS, otherMap.id())).orElseThrow());
    }

    assertThatThrownBy(() -> store.getBytes(A, K, "alice"))
        .isInstanceOf(NoIntactCopyException.class);
  }

  @Test
  void verify_afterWarmReads_unwrapsThroughTheKeyService() {
    store.put(A, K, TEXT, Placement.central(), "alice");
    store.getBytes(A, K, "alice");
    int before = keys.unwraps.get();

    assertThat(store.verify(false, "ops").intact()).isTrue();
    assertThat(keys.unwraps.get()).isGreaterThan(before);
  }

  /** The map blob of {@code key}: named by the SHA-256 of the key, as the engine documents. */
  private static BlobName mapOf(InMemoryBlobReplica r, ObjectKey key) {
    try {
      return BlobName.of(BlobKind.MAP, java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.value().getBytes(StandardCharsets.UTF_8))));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
