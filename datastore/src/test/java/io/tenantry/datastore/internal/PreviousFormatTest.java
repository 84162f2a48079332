package io.tenantry.datastore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.datastore.VerifyReport;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions written in the previous format (a fresh map key, every key of a version wrapped by the
 * key service in a {@code TKY2} keys blob) stay readable, verifiable and rotatable, and the next
 * write of the object uses the current format.
 */
class PreviousFormatTest {
  private static final DataLocation NAM = GeoRegistry.documented().require("NAM");
  private static final TenantId T = TenantId.of("contoso");
  private static final ObjectKey K = ObjectKey.of("old/report.txt");
  private static final byte[] TEXT = "written by the previous version of the store"
      .getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK = 16;

  private final TinkKeyEncryptionService kes =
      TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32]));
  private final List<BlobReplica> replicas = List.of(new InMemoryBlobReplica("r1"),
      new InMemoryBlobReplica("r2"), new InMemoryBlobReplica("r3"));
  private final StoreEngine engine = new StoreEngine(new TenantGeography(NAM, List.of()),
      Map.of(NAM, replicas), 2, CHUNK, kes, new InMemoryAuditLog(), InstantSource.system(),
      IdGenerator.sequential(), 100, Duration.ofMinutes(1));

  /** Writes version 1 of {@link #K} as the previous format did, on every replica. */
  private void writePreviousFormat() {
    String objId = Names.objectId(K.value());
    // in the previous format key 0 was a fresh map key: a random one stands for it here
    DataKeys.Writer w = new DataKeys.Writer(com.google.crypto.tink.subtle.Random.randBytes(32), new KeyRandom());
    int chunks = (TEXT.length + CHUNK - 1) / CHUNK;
    for (int i = 0; i < chunks; i++) {
      int from = i * CHUNK;
      byte[] ct = w.sealChunk(TEXT, from, Math.min(CHUNK, TEXT.length - from),
          Aad.chunk(T, K.value(), 1, i));
      for (BlobReplica r : replicas) {
        r.put(T, Names.chunk(T, objId, 1, i), ct);
      }
    }
    ObjectMap map = new ObjectMap(K.value(), 1, false, TEXT.length, CHUNK, chunks, "NAM", 0);
    byte[] mapBytes = ObjectMap.frame(1, w.sealMap(map.encodePlain(), Aad.map(T, objId, 1),
        ObjectMap.HEAD));
    byte[] raw = w.done().rawForWrapping();
    byte[] keysBytes = new KeysBlob(1, chunks + 1, kes.wrap(T, raw, Aad.keys(T, objId, 1)), null)
        .encode();
    for (BlobReplica r : replicas) {
      r.put(T, Names.map(objId), mapBytes);
      r.put(T, Names.keys(objId), keysBytes);
    }
  }

  private byte[] keysBlob() {
    return replicas.get(0).get(T, Names.keys(Names.objectId(K.value()))).orElseThrow();
  }

  @Test
  void previousFormat_isRead_verified_andRotated_asBefore() {
    writePreviousFormat();

    assertThat(engine.getBytes(T, K, "alice")).isEqualTo(TEXT);
    VerifyReport report = engine.verify(false, "ops");
    assertThat(report.intact()).isTrue();
    assertThat(engine.rotateKey(T, "admin")).isEqualTo(1 + (TEXT.length + CHUNK - 1) / CHUNK);
    assertThat(KeysBlob.decode(keysBlob()).legacy()).isTrue();
    assertThat(engine.getBytes(T, K, "alice")).isEqualTo(TEXT);
  }

  @Test
  void previousFormat_nextWrite_usesTheCurrentFormat_andDropsTheOldChunks() {
    writePreviousFormat();
    byte[] next = "rewritten".getBytes(StandardCharsets.US_ASCII);

    engine.put(T, K, next, io.tenantry.datastore.Placement.central(), "alice");

    assertThat(KeysBlob.decode(keysBlob()).legacy()).isFalse();
    assertThat(engine.getBytes(T, K, "alice")).isEqualTo(next);
    for (BlobReplica r : replicas) {
      assertThat(r.list(T, BlobKind.CHUNK)).containsExactly(
          BlobName.of(BlobKind.CHUNK, Names.chunk(T, Names.objectId(K.value()), 2, 0).id()));
    }
  }
}
