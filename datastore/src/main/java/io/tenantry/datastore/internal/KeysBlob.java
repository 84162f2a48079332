package io.tenantry.datastore.internal;

import io.tenantry.datastore.IntegrityException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The wrapped data keys of one object version, stored apart from content and map: all the
 * version's data keys (the map's, then one per chunk) wrapped together, in one call, by the
 * tenant's key-encryption key, bound to tenant, object and version. Not secret, but authenticated
 * only through the wrap, so the layout is checked strictly when read.
 *
 * <p>Layout: magic {@code TKY2}, version (8 bytes), key count (4), wrapped length (4), wrapped
 * bytes.
 */
record KeysBlob(long version, int keyCount, byte[] wrapped) {
  private static final int MAGIC = 0x544B5932;
  private static final int HEAD = 20;

  byte[] encode() {
    return ByteBuffer.allocate(HEAD + wrapped.length).putInt(MAGIC).putLong(version)
        .putInt(keyCount).putInt(wrapped.length).put(wrapped).array();
  }

  static KeysBlob decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.getInt() != MAGIC) {
        throw new IntegrityException("keys blob has a wrong header", null);
      }
      long version = b.getLong();
      int count = b.getInt();
      int length = b.getInt();
      if (version < 1 || count < 1 || length != bytes.length - HEAD) {
        throw new IntegrityException("keys blob has an impossible version, key count or length",
            null);
      }
      byte[] w = new byte[length];
      b.get(w);
      return new KeysBlob(version, count, w);
    } catch (BufferUnderflowException e) {
      throw new IntegrityException("keys blob is truncated", e);
    }
  }

  /** Reads only the version from a blob's header, or -1 when the header is unreadable. */
  static long peekVersion(byte[] bytes) {
    if (bytes.length < 12 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
      return -1;
    }
    return ByteBuffer.wrap(bytes, 4, 8).getLong();
  }
}
