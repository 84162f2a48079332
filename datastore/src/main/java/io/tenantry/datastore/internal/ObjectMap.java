package io.tenantry.datastore.internal;

import io.tenantry.datastore.IntegrityException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The chunk map of one object version: which object, how big, in which geo, cut into how many
 * chunks of which size. Chunk blob names follow from tenant,
 * object id, version and index, so the map need not list them. Stored encrypted under its own data
 * key; a tombstone is a map with {@code deleted} set and no chunks.
 *
 * <p>Blob layout: magic {@code TMP2}, version (8 bytes, in clear so the reader can build the
 * associated data), then the sealed fields below ({@link DataKeys}). No digest of the content is
 * kept: every chunk is authenticated under its place, and the map fixes size and chunk count, so
 * a read either returns exactly the bytes written or fails.
 */
record ObjectMap(String key, long version, boolean deleted, long size, int chunkSize,
    int chunkCount, String geo, long createdMillis) {
  private static final int MAGIC = 0x544D5032;
  /** Bytes of the clear header before the ciphertext: magic and version. */
  static final int HEAD = 12;

  byte[] encodePlain() {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] g = geo.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(4 + k.length + 8 + 1 + 8 + 4 + 4 + 4 + g.length + 8);
    b.putInt(k.length).put(k).putLong(version).put((byte) (deleted ? 1 : 0)).putLong(size)
        .putInt(chunkSize).putInt(chunkCount).putInt(g.length).put(g).putLong(createdMillis);
    return b.array();
  }

  static ObjectMap decodePlain(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      byte[] k = new byte[b.getInt()];
      b.get(k);
      long version = b.getLong();
      boolean deleted = b.get() != 0;
      long size = b.getLong();
      int chunkSize = b.getInt();
      int chunkCount = b.getInt();
      byte[] g = new byte[b.getInt()];
      b.get(g);
      long created = b.getLong();
      if (b.hasRemaining()) {
        throw new IntegrityException("chunk map has trailing bytes", null);
      }
      return new ObjectMap(new String(k, StandardCharsets.UTF_8), version, deleted, size,
          chunkSize, chunkCount, new String(g, StandardCharsets.UTF_8), created);
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IntegrityException("chunk map is malformed", e);
    }
  }

  /** Writes the clear header into the first {@link #HEAD} bytes of a sealed map. */
  static byte[] frame(long version, byte[] sealed) {
    ByteBuffer.wrap(sealed, 0, HEAD).putInt(MAGIC).putLong(version);
    return sealed;
  }

  /** Reads the clear version of a framed map, or -1 when the header is unreadable. */
  static long peekVersion(byte[] framed) {
    if (framed.length < 12 || ByteBuffer.wrap(framed).getInt() != MAGIC) {
      return -1;
    }
    return ByteBuffer.wrap(framed, 4, 8).getLong();
  }

  /** Returns the plaintext length of chunk {@code i}. */
  int chunkLength(int i) {
    long start = (long) i * chunkSize;
    return (int) Math.min(chunkSize, size - start);
  }
}
