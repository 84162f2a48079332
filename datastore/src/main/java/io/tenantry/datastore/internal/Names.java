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
  private Names() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String objectId(String objectKey) {
    return HexFormat.of().formatHex(sha256().digest(objectKey.getBytes(StandardCharsets.UTF_8)));
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
    String s = "chunk\0" + tenant.value() + "\0" + objectId + "\0" + version + "\0" + index;
    byte[] d = sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    return BlobName.of(BlobKind.CHUNK, HexFormat.of().formatHex(d, 0, 20));
  }
}
