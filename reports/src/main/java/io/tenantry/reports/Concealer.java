package io.tenantry.reports;

import io.tenantry.core.TenantId;
import io.tenantry.reports.spi.ConcealmentSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Concealed names ({@code activity-events.md} §8) for one tenant: a user principal name, display name
 * or group name becomes the upper-case hexadecimal of the first 128 bits of HMAC-SHA-256(tenant
 * secret, UTF-8 of the original value exactly as given, case included); ids become the all-zero
 * GUID.
 * Deterministic for a given secret: the same value gets the same token in every report of the
 * tenant. Not thread-safe (one per report run); cheap to create.
 */
public final class Concealer {
  /** The all-zero GUID that replaces User Id and Group Id. */
  public static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";

  private final TenantId tenant;
  private final Mac mac;

  private Concealer(TenantId tenant, byte[] secret) {
    this.tenant = tenant;
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * Creates the concealer of a tenant.
   *
   * @param tenant the tenant
   * @param secrets the port supplying the tenant's secret
   * @return the concealer
   * @throws io.tenantry.core.error.PortFailureException if the secret cannot be obtained
   */
  public static Concealer of(TenantId tenant, ConcealmentSecrets secrets) {
    Objects.requireNonNull(tenant, "tenant");
    byte[] secret = secrets.secretFor(tenant);
    if (secret == null || secret.length < 16) {
      throw new IllegalStateException("the concealment secret of " + tenant
          + " must have at least 16 bytes");
    }
    return new Concealer(tenant, secret);
  }

  /**
   * Returns the tenant whose secret this concealer uses.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Returns the token of a value; blank stays blank.
   *
   * @param value the original value
   * @return 32 upper-case hexadecimal characters, or "" for a blank value
   */
  public String token(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().withUpperCase().formatHex(h, 0, 16);
  }
}
