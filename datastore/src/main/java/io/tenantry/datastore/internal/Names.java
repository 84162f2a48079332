package io.tenantry.datastore.internal;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import java.nio.ByteBuffer;
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

  static BlobName chunk(TenantId tenant, String objectId, long version, int index) {
    MessageDigest sha = sha256();
    sha.update("chunk\0".getBytes(StandardCharsets.US_ASCII));
    sha.update(tenant.value().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(objectId.getBytes(StandardCharsets.US_ASCII));
    sha.update(ByteBuffer.allocate(12).putLong(version).putInt(index).array());
    return BlobName.of(BlobKind.CHUNK, HEX.formatHex(sha.digest(), 0, 20));
  }
}
