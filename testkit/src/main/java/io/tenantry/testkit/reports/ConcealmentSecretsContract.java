package io.tenantry.testkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.spi.ConcealmentSecrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract (TCK) of {@link ConcealmentSecrets}: at least 16 bytes, stable for a tenant
 * (including when several threads ask first at once), different for different tenants, and a
 * fresh copy each time. To check an adapter, extend this class and implement {@link #newSecrets()}.
 */
public abstract class ConcealmentSecretsContract {
  /** A tenant. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** Another tenant. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private ConcealmentSecrets secrets;

  /**
   * Returns a new port of the adapter under test.
   *
   * @return the port
   */
  protected abstract ConcealmentSecrets newSecrets();

  @BeforeEach
  void createSecrets() {
    secrets = newSecrets();
  }

  @Test
  void secret_isLongEnough_stable_andACopy() {
    byte[] first = secrets.secretFor(CONTOSO);
    assertThat(first.length).isGreaterThanOrEqualTo(16);
    byte[] kept = first.clone();
    first[0] ^= 1;
    assertThat(secrets.secretFor(CONTOSO)).isEqualTo(kept);
  }

  @Test
  void tenants_getDifferentSecrets() {
    assertThat(secrets.secretFor(CONTOSO)).isNotEqualTo(secrets.secretFor(FABRIKAM));
    assertThat(secrets.secretFor(TenantId.of("contoso2"))).isNotEqualTo(secrets.secretFor(CONTOSO));
  }

  @Test
  void firstRequestsFromEightThreads_allGetTheSameSecret() throws Exception {
    TenantId fresh = TenantId.of("northwind");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return HexFormat.of().formatHex(secrets.secretFor(fresh));
        }));
      }
      start.countDown();
      Set<String> seen = new HashSet<>();
      for (Future<String> f : futures) {
        seen.add(f.get(1, TimeUnit.MINUTES));
      }
      assertThat(seen).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
