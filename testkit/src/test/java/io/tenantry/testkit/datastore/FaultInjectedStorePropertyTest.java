package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.NoIntactCopyException;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.WriteQuorumException;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.FolderBlobReplica;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import io.tenantry.testkit.datastore.FaultyBlobReplica.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The store over fault-injecting replicas, in memory and on folders: whatever the faults, a read
 * returns the last committed content or fails; it never returns anything else.
 */
class FaultInjectedStorePropertyTest {
  private static final DataLocation NAM = GeoRegistry.documented().require("NAM");
  private static final TenantId T = TenantId.of("contoso");
  private static final ObjectKey K = ObjectKey.of("docs/k");

  private static List<FaultyBlobReplica> replicas(boolean folders) {
    List<FaultyBlobReplica> out = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      BlobReplica r;
      if (folders) {
        try {
          r = new FolderBlobReplica("NAM/replica-" + i, Files.createTempDirectory("replica"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      } else {
        r = new InMemoryBlobReplica("NAM/replica-" + i);
      }
      out.add(new FaultyBlobReplica(r));
    }
    return out;
  }

  private static EncryptedStore store(List<FaultyBlobReplica> replicas) {
    return EncryptedStore.builder().geography(TenantGeography.single(NAM))
        .replicas(NAM, replicas).writeQuorum(2).chunkSize(8)
        .keys(TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32]))).build();
  }

  @Provide
  Arbitrary<List<Fault>> faults() {
    return Arbitraries.of(Fault.NONE, Fault.FAIL, Fault.FAIL_WRITES, Fault.CORRUPT, Fault.LOSE)
        .list().ofSize(3);
  }

  @Property(tries = 120)
  void read_returnsLastCommittedContent_orFails_neverOtherBytes(
      @ForAll @Size(max = 40) byte[] v1, @ForAll @Size(max = 40) byte[] v2,
      @ForAll("faults") List<Fault> duringWrite, @ForAll("faults") List<Fault> duringRead,
      @ForAll boolean folders) {
    List<FaultyBlobReplica> replicas = replicas(folders);
    EncryptedStore store = store(replicas);
    store.put(T, K, v1, Placement.central(), "p");
    for (int i = 0; i < 3; i++) {
      replicas.get(i).inject(duringWrite.get(i));
    }
    byte[] committed = v1;
    try {
      store.put(T, K, v2, Placement.central(), "p");
      committed = v2;
    } catch (WriteQuorumException e) {
      assertThat(e.written()).isLessThan(2);
    }
    for (int i = 0; i < 3; i++) {
      replicas.get(i).inject(duringRead.get(i));
    }
    byte[] read;
    try {
      read = store.getBytes(T, K, "p");
    } catch (NoIntactCopyException | io.tenantry.core.error.NotFoundException e) {
      return;
    }
    if (duringWrite.contains(Fault.LOSE)) {
      // a replica that acknowledges writes it drops defeats any quorum: still never garbage
      assertThat(read).satisfiesAnyOf(r -> assertThat(r).isEqualTo(v1),
          r -> assertThat(r).isEqualTo(v2));
    } else if (!java.util.Arrays.equals(read, committed)) {
      // reads need one answering replica (cli.md), so the previous version is served only when
      // every replica that took the newest one is unavailable
      assertThat(read).isEqualTo(v1);
      for (int i = 0; i < 3; i++) {
        if (duringWrite.get(i) == Fault.NONE || duringWrite.get(i) == Fault.CORRUPT) {
          assertThat(duringRead.get(i)).as("replica %d took the newest version", i)
              .isEqualTo(Fault.FAIL);
        }
      }
    }
  }

  @Test
  void slowReplica_stillServesReadsAndWrites() {
    List<FaultyBlobReplica> replicas = replicas(false);
    replicas.get(0).inject(Fault.SLOW).delay(java.time.Duration.ofMillis(2));
    EncryptedStore store = store(replicas);
    store.put(T, K, new byte[] {1, 2, 3}, Placement.central(), "p");
    assertThat(store.getBytes(T, K, "p")).containsExactly(1, 2, 3);
  }

  @Test
  void twoReplicasDown_putFailsWithQuorum_andRepairAfterwardsRestoresThem() {
    List<FaultyBlobReplica> replicas = replicas(true);
    EncryptedStore store = store(replicas);
    store.put(T, K, new byte[] {1}, Placement.central(), "p");
    replicas.get(1).inject(Fault.FAIL);
    replicas.get(2).inject(Fault.LOSE);
    store.put(T, K, new byte[] {2}, Placement.central(), "p");
    replicas.get(0).inject(Fault.FAIL);
    replicas.get(2).inject(Fault.NONE);

    assertThatThrownBy(() -> store.put(T, K, new byte[] {3}, Placement.central(), "p"))
        .isInstanceOf(WriteQuorumException.class);
    replicas.forEach(r -> r.inject(Fault.NONE));
    assertThat(store.getBytes(T, K, "p")).containsExactly(2);
    assertThat(store.verify(true, "ops").intact()).isTrue();
    assertThat(store.verify(false, "ops").findings()).isEmpty();
  }
}
