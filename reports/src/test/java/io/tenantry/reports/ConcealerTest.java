package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.spi.InMemoryConcealmentSecrets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConcealerTest {
  private static final InMemoryConcealmentSecrets SECRETS =
      InMemoryConcealmentSecrets.of("a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));

  @Test
  void token_sameSecret_isStableUpperHexOf128Bits() {
    Concealer a = Concealer.of(TenantId.of("contoso"), SECRETS);
    Concealer b = Concealer.of(TenantId.of("contoso"), SECRETS);
    assertThat(a.token("Alice Adams")).matches("[0-9A-F]{32}").isEqualTo(b.token("Alice Adams"));
    assertThat(a.token("Alice@Contoso.com")).isNotEqualTo(a.token("alice@contoso.com"));
    assertThat(a.token("")).isEmpty();
  }

  @Test
  void token_otherTenant_differs() {
    assertThat(Concealer.of(TenantId.of("contoso"), SECRETS).token("x"))
        .isNotEqualTo(Concealer.of(TenantId.of("fabrikam"), SECRETS).token("x"));
    assertThat(SECRETS.toString()).doesNotContain("secret-of");
  }
}
