package io.tenantry.datastore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * Chunk names are what the stored format says they are: the first 20 bytes, in hex, of the
 * SHA-256 of {@code "chunk\0"}, tenant, a zero byte, object id, version and index. The oracle here
 * digests the parts one by one, as the first implementation did; stored replicas depend on every
 * byte of it.
 */
class NamesPropertyTest {

  private static String oracle(String tenant, String objectId, long version, int index)
      throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("chunk\0".getBytes(StandardCharsets.US_ASCII));
    sha.update(tenant.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(objectId.getBytes(StandardCharsets.US_ASCII));
    sha.update(ByteBuffer.allocate(12).putLong(version).putInt(index).array());
    return HexFormat.of().formatHex(sha.digest(), 0, 20);
  }

  @Property(tries = 200)
  void chunk_anyPlace_isTheDigestOfItsParts(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String tenant,
      @ForAll @StringLength(min = 0, max = 80) String key, @ForAll long version,
      @ForAll int index) throws Exception {
    String objectId = Names.objectId(key);
    TenantId t = TenantId.of(tenant);
    assertThat(Names.chunk(t, objectId, version, index).id())
        .isEqualTo(oracle(t.value(), objectId, version, index));
  }
}
