package io.tenantry.identity.spi;

import io.tenantry.identity.domains.DomainName;
import java.util.List;

/**
 * The port that finds the e-mail addresses a domain's registrar lists as its owners (9.10).
 *
 * <p>Contract: thread-safe; may block; reads only; returns an empty list when the registrar lists
 * no address; failures surface as {@link io.tenantry.core.error.PortFailureException}. Registrar
 * data is global, so calls carry no tenant.
 */
@FunctionalInterface
public interface RegistrarLookup {
  /**
   * Returns the owner e-mail addresses of a domain.
   *
   * @param name the domain
   * @return the addresses
   */
  List<String> ownerEmails(DomainName name);
}
