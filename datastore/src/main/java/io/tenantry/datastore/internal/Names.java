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

  private static final byte[] CHUNK = "chunk\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** Bytes of digest a chunk name keeps (160 bits, 40 hex digits). */
  private static final int CHUNK_NAME_BYTES = 20;

  /**
   * The name of chunk {@code index} of an object version: the first 20 bytes, in hex, of the
   * SHA-256 of {@code "chunk\0"}, the tenant (UTF-8), a zero byte, the object id (ASCII), the
   * version (8 bytes) and the index (4 bytes), big-endian. The input is laid out in one array and
   * digested in one call: a put derives one such name per chunk.
   */
  static BlobName chunk(TenantId tenant, String objectId, long version, int index) {
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    byte[] o = objectId.getBytes(StandardCharsets.US_ASCII);
    byte[] in = new byte[CHUNK.length + t.length + 1 + o.length + 12];
    System.arraycopy(CHUNK, 0, in, 0, CHUNK.length);
    int at = CHUNK.length;
    System.arraycopy(t, 0, in, at, t.length);
    at += t.length + 1;
    System.arraycopy(o, 0, in, at, o.length);
    at += o.length;
    for (int shift = 56; shift >= 0; shift -= 8) {
      in[at++] = (byte) (version >>> shift);
    }
    for (int shift = 24; shift >= 0; shift -= 8) {
      in[at++] = (byte) (index >>> shift);
    }
    byte[] digest = sha256().digest(in);
    byte[] hex = new byte[2 * CHUNK_NAME_BYTES];
    for (int i = 0; i < CHUNK_NAME_BYTES; i++) {
      hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
    }
    return BlobName.of(BlobKind.CHUNK, new String(hex, StandardCharsets.ISO_8859_1));
  }
}
