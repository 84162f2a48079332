package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.identity.domains.DomainName;
import io.tenantry.identity.spi.DomainRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DomainRegistry} implementation must meet: one holder per domain,
 * idempotent claims and releases, a release never freeing another tenant's claim, subdomains held
 * separately, and exclusive claims under concurrency. Extend it and implement {@link #newRegistry()}.
 */
public abstract class DomainRegistryContract {
  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");
  private static final DomainName COM = DomainName.of("contoso.com");

  private DomainRegistry registry;

  /**
   * Returns a new, empty registry for one test.
   *
   * @return the implementation under test
   */
  protected abstract DomainRegistry newRegistry();

  @BeforeEach
  void setUp() {
    registry = newRegistry();
  }

  @Test
  void claim_heldByAnotherTenant_fails_andRepeatedClaimByTheHolderSucceeds() {
    assertThat(registry.claim(CONTOSO, COM)).isTrue();
    assertThat(registry.claim(CONTOSO, COM)).isTrue();
    assertThat(registry.claim(FABRIKAM, COM)).isFalse();
  }

  @Test
  void release_byANonHolder_changesNothing_byTheHolder_freesTheDomain() {
    registry.claim(CONTOSO, COM);
    registry.release(FABRIKAM, COM);
    assertThat(registry.claim(FABRIKAM, COM)).isFalse();
    registry.release(CONTOSO, COM);
    registry.release(CONTOSO, COM);
    assertThat(registry.claim(FABRIKAM, COM)).isTrue();
  }

  @Test
  void subdomain_isHeldSeparatelyFromItsRoot() {
    registry.claim(CONTOSO, COM);
    assertThat(registry.claim(FABRIKAM, DomainName.of("mail.contoso.com"))).isTrue();
  }

  @Test
  void concurrentClaims_ofOneDomain_haveExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        TenantId tenant = TenantId.of("tenant" + t);
        claims.add(() -> registry.claim(tenant, COM));
      }
      int winners = 0;
      for (Future<Boolean> f : pool.invokeAll(claims)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
