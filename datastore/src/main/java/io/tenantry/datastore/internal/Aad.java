package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
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
    // filled by hand rather than through a ByteBuffer: this runs several times per put and get
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    byte[] o = object.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[PREFIX.length + 1 + 4 + t.length + 4 + o.length + 8 + 4];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    int at = PREFIX.length;
    out[at++] = (byte) purpose;
    at = putInt(out, at, t.length);
    System.arraycopy(t, 0, out, at, t.length);
    at = putInt(out, at + t.length, o.length);
    System.arraycopy(o, 0, out, at, o.length);
    at = putInt(out, at + o.length, (int) (version >>> 32));
    at = putInt(out, at, (int) version);
    putInt(out, at, index);
    return out;
  }

  /** Writes {@code v} big-endian at {@code at}; returns the offset after it. */
  private static int putInt(byte[] out, int at, int v) {
    out[at] = (byte) (v >>> 24);
    out[at + 1] = (byte) (v >>> 16);
    out[at + 2] = (byte) (v >>> 8);
    out[at + 3] = (byte) v;
    return at + 4;
  }
}
