package io.tenantry.datastore.internal;

import io.tenantry.datastore.IntegrityException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The wrapped data keys of one object version, stored apart from content and map: entry 0 wraps
 * the map's key, entry {@code i + 1} wraps chunk {@code i}'s key. Not secret (every entry is
 * wrapped by the tenant's key-encryption key and bound to its place), but authenticated only
 * through those wraps, so the layout is checked strictly when read.
 *
 * <p>Layout: magic {@code TKY1}, version (8 bytes), entry count (4), then per entry its length (2)
 * and bytes.
 */
record KeysBlob(long version, List<byte[]> wrapped) {
  private static final int MAGIC = 0x544B5931;

  KeysBlob {
    wrapped = List.copyOf(wrapped);
  }

  byte[] encode() {
    int n = 16;
    for (byte[] w : wrapped) {
      n += 2 + w.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    b.putInt(MAGIC).putLong(version).putInt(wrapped.size());
    for (byte[] w : wrapped) {
      b.putShort((short) w.length).put(w);
    }
    return b.array();
  }

  static KeysBlob decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.getInt() != MAGIC) {
        throw new IntegrityException("keys blob has a wrong header", null);
      }
      long version = b.getLong();
      int count = b.getInt();
      if (version < 1 || count < 1 || count > bytes.length / 2) {
        throw new IntegrityException("keys blob has an impossible version or entry count", null);
      }
      List<byte[]> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int len = Short.toUnsignedInt(b.getShort());
        byte[] w = new byte[len];
        b.get(w);
        out.add(w);
      }
      if (b.hasRemaining()) {
        throw new IntegrityException("keys blob has trailing bytes", null);
      }
      return new KeysBlob(version, out);
    } catch (java.nio.BufferUnderflowException e) {
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
