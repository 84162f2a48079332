package io.tenantry.datastore.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryBlobReplicaTest {
  private static final TenantId T = TenantId.of("contoso");
  private final InMemoryBlobReplica replica = new InMemoryBlobReplica("r1");

  @Test
  void putShared_keepsTheArray_getSharedReturnsIt_getReturnsACopy() {
    byte[] bytes = {1, 2, 3};
    BlobName name = BlobName.of(BlobKind.CHUNK, "abc");
    replica.putShared(T, name, bytes);

    assertThat(replica.getShared(T, name)).containsSame(bytes);
    byte[] copy = replica.get(T, name).orElseThrow();
    assertThat(copy).isEqualTo(bytes).isNotSameAs(bytes);
    copy[0] = 9;
    assertThat(replica.getShared(T, name).orElseThrow()[0]).isEqualTo((byte) 1);
  }

  @Test
  void put_keepsACopy_soTheCallerChangingItsArrayChangesNothing() {
    byte[] bytes = {1, 2, 3};
    BlobName name = BlobName.of(BlobKind.MAP, "abc");
    replica.put(T, name, bytes);
    bytes[0] = 9;

    assertThat(replica.get(T, name).orElseThrow()).containsExactly(1, 2, 3);
  }

  @Test
  void list_returnsOneKindSortedById() {
    for (String id : List.of("c", "a", "b")) {
      replica.put(T, BlobName.of(BlobKind.KEYS, id), new byte[0]);
    }
    replica.put(T, BlobName.of(BlobKind.MAP, "0"), new byte[0]);

    assertThat(replica.list(T, BlobKind.KEYS)).extracting(BlobName::id).containsExactly("a", "b", "c");
  }
}
