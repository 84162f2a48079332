package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A store over in-memory replicas in NAM (central) and EUR, 3 replicas each, W = 2. */
final class StoreFixture {
  static final DataLocation NAM = GeoRegistry.documented().require("NAM");
  static final DataLocation EUR = GeoRegistry.documented().require("EUR");
  static final TenantId A = TenantId.of("contoso");
  static final TenantId B = TenantId.of("fabrikam");

  final Map<DataLocation, List<InMemoryBlobReplica>> replicas = new LinkedHashMap<>();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final TinkKeyEncryptionService keys = TinkKeyEncryptionService.inMemory(
      MasterKey.fromBytes(new byte[32]));
  final EncryptedStore store;

  StoreFixture(int chunkSize) {
    EncryptedStore.Builder b = EncryptedStore.builder()
        .geography(new TenantGeography(NAM, List.of(EUR)))
        .keys(keys).audit(audit).chunkSize(chunkSize)
        .clock(InstantSource.fixed(Instant.parse("2026-11-27T12:00:00Z")))
        .ids(IdGenerator.sequential());
    for (DataLocation g : List.of(NAM, EUR)) {
      List<InMemoryBlobReplica> list = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        list.add(new InMemoryBlobReplica(g.code() + "/replica-" + i));
      }
      replicas.put(g, list);
      b.replicas(g, list);
    }
    store = b.build();
  }

  InMemoryBlobReplica replica(DataLocation geo, int oneBased) {
    return replicas.get(geo).get(oneBased - 1);
  }

  /** Flips one byte in the middle of every blob of a kind that a replica holds for a tenant. */
  static int corrupt(InMemoryBlobReplica r, TenantId tenant, BlobKind kind) {
    int n = 0;
    for (BlobName name : r.list(tenant, kind)) {
      byte[] b = r.get(tenant, name).orElseThrow();
      b[b.length / 2] ^= 0x40;
      r.put(tenant, name, b);
      n++;
    }
    return n;
  }

  long blobCount(DataLocation geo, TenantId tenant) {
    long n = 0;
    for (InMemoryBlobReplica r : replicas.get(geo)) {
      for (BlobKind k : BlobKind.values()) {
        n += r.list(tenant, k).size();
      }
    }
    return n;
  }
}
