package io.tenantry.identity.domains;

import java.util.Objects;

/**
 * The DNS records that prove ownership of a domain ({@code directory-semantics.md} §6.2): a TXT
 * record {@code MS=ms########} at {@code @}, or an MX record {@code ms########.msv1.invalid} with
 * priority 32767 (so it never receives mail), both with TTL 3600.
 *
 * @param txtHost the TXT record's host, {@code @}
 * @param txtValue the TXT value, {@code MS=ms########}
 * @param mxExchange the MX exchange, {@code ms########.msv1.invalid}
 * @param mxPriority the MX priority, 32767
 * @param ttlSeconds the TTL of both records, 3600
 */
public record DnsVerificationRecords(String txtHost, String txtValue, String mxExchange, int mxPriority,
    int ttlSeconds) {
  /**
   * Validates the records.
   *
   * @throws NullPointerException if a text component is null
   */
  public DnsVerificationRecords {
    Objects.requireNonNull(txtHost, "txtHost");
    Objects.requireNonNull(txtValue, "txtValue");
    Objects.requireNonNull(mxExchange, "mxExchange");
  }

  /**
   * The records for a verification token.
   *
   * @param token the token, e.g. {@code ms12345678}
   * @return the records
   */
  public static DnsVerificationRecords forToken(String token) {
    return new DnsVerificationRecords("@", "MS=" + token, token + ".msv1.invalid", 32767, 3600);
  }
}
