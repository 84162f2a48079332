package io.tenantry.datastore;

import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantId;

/**
 * Observes a geo move object by object: called with each {@link GeoMoveState} an object enters,
 * from the thread running the move and never while the object's lock is held, so a listener may
 * read the object (the reads proceed) or block for a while (the move waits; reads do not).
 * A listener that throws a {@link RuntimeException} is ignored (logged), never aborts the move.
 * It must not call {@link EncryptedStore#verify} of the same store: a scrub waits for the move to
 * end.
 */
@FunctionalInterface
public interface GeoMoveListener {

  /**
   * Tells that an object entered a state.
   *
   * @param tenant the tenant being moved
   * @param key the object
   * @param state the state it entered
   */
  void entered(TenantId tenant, ObjectKey key, GeoMoveState state);

  /**
   * Returns a listener that does nothing.
   *
   * @return the listener
   */
  static GeoMoveListener none() {
    return (tenant, key, state) -> { };
  }
}
