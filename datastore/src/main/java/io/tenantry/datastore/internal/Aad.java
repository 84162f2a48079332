package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds every ciphertext to its place: purpose, tenant, object, version
 * and chunk index, each length-prefixed so no two different places share bytes. A chunk moved to
 * another object, version, index or tenant fails to decrypt; so do a chunk map and a keys blob.
 */
final class Aad {
  private Aad() {}

  /** The index used for an object's chunk map and its wrapped keys (chunks count from 0). */
  static final int MAP_INDEX = -1;
  private static final byte[] PREFIX = "tenantry.store.v1".getBytes(StandardCharsets.US_ASCII);

  /** Associated data of chunk {@code index} of {@code key} at {@code version}. */
  static byte[] chunk(TenantId tenant, String objectKey, long version, int index) {
    return build('C', tenant, objectKey, version, index);
  }

  /** Associated data of the chunk map of object {@code objectId} at {@code version}. */
  static byte[] map(TenantId tenant, String objectId, long version) {
    return build('M', tenant, objectId, version, MAP_INDEX);
  }

  /** Associated data of the wrapped data keys of object {@code objectId} at {@code version}. */
  static byte[] keys(TenantId tenant, String objectId, long version) {
    return build('K', tenant, objectId, version, MAP_INDEX);
  }

  /**
   * Associated data of a tenant's intermediate key wrapped by the key service: the tenant alone
   * (the key serves all its objects), under its own purpose so no object blob can stand for it.
   */
  static byte[] intermediate(TenantId tenant) {
    return build('T', tenant, "", 0, MAP_INDEX);
  }

  private static byte[] build(char purpose, TenantId tenant, String object, long version,
      int index) {
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    byte[] o = object.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(PREFIX.length + 1 + 4 + t.length + 4 + o.length + 8 + 4)
        .put(PREFIX).put((byte) purpose).putInt(t.length).put(t).putInt(o.length).put(o)
        .putLong(version).putInt(index).array();
  }
}
