package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.FolderBlobReplica;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderBlobReplicaContractTest extends BlobReplicaContract {
  @TempDir
  Path tmp;

  @Override
  protected BlobReplica newReplica() {
    try {
      return new FolderBlobReplica("disk", Files.createDirectories(tmp.resolve("replica")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void put_leavesNoTemporaryFilesBehind() throws IOException {
    BlobReplica r = newReplica();
    r.put(CONTOSO, BlobName.of(BlobKind.CHUNK, "a1"), new byte[100]);
    r.put(CONTOSO, BlobName.of(BlobKind.CHUNK, "a1"), new byte[10]);
    try (Stream<Path> s = Files.walk(tmp)) {
      assertThat(s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("a1");
    }
  }

  @Test
  void missingRootFolder_makesTheReplicaUnavailable_notEmpty() throws IOException {
    FolderBlobReplica r = new FolderBlobReplica("lost", tmp.resolve("gone"));

    assertThatThrownBy(() -> r.get(CONTOSO, BlobName.of(BlobKind.MAP, "m")))
        .isInstanceOf(PortFailureException.class).hasMessageContaining("lost is unavailable");
    assertThatThrownBy(() -> r.put(CONTOSO, BlobName.of(BlobKind.MAP, "m"), new byte[1]))
        .isInstanceOf(PortFailureException.class);
    assertThat(Files.exists(tmp.resolve("gone"))).isFalse();
  }
}
