package io.tenantry.datastore.internal;

import io.tenantry.datastore.IntegrityException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The chunk map of one object version: which object, how big, in which geo, cut into how many
 * chunks of which size, and the SHA-256 of the whole content. Chunk blob names follow from tenant,
 * object id, version and index, so the map need not list them. Stored encrypted under its own data
 * key; a tombstone is a map with {@code deleted} set and no chunks.
 *
 * <p>Blob layout: magic {@code TMP1}, version (8 bytes, in clear so the reader can build the
 * associated data), then the AES-GCM ciphertext of the fields below.
 */
record ObjectMap(String key, long version, boolean deleted, long size, int chunkSize,
    int chunkCount, String geo, byte[] sha256, long createdMillis) {
  private static final int MAGIC = 0x544D5031;

  byte[] encodePlain() {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] g = geo.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(4 + k.length + 8 + 1 + 8 + 4 + 4 + 4 + g.length + 32 + 8);
    b.putInt(k.length).put(k).putLong(version).put((byte) (deleted ? 1 : 0)).putLong(size)
        .putInt(chunkSize).putInt(chunkCount).putInt(g.length).put(g).put(sha256)
        .putLong(createdMillis);
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
      byte[] sha = new byte[32];
      b.get(sha);
      long created = b.getLong();
      return new ObjectMap(new String(k, StandardCharsets.UTF_8), version, deleted, size,
          chunkSize, chunkCount, new String(g, StandardCharsets.UTF_8), sha, created);
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IntegrityException("chunk map is malformed", e);
    }
  }

  /** Frames a map ciphertext with the clear header. */
  static byte[] frame(long version, byte[] ciphertext) {
    return ByteBuffer.allocate(12 + ciphertext.length).putInt(MAGIC).putLong(version)
        .put(ciphertext).array();
  }

  /** Reads the clear version of a framed map, or -1 when the header is unreadable. */
  static long peekVersion(byte[] framed) {
    if (framed.length < 12 || ByteBuffer.wrap(framed).getInt() != MAGIC) {
      return -1;
    }
    return ByteBuffer.wrap(framed, 4, 8).getLong();
  }

  /** Returns the ciphertext part of a framed map. */
  static byte[] ciphertext(byte[] framed) {
    byte[] c = new byte[framed.length - 12];
    System.arraycopy(framed, 12, c, 0, c.length);
    return c;
  }

  /** Returns the plaintext length of chunk {@code i}. */
  int chunkLength(int i) {
    long start = (long) i * chunkSize;
    return (int) Math.min(chunkSize, size - start);
  }
}
