package io.tenantry.identity.domains;

/** Whether the tenant has proven it owns a domain. */
public enum DomainStatus {
  /** Added, ownership not proven yet. */
  UNVERIFIED,
  /** Ownership proven (TXT, MX, e-mail code, or a verified parent domain). */
  VERIFIED
}
