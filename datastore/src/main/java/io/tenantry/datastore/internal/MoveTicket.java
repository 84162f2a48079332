package io.tenantry.datastore.internal;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantId;
import io.tenantry.datastore.GeoMoveState;

/**
 * One object a geo move of this engine is copying: what its writers must know. Tickets of one
 * lock stripe form a chain; every field is read and written under that stripe's lock only, so a
 * put of an object no move touches pays one array read and nothing else.
 */
final class MoveTicket {
  final TenantId tenant;
  final String objId;
  final ObjectKey key;
  /** The geo of the version being copied. */
  DataLocation from;
  final DataLocation to;
  /** {@link GeoMoveState#COPYING} (writes accepted) or {@link GeoMoveState#READ_ONLY} (refused). */
  GeoMoveState state = GeoMoveState.COPYING;
  /** The version the copy writes in the target: a concurrent write takes a higher one. */
  long targetVersion;
  /** Set by a write or a key rotation since the copy began: the copy must be made again. */
  boolean invalidated;
  MoveTicket next;

  MoveTicket(TenantId tenant, String objId, ObjectKey key, DataLocation from, DataLocation to) {
    this.tenant = tenant;
    this.objId = objId;
    this.key = key;
    this.from = from;
    this.to = to;
  }

  /** Finds the ticket of an object in a chain, or null. */
  static MoveTicket find(MoveTicket chain, TenantId tenant, String objId) {
    for (MoveTicket t = chain; t != null; t = t.next) {
      if (t.objId.equals(objId) && t.tenant.equals(tenant)) {
        return t;
      }
    }
    return null;
  }

  /** Returns the chain without {@code t}. */
  static MoveTicket remove(MoveTicket chain, MoveTicket t) {
    if (chain == t) {
      return t.next;
    }
    for (MoveTicket c = chain; c != null; c = c.next) {
      if (c.next == t) {
        c.next = t.next;
        break;
      }
    }
    return chain;
  }
}
