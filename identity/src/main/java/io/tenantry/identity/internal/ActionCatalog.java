package io.tenantry.identity.internal;

import io.tenantry.identity.Permission;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dense ids for the actions checked through one {@code Authorizer}, shared by the snapshots of all
 * its tenants: equal permissions get the same id, so each snapshot keeps what it computed about an
 * action (which of its roles grant it) in an array indexed by the id.
 *
 * <p>Why shared: a check first finds its action. Per tenant that meant a small hash table and an
 * action object per tenant and action, read on every check and scattered over the heap; over
 * hundreds of tenants those reads were a good part of a check's cache misses. The catalog holds
 * only what is the same for every tenant (a permission and its id), so sharing it leaks nothing
 * between tenants; everything that depends on a tenant's roles stays in that tenant's snapshot.
 *
 * <p>A permission object seen recently is found by its identity in a small table (no hashing of its
 * strings, no map); another equal object by the map, and then remembered too. At most
 * {@link #LIMIT} distinct actions get an id; further ones get -1 (their checks are decided without
 * being memoized). Thread-safe; lock-free on the path of a known permission.
 */
public final class ActionCatalog {
  /** How many distinct actions get an id. */
  public static final int LIMIT = 16_384;
  /** Slots of {@link #recent}. */
  private static final int RECENT = 64;
  /** Slots a permission object may occupy from its home slot on. */
  private static final int PROBES = 4;

  /** A permission object and its action's id. */
  private record Known(Permission permission, int id) {}

  /**
   * Recently seen permission objects by identity hash (linear probing within {@link #PROBES}
   * slots); written without synchronisation, which is safe because an entry is immutable and only
   * ever replaces an empty slot.
   */
  private final Known[] recent = new Known[RECENT];
  private final ConcurrentHashMap<Permission, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** Creates an empty catalog. */
  public ActionCatalog() {}

  /**
   * The id of an action.
   *
   * @param permission the action
   * @return its id (from 0, dense), or -1 when {@link #LIMIT} actions have ids already
   * @throws NullPointerException if {@code permission} is null
   */
  public int idOf(Permission permission) {
    int home = System.identityHashCode(permission) & (RECENT - 1);
    for (int k = 0; k < PROBES; k++) {
      Known c = recent[(home + k) & (RECENT - 1)];
      if (c == null) {
        break;
      }
      if (c.permission == permission) {
        return c.id;
      }
    }
    return lookUp(Objects.requireNonNull(permission, "permission"), home);
  }

  /** The id from the map (assigned when new), remembered for this object in an empty slot if any. */
  private int lookUp(Permission permission, int home) {
    Integer id = ids.get(permission);
    if (id == null) {
      if (next.get() >= LIMIT) {
        return -1;
      }
      id = ids.computeIfAbsent(permission, k -> next.getAndIncrement());
      if (id >= LIMIT) {
        return -1;
      }
    }
    for (int k = 0; k < PROBES; k++) {
      int s = (home + k) & (RECENT - 1);
      if (recent[s] == null) {
        recent[s] = new Known(permission, id);
        break;
      }
    }
    return id;
  }
}
