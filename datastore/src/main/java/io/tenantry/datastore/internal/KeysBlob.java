package io.tenantry.datastore.internal;

import io.tenantry.datastore.IntegrityException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The wrapped keys of one object version, stored apart from content (and, for the previous
 * format, from the map), bound to tenant, object and version. Not secret, but authenticated only
 * through the wrap, so the layout is checked strictly when read.
 *
 * <p>Current format ({@code TKY3}): magic, version (8 bytes), key count (4: the chunk keys plus
 * key 0), the length (4) and bytes of the tenant's intermediate key wrapped by the key service,
 * then the length (4) and bytes of the chunk keys sealed under that intermediate key ({@link
 * DataKeys#sealChunkKeys}). Every version of a tenant written while one intermediate key is
 * current carries the same wrapped intermediate key, so a reader unwraps it once, not per object.
 *
 * <p>Previous format ({@code TKY2}, read and rotated, no longer written): magic, version, key
 * count, wrapped length (4), then all the keys (the map's and the chunks') wrapped together by the
 * key service; {@code intermediate} is then null.
 *
 * @param version the object version
 * @param keyCount how many keys the version has, key 0 included
 * @param wrapped TKY3: the sealed chunk keys; TKY2: all the keys wrapped by the key service
 * @param intermediate TKY3: the wrapped intermediate key; TKY2: null
 */
record KeysBlob(long version, int keyCount, byte[] wrapped, byte[] intermediate) {
  private static final int MAGIC_V2 = 0x544B5932;
  private static final int MAGIC_V3 = 0x544B5933;
  private static final int HEAD = 20;

  /** Whether this blob is of the previous format, its keys wrapped by the key service itself. */
  boolean legacy() {
    return intermediate == null;
  }

  byte[] encode() {
    if (legacy()) {
      return ByteBuffer.allocate(HEAD + wrapped.length).putInt(MAGIC_V2).putLong(version)
          .putInt(keyCount).putInt(wrapped.length).put(wrapped).array();
    }
    return ByteBuffer.allocate(HEAD + intermediate.length + 4 + wrapped.length).putInt(MAGIC_V3)
        .putLong(version).putInt(keyCount).putInt(intermediate.length).put(intermediate)
        .putInt(wrapped.length).put(wrapped).array();
  }

  /** This blob with its intermediate key wrapped anew (after a rotation); the rest unchanged. */
  KeysBlob withIntermediate(byte[] rewrapped) {
    return new KeysBlob(version, keyCount, wrapped, rewrapped);
  }

  static KeysBlob decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int magic = b.getInt();
      if (magic != MAGIC_V2 && magic != MAGIC_V3) {
        throw new IntegrityException("keys blob has a wrong header", null);
      }
      long version = b.getLong();
      int count = b.getInt();
      int length = b.getInt();
      if (version < 1 || count < 1 || length < 0 || length > b.remaining()) {
        throw new IntegrityException("keys blob has an impossible version, key count or length",
            null);
      }
      byte[] first = new byte[length];
      b.get(first);
      if (magic == MAGIC_V2) {
        if (b.hasRemaining()) {
          throw new IntegrityException("keys blob has trailing bytes", null);
        }
        return new KeysBlob(version, count, first, null);
      }
      int sealedLength = b.getInt();
      if (sealedLength != b.remaining()) {
        throw new IntegrityException("keys blob has an impossible sealed length", null);
      }
      byte[] sealed = new byte[sealedLength];
      b.get(sealed);
      return new KeysBlob(version, count, sealed, first);
    } catch (BufferUnderflowException e) {
      throw new IntegrityException("keys blob is truncated", e);
    }
  }

  /** Reads only the version from a blob's header, or -1 when the header is unreadable. */
  static long peekVersion(byte[] bytes) {
    if (bytes.length < 12) {
      return -1;
    }
    int magic = ByteBuffer.wrap(bytes).getInt();
    if (magic != MAGIC_V2 && magic != MAGIC_V3) {
      return -1;
    }
    return ByteBuffer.wrap(bytes, 4, 8).getLong();
  }
}
