package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Blob names: an object's id is the SHA-256 of its key (so names reveal nothing), its map and keys
 * blobs are named by that id, and its chunks by a digest of tenant, object id, version and index.
 */
final class Names {
  private static final MessageDigest SHA256;
  private static final HexFormat HEX = HexFormat.of();

  static {
    try {
      SHA256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Names() {}

  /** Returns a fresh SHA-256 digest (a clone of a prototype: no provider lookup per call). */
  static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException again) {
        throw new IllegalStateException("the JDK has no SHA-256", again);
      }
    }
  }

  static String objectId(String objectKey) {
    return HEX.formatHex(sha256().digest(objectKey.getBytes(StandardCharsets.UTF_8)));
  }

  static boolean isObjectId(String id) {
    return id.length() == 64 && id.chars().allMatch(c -> (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f'));
  }

  static BlobName map(String objectId) {
    return BlobName.of(BlobKind.MAP, objectId);
  }

  static BlobName keys(String objectId) {
    return BlobName.of(BlobKind.KEYS, objectId);
  }

  /** What a staged blob's id adds to its object's id. */
  private static final String STAGED = ".move";

  /**
   * The map of the version a geo move is copying to its target, kept beside the object's map
   * until the switch: the move's record of a copy in progress (see {@link #stagedObjectId}).
   */
  static BlobName stagedMap(String objectId) {
    return BlobName.of(BlobKind.MAP, objectId + STAGED);
  }

  /** The keys of the version a geo move is copying, beside {@link #stagedMap}. */
  static BlobName stagedKeys(String objectId) {
    return BlobName.of(BlobKind.KEYS, objectId + STAGED);
  }

  /** The object id a staged blob's id belongs to, or null when the id is not a staged one. */
  static String stagedObjectId(String id) {
    if (!id.endsWith(STAGED)) {
      return null;
    }
    String objectId = id.substring(0, id.length() - STAGED.length());
    return isObjectId(objectId) ? objectId : null;
  }

  private static final byte[] CHUNK = "chunk\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** Bytes of digest a chunk name keeps (160 bits, 40 hex digits). */
  private static final int CHUNK_NAME_BYTES = 20;

  /**
   * The name of chunk {@code index} of an object version: the first 20 bytes, in hex, of the
   * SHA-256 of {@code "chunk\0"}, the tenant (UTF-8), a zero byte, the object id (ASCII), the
   * version (8 bytes) and the index (4 bytes), big-endian.
   */
  static BlobName chunk(TenantId tenant, String objectId, long version, int index) {
    return chunk(chunkPrefix(tenant, objectId), version, index);
  }

  /**
   * Returns a digest that has absorbed the part of a chunk name's input that is fixed for one
   * object of one tenant, so that {@link #chunk(MessageDigest, long, int)} digests only the
   * version and index. The digest is cloned there, never updated: it may be shared by threads.
   */
  static MessageDigest chunkPrefix(TenantId tenant, String objectId) {
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    byte[] o = objectId.getBytes(StandardCharsets.US_ASCII);
    byte[] in = new byte[CHUNK.length + t.length + 1 + o.length];
    System.arraycopy(CHUNK, 0, in, 0, CHUNK.length);
    System.arraycopy(t, 0, in, CHUNK.length, t.length);
    System.arraycopy(o, 0, in, CHUNK.length + t.length + 1, o.length);
    MessageDigest sha = sha256();
    sha.update(in);
    return sha;
  }

  /** The name of chunk {@code index} of a version, from the object's {@link #chunkPrefix}. */
  static BlobName chunk(MessageDigest prefix, long version, int index) {
    MessageDigest sha;
    try {
      sha = (MessageDigest) prefix.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
    }
    byte[] tail = new byte[12];
    for (int i = 0; i < 8; i++) {
      tail[i] = (byte) (version >>> (56 - 8 * i));
    }
    for (int i = 0; i < 4; i++) {
      tail[8 + i] = (byte) (index >>> (24 - 8 * i));
    }
    sha.update(tail);
    byte[] digest = sha.digest();
    byte[] hex = new byte[2 * CHUNK_NAME_BYTES];
    for (int i = 0; i < CHUNK_NAME_BYTES; i++) {
      hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
    }
    return BlobName.of(BlobKind.CHUNK, new String(hex, StandardCharsets.ISO_8859_1));
  }
}
