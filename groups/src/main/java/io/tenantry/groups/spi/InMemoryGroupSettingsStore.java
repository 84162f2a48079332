package io.tenantry.groups.spi;

import io.tenantry.core.TenantId;
import io.tenantry.groups.TenantGroupSettings;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link GroupSettingsStore} held in memory. */
public final class InMemoryGroupSettingsStore implements GroupSettingsStore {
  private final Map<TenantId, TenantGroupSettings> settings = new ConcurrentHashMap<>();

  /** Creates a store in which every tenant has the defaults. */
  public InMemoryGroupSettingsStore() {}

  @Override
  public TenantGroupSettings get(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return settings.getOrDefault(tenant, TenantGroupSettings.defaults(tenant));
  }

  @Override
  public void put(TenantId tenant, TenantGroupSettings value) {
    settings.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(value, "settings"));
  }
}
