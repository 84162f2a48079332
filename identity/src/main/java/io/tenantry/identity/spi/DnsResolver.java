package io.tenantry.identity.spi;

import io.tenantry.identity.domains.DomainName;
import java.util.List;
import java.util.Objects;

/**
 * The port through which domain verification reads public DNS.
 *
 * <p>Contract: thread-safe; may block on the network; reads only; returns the records currently
 * visible (empty lists when there are none or the name does not exist); infrastructure failures
 * surface as {@link io.tenantry.core.error.PortFailureException}, and verification then fails
 * without changing the domain. DNS is global, so calls carry no tenant.
 */
public interface DnsResolver {
  /**
   * Returns the TXT records of a name.
   *
   * @param name the domain
   * @return the TXT strings
   */
  List<String> txtRecords(DomainName name);

  /**
   * Returns the MX records of a name.
   *
   * @param name the domain
   * @return the MX records
   */
  List<MxRecord> mxRecords(DomainName name);

  /**
   * One MX record.
   *
   * @param exchange the mail exchange host
   * @param priority the priority
   */
  record MxRecord(String exchange, int priority) {
    /**
     * Validates the record.
     *
     * @throws NullPointerException if {@code exchange} is null
     */
    public MxRecord {
      Objects.requireNonNull(exchange, "exchange");
    }
  }
}
