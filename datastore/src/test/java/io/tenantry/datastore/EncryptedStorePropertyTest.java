package io.tenantry.datastore;

import static io.tenantry.datastore.StoreFixture.A;
import static io.tenantry.datastore.StoreFixture.B;
import static io.tenantry.datastore.StoreFixture.EUR;
import static io.tenantry.datastore.StoreFixture.NAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EncryptedStorePropertyTest {
  private static final int CHUNK = 16;
  private static final ObjectKey K = ObjectKey.of("k");

  @Provide
  Arbitrary<byte[]> contents() {
    Arbitrary<Integer> sizes = Arbitraries.oneOf(
        Arbitraries.of(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK,
            2 * CHUNK + 1, 4096 + 3),
        Arbitraries.integers().between(0, 300));
    return sizes.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
  }

  @Property(tries = 150)
  void putThenGet_returnsTheSameBytes_forEverySize(@ForAll("contents") byte[] content) {
    StoreFixture f = new StoreFixture(CHUNK);
    ObjectInfo info = f.store.put(A, K, content, Placement.central(), "p");

    assertThat(info.size()).isEqualTo(content.length);
    assertThat(f.store.getBytes(A, K, "p")).isEqualTo(content);
    assertThat(f.replica(NAM, 1).list(A, BlobKind.CHUNK))
        .hasSize((content.length + CHUNK - 1) / CHUNK);
  }

  @Property(tries = 100)
  void blobsOfOneTenant_inAnotherTenantsPlace_neverDecryptToTheirContent(
      @ForAll("contents") byte[] secret, @ForAll("contents") byte[] own,
      @ForAll @IntRange(min = 1, max = 3) int replicasTampered) {
    StoreFixture f = new StoreFixture(CHUNK);
    f.store.put(A, K, secret, Placement.central(), "a");
    f.store.put(B, K, own, Placement.central(), "b");
    for (int i = 1; i <= replicasTampered; i++) {
      InMemoryBlobReplica r = f.replica(NAM, i);
      for (BlobKind kind : BlobKind.values()) {
        for (BlobName n : r.list(A, kind)) {
          r.put(B, n, r.get(A, n).orElseThrow());
        }
      }
    }

    try {
      assertThat(f.store.getBytes(B, K, "b")).isEqualTo(own);
    } catch (NoIntactCopyException expected) {
      assertThat(replicasTampered).isEqualTo(3);
    }
  }

  @Property(tries = 200)
  void aCorruptedChunk_isNeverReturned(
      @ForAll @Size(min = 1, max = 80) byte[] content,
      @ForAll @IntRange(min = 0, max = 7) int replicaMask,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    StoreFixture f = new StoreFixture(CHUNK);
    f.store.put(A, K, content, Placement.central(), "p");
    for (int i = 0; i < 3; i++) {
      if ((replicaMask & (1 << i)) != 0) {
        InMemoryBlobReplica r = f.replica(NAM, i + 1);
        List<BlobName> chunks = r.list(A, BlobKind.CHUNK);
        BlobName victim = chunks.get(where % chunks.size());
        byte[] b = r.get(A, victim).orElseThrow();
        b[where % b.length] ^= (byte) flip;
        r.put(A, victim, b);
      }
    }

    if (replicaMask == 7) {
      assertThatThrownBy(() -> f.store.getBytes(A, K, "p"))
          .isInstanceOf(NoIntactCopyException.class);
    } else {
      assertThat(f.store.getBytes(A, K, "p")).isEqualTo(content);
      assertThat(f.store.verify(false, "p").intact()).isTrue();
    }
  }

  @Property(tries = 200)
  void anyByteOfAnyBlobOnOneReplica_altered_isReadAroundAndRepaired(
      @ForAll @Size(min = 0, max = 60) byte[] content,
      @ForAll @IntRange(min = 1, max = 3) int replica,
      @ForAll BlobKind kind,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    StoreFixture f = new StoreFixture(CHUNK);
    f.store.put(A, K, content, Placement.central(), "p");
    InMemoryBlobReplica r = f.replica(NAM, replica);
    List<BlobName> blobs = r.list(A, kind);
    net.jqwik.api.Assume.that(!blobs.isEmpty());
    BlobName victim = blobs.get(where % blobs.size());
    byte[] b = r.get(A, victim).orElseThrow();
    b[where % b.length] ^= (byte) flip;
    r.put(A, victim, b);

    assertThat(f.store.getBytes(A, K, "p")).isEqualTo(content);
    f.store.verify(true, "p");
    assertThat(f.store.verify(false, "p").findings()).isEmpty();
  }

  @Provide
  Arbitrary<List<Map.Entry<String, Placement>>> puts() {
    Arbitrary<Placement> placement = Arbitraries.oneOf(
        Arbitraries.just(Placement.central()),
        Arbitraries.of(NAM, EUR).map(Placement::geo),
        Arbitraries.of("EUR", "eur", "NAM", "NAN", "", "JPN").injectNull(0.2)
            .map(Placement::preferred));
    return Combinators.combine(Arbitraries.of("a", "b", "c"), placement).as(Map::entry)
        .list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 100)
  void everyObject_isStoredOnlyInTheGeoItWasPlacedIn(
      @ForAll("puts") List<Map.Entry<String, Placement>> puts) {
    StoreFixture f = new StoreFixture(CHUNK);
    Map<String, DataLocation> expected = new HashMap<>();
    for (Map.Entry<String, Placement> p : puts) {
      DataLocation geo = f.store.put(A, ObjectKey.of(p.getKey()), new byte[40], p.getValue(), "p")
          .geo();
      expected.put(p.getKey(), geo);
      DataLocation oracle = p.getValue() instanceof Placement.InGeo g ? g.geo()
          : p.getValue() instanceof Placement.Preferred pdl
              && pdl.preferredDataLocation() != null
              && pdl.preferredDataLocation().equalsIgnoreCase("EUR") ? EUR : NAM;
      assertThat(geo).isEqualTo(oracle);
    }
    for (DataLocation g : List.of(NAM, EUR)) {
      long objects = expected.values().stream().filter(g::equals).count();
      for (InMemoryBlobReplica r : f.replicas.get(g)) {
        assertThat(r.list(A, BlobKind.MAP)).hasSize((int) objects);
        assertThat(r.list(A, BlobKind.CHUNK)).hasSize((int) objects * 3);
      }
    }
  }
}
