package io.tenantry.identity.spi;

import io.tenantry.core.TenantId;
import io.tenantry.identity.domains.DomainName;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A thread-safe {@link DomainRegistry} held in memory, for one process hosting many tenants (and
 * for tests). Claims are atomic per domain.
 */
public final class InMemoryDomainRegistry implements DomainRegistry {
  private final ConcurrentMap<DomainName, TenantId> holders = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public InMemoryDomainRegistry() {}

  @Override
  public boolean claim(TenantId tenant, DomainName domain) {
    Objects.requireNonNull(tenant, "tenant");
    TenantId holder = holders.putIfAbsent(Objects.requireNonNull(domain, "domain"), tenant);
    return holder == null || holder.equals(tenant);
  }

  @Override
  public void release(TenantId tenant, DomainName domain) {
    holders.remove(Objects.requireNonNull(domain, "domain"), Objects.requireNonNull(tenant, "tenant"));
  }
}
