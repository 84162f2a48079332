package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.testkit.datastore.FaultyBlobReplica.Fault;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FaultyBlobReplicaTest {
  private static final TenantId T = TenantId.of("t");
  private static final BlobName N = BlobName.of(BlobKind.CHUNK, "n");
  private final FaultyBlobReplica r = new FaultyBlobReplica(new InMemoryBlobReplica("r"));

  @Test
  void fail_throwsOnEveryCall_failWritesOnlyOnWrites() {
    r.put(T, N, new byte[] {1});
    r.inject(Fault.FAIL);
    assertThatThrownBy(() -> r.get(T, N)).isInstanceOf(PortFailureException.class);
    r.inject(Fault.FAIL_WRITES);
    assertThat(r.get(T, N)).isPresent();
    assertThatThrownBy(() -> r.put(T, N, new byte[1])).isInstanceOf(PortFailureException.class);
  }

  @Test
  void corrupt_altersWhatIsRead_notWhatIsStored() {
    r.put(T, N, new byte[] {1, 2, 3});
    r.inject(Fault.CORRUPT);
    assertThat(r.get(T, N).orElseThrow()).containsExactly(1, 3, 3);
    assertThat(r.inner().get(T, N).orElseThrow()).containsExactly(1, 2, 3);
  }

  @Test
  void lose_acknowledgesWritesButDropsThem_slowStillWorks() {
    r.inject(Fault.LOSE);
    r.put(T, N, new byte[] {1});
    assertThat(r.get(T, N)).isEmpty();
    r.inject(Fault.SLOW).delay(Duration.ofMillis(1));
    r.put(T, N, new byte[] {1});
    assertThat(r.get(T, N)).isPresent();
  }

  @Test
  void holdWritesUntil_stallsWritesUntilTheLatchOpens_readsGoOn() throws InterruptedException {
    r.put(T, N, new byte[] {1});
    CountDownLatch gate = new CountDownLatch(1);
    r.holdWritesUntil(gate);
    Thread writer = new Thread(() -> r.put(T, N, new byte[] {2}));
    writer.start();

    assertThat(r.get(T, N).orElseThrow()).containsExactly(1);
    gate.countDown();
    writer.join();
    assertThat(r.get(T, N).orElseThrow()).containsExactly(2);
  }
}
