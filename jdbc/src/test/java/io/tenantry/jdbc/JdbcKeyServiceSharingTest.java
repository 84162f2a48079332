package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.spi.KeyState;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import io.tenantry.jdbc.datastore.JdbcKeysetStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two key-encryption services over one database, as two processes sharing it would be: racing
 * first uses and rotations from eight threads never lose a key (every data key either wrapped
 * unwraps through both), and shredding through one is final for both.
 */
class JdbcKeyServiceSharingTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");

  @RegisterExtension
  final Databases databases = new Databases();

  private record Wrapped(byte[] dataKey, byte[] aad, byte[] wrapped) {}

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void twoServices_racingWrapsAndRotations_neverLoseAKey(TestDatabase.Kind kind) throws Exception {
    JdbcDatabase db = databases.open(kind);
    String master = MasterKey.generateBase64();
    List<TinkKeyEncryptionService> services = List.of(
        JdbcKeysetStore.keyEncryptionService(db, MasterKey.fromBase64(master)),
        JdbcKeysetStore.keyEncryptionService(db, MasterKey.fromBase64(master)));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Wrapped> wrapped = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Wrapped>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          TinkKeyEncryptionService mine = services.get(thread % 2);
          List<Wrapped> out = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            byte[] key = ("key " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
            byte[] aad = ("aad " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
            out.add(new Wrapped(key, aad, mine.wrap(CONTOSO, key, aad)));
            if (i % 2 == thread % 2) {
              mine.rotate(CONTOSO);
            }
          }
          return out;
        }));
      }
      start.countDown();
      for (Future<List<Wrapped>> f : futures) {
        wrapped.addAll(f.get(2, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    for (TinkKeyEncryptionService s : services) {
      for (Wrapped w : wrapped) {
        assertThat(s.unwrap(CONTOSO, w.wrapped(), w.aad()))
            .as(Base64.getEncoder().encodeToString(w.wrapped())).isEqualTo(w.dataKey());
      }
    }
    assertThat(services.get(0).keyCount(CONTOSO)).as("one key created, 24 rotations")
        .isEqualTo(1 + threads * 3);

    services.get(0).destroy(CONTOSO);
    for (TinkKeyEncryptionService s : services) {
      assertThat(s.state(CONTOSO)).isEqualTo(KeyState.SHREDDED);
      assertThatThrownBy(() -> s.rotate(CONTOSO)).isInstanceOf(TenantShreddedException.class);
    }
  }
}
