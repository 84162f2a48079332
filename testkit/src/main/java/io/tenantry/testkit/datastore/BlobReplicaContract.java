package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract (TCK) of {@link BlobReplica}: atomic replace, fresh copies in and out, idempotent
 * delete, sorted listing per kind, and tenant isolation (the same name under two tenants is two
 * blobs; nothing of one tenant is visible through another). To check an adapter, extend this class:
 *
 * <pre>{@code
 * class MyReplicaContractTest extends BlobReplicaContract {
 *   @Override protected BlobReplica newReplica() { return new MyReplica(...); }
 * }
 * }</pre>
 */
public abstract class BlobReplicaContract {
  /** A tenant. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** Another tenant. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private BlobReplica replica;

  /**
   * Returns a new, empty replica of the adapter under test.
   *
   * @return the replica
   */
  protected abstract BlobReplica newReplica();

  @BeforeEach
  void createReplica() {
    replica = newReplica();
  }

  private static BlobName chunk(String id) {
    return BlobName.of(BlobKind.CHUNK, id);
  }

  @Test
  void get_missingBlob_isEmpty() {
    assertThat(replica.get(CONTOSO, chunk("a1"))).isEmpty();
  }

  @Test
  void put_thenGet_returnsTheBytes_andPutReplaces() {
    replica.put(CONTOSO, chunk("a1"), new byte[] {1, 2, 3});
    assertThat(replica.get(CONTOSO, chunk("a1"))).hasValueSatisfying(
        b -> assertThat(b).containsExactly(1, 2, 3));

    replica.put(CONTOSO, chunk("a1"), new byte[] {9});
    assertThat(replica.get(CONTOSO, chunk("a1"))).hasValueSatisfying(
        b -> assertThat(b).containsExactly(9));
  }

  @Test
  void put_emptyBlob_isStoredAndReturned() {
    replica.put(CONTOSO, chunk("e"), new byte[0]);
    assertThat(replica.get(CONTOSO, chunk("e"))).hasValueSatisfying(b -> assertThat(b).isEmpty());
  }

  @Test
  void arrays_areCopied_inAndOut() {
    byte[] in = {1, 2, 3};
    replica.put(CONTOSO, chunk("a1"), in);
    in[0] = 42;
    byte[] out = replica.get(CONTOSO, chunk("a1")).orElseThrow();
    out[1] = 42;
    assertThat(replica.get(CONTOSO, chunk("a1")).orElseThrow()).containsExactly(1, 2, 3);
  }

  @Test
  void putShared_andGetShared_storeAndReadTheSameBytesAsPutAndGet() {
    replica.putShared(CONTOSO, chunk("s1"), new byte[] {4, 5});
    assertThat(replica.get(CONTOSO, chunk("s1"))).hasValueSatisfying(
        b -> assertThat(b).containsExactly(4, 5));
    replica.put(CONTOSO, chunk("s2"), new byte[] {6});
    assertThat(replica.getShared(CONTOSO, chunk("s2"))).hasValueSatisfying(
        b -> assertThat(b).containsExactly(6));
    assertThat(replica.getShared(CONTOSO, chunk("missing"))).isEmpty();
    assertThat(replica.getShared(FABRIKAM, chunk("s1"))).isEmpty();
  }

  @Test
  void delete_isIdempotent_andTellsWhetherItRemovedSomething() {
    replica.put(CONTOSO, chunk("a1"), new byte[] {1});
    assertThat(replica.delete(CONTOSO, chunk("a1"))).isTrue();
    assertThat(replica.delete(CONTOSO, chunk("a1"))).isFalse();
    assertThat(replica.get(CONTOSO, chunk("a1"))).isEmpty();
  }

  @Test
  void list_returnsOneKindSorted() {
    replica.put(CONTOSO, chunk("b2"), new byte[] {1});
    replica.put(CONTOSO, chunk("a1"), new byte[] {1});
    replica.put(CONTOSO, BlobName.of(BlobKind.MAP, "a1"), new byte[] {1});
    replica.put(CONTOSO, BlobName.of(BlobKind.KEYS, "z9"), new byte[] {1});

    assertThat(replica.list(CONTOSO, BlobKind.CHUNK)).containsExactly(chunk("a1"), chunk("b2"));
    assertThat(replica.list(CONTOSO, BlobKind.MAP)).containsExactly(BlobName.of(BlobKind.MAP, "a1"));
    assertThat(replica.list(CONTOSO, BlobKind.KEYS)).containsExactly(
        BlobName.of(BlobKind.KEYS, "z9"));
  }

  @Test
  void kinds_areSeparateNamespaces() {
    replica.put(CONTOSO, chunk("x"), new byte[] {1});
    replica.put(CONTOSO, BlobName.of(BlobKind.MAP, "x"), new byte[] {2});
    assertThat(replica.get(CONTOSO, chunk("x")).orElseThrow()).containsExactly(1);
    assertThat(replica.get(CONTOSO, BlobName.of(BlobKind.MAP, "x")).orElseThrow())
        .containsExactly(2);
  }

  @Test
  void tenants_areIsolated_sameNameIsTwoBlobs() {
    replica.put(CONTOSO, chunk("a1"), new byte[] {1});
    replica.put(FABRIKAM, chunk("a1"), new byte[] {2});
    replica.delete(FABRIKAM, chunk("a1"));

    assertThat(replica.get(CONTOSO, chunk("a1")).orElseThrow()).containsExactly(1);
    assertThat(replica.get(FABRIKAM, chunk("a1"))).isEmpty();
    assertThat(replica.list(FABRIKAM, BlobKind.CHUNK)).isEmpty();
  }

  @Test
  void tenants_listsOnlyTenantsWithBlobs() {
    assertThat(replica.tenants()).isEmpty();
    replica.put(FABRIKAM, chunk("a1"), new byte[] {1});
    replica.put(CONTOSO, chunk("a1"), new byte[] {1});
    assertThat(replica.tenants()).containsExactlyInAnyOrder(CONTOSO, FABRIKAM);
  }

  @Test
  void concurrentWriters_ofDistinctBlobs_allLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            replica.put(CONTOSO, chunk("t" + thread + "-" + i), new byte[] {(byte) i});
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(replica.list(CONTOSO, BlobKind.CHUNK)).hasSize(100);
  }
}
