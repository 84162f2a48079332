package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds every ciphertext to its place: purpose, tenant, object, version
 * and chunk index, each length-prefixed so no two different places share bytes. A chunk moved to
 * another object, version, index or tenant fails to decrypt.
 */
final class Aad {
  private Aad() {}

  /** The index used for an object's chunk map (chunks count from 0). */
  static final int MAP_INDEX = -1;

  /** Associated data of chunk {@code index} of {@code key} at {@code version}. */
  static byte[] chunk(TenantId tenant, String objectKey, long version, int index) {
    return build('C', tenant, objectKey, version, index);
  }

  /** Associated data of the chunk map of object {@code objectId} at {@code version}. */
  static byte[] map(TenantId tenant, String objectId, long version) {
    return build('M', tenant, objectId, version, MAP_INDEX);
  }

  /** Associated data of a wrapped data key (index {@link #MAP_INDEX} is the map's key). */
  static byte[] wrappedKey(TenantId tenant, String objectId, long version, int index) {
    return build('K', tenant, objectId, version, index);
  }

  private static byte[] build(char purpose, TenantId tenant, String object, long version,
      int index) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64 + object.length());
    b.writeBytes("tenantry.store.v1".getBytes(StandardCharsets.US_ASCII));
    b.write(purpose);
    field(b, tenant.value().getBytes(StandardCharsets.UTF_8));
    field(b, object.getBytes(StandardCharsets.UTF_8));
    for (int s = 56; s >= 0; s -= 8) {
      b.write((int) (version >>> s));
    }
    for (int s = 24; s >= 0; s -= 8) {
      b.write(index >>> s);
    }
    return b.toByteArray();
  }

  private static void field(ByteArrayOutputStream b, byte[] v) {
    int n = v.length;
    b.write(n >>> 24);
    b.write(n >>> 16);
    b.write(n >>> 8);
    b.write(n);
    b.writeBytes(v);
  }
}
