package io.tenantry.reports.spi;

import io.tenantry.core.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Concealment secrets derived from one master secret held in memory: each tenant's secret is
 * HMAC-SHA-256(master, {@code "tenantry-conceal:" + tenantId}), so tenants never share a secret and
 * the same master always gives the same tokens. Immutable and thread-safe; never blocks.
 */
public final class InMemoryConcealmentSecrets implements ConcealmentSecrets {
  private final byte[] master;

  private InMemoryConcealmentSecrets(byte[] master) {
    this.master = master;
  }

  /**
   * Creates the port from a master secret.
   *
   * @param master at least 16 bytes (copied)
   * @return the port
   * @throws IllegalArgumentException if the master secret is shorter than 16 bytes
   */
  public static InMemoryConcealmentSecrets of(byte[] master) {
    Objects.requireNonNull(master, "master");
    if (master.length < 16) {
      throw new IllegalArgumentException("a concealment master secret needs at least 16 bytes, got "
          + master.length);
    }
    return new InMemoryConcealmentSecrets(master.clone());
  }

  @Override
  public byte[] secretFor(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(("tenantry-conceal:" + tenant.value()).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Never reveals the master secret.
   *
   * @return a fixed description
   */
  @Override
  public String toString() {
    return "InMemoryConcealmentSecrets[master=" + (master.length > 0 ? "***" : "") + "]";
  }
}
