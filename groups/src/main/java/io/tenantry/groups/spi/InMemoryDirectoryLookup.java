package io.tenantry.groups.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.AdminRole;
import io.tenantry.groups.UserAttributes;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link DirectoryLookup} held in memory, filled by its setters. */
public final class InMemoryDirectoryLookup implements DirectoryLookup {
  private record Key(TenantId tenant, UserId user) {}

  private final Map<Key, Set<AdminRole>> roles = new ConcurrentHashMap<>();
  private final Map<Key, UserAttributes> attributes = new ConcurrentHashMap<>();
  private final Map<Key, Integer> created = new ConcurrentHashMap<>();
  private final Map<TenantId, Set<String>> addresses = new ConcurrentHashMap<>();

  /** Creates an empty directory. */
  public InMemoryDirectoryLookup() {}

  /**
   * Gives a user tenant-wide admin roles (replacing earlier ones).
   *
   * @param tenant the tenant
   * @param user the user
   * @param userRoles the roles
   * @return this directory
   */
  public InMemoryDirectoryLookup withRoles(TenantId tenant, UserId user, Set<AdminRole> userRoles) {
    roles.put(new Key(tenant, user), userRoles.isEmpty() ? Set.of() : EnumSet.copyOf(userRoles));
    return this;
  }

  /**
   * Sets a user's attributes.
   *
   * @param tenant the tenant
   * @param user the user
   * @param userAttributes the attributes
   * @return this directory
   */
  public InMemoryDirectoryLookup withAttributes(TenantId tenant, UserId user,
      UserAttributes userAttributes) {
    attributes.put(new Key(tenant, user), Objects.requireNonNull(userAttributes, "attributes"));
    return this;
  }

  /**
   * Sets how many objects a user created.
   *
   * @param tenant the tenant
   * @param user the user
   * @param count the count
   * @return this directory
   */
  public InMemoryDirectoryLookup withCreatedObjects(TenantId tenant, UserId user, int count) {
    created.put(new Key(tenant, user), count);
    return this;
  }

  /**
   * Records an address used by a non-group object.
   *
   * @param tenant the tenant
   * @param address the address or alias
   * @return this directory
   */
  public InMemoryDirectoryLookup withAddressInUse(TenantId tenant, String address) {
    addresses.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet())
        .add(address.toLowerCase(Locale.ROOT));
    return this;
  }

  @Override
  public Set<AdminRole> tenantRoles(TenantId tenant, UserId user) {
    return roles.getOrDefault(new Key(tenant, user), Set.of());
  }

  @Override
  public UserAttributes attributes(TenantId tenant, UserId user) {
    return attributes.getOrDefault(new Key(tenant, user), UserAttributes.NONE);
  }

  @Override
  public int createdObjectCount(TenantId tenant, UserId user) {
    return created.getOrDefault(new Key(tenant, user), 0);
  }

  @Override
  public boolean addressInUse(TenantId tenant, String address) {
    Set<String> used = addresses.get(tenant);
    return used != null && used.contains(address.toLowerCase(Locale.ROOT));
  }
}
