package io.tenantry.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Using the datastore as a library" example, compiled and run. */
class ReadmeExampleTest {
  @Test
  void readmeExample_runsAsWritten() {
    MasterKey master = MasterKey.fromBase64(MasterKey.generateBase64());
    AuditLog auditLog = new InMemoryAuditLog();
    byte[] bytes = "quarterly numbers".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    DataLocation nam = GeoRegistry.documented().require("NAM");
    DataLocation eur = GeoRegistry.documented().require("EUR");
    EncryptedStore store = EncryptedStore.builder()
        .geography(new TenantGeography(nam, List.of(eur)))
        .replicas(nam, List.of(new InMemoryBlobReplica("NAM/1"), new InMemoryBlobReplica("NAM/2"),
            new InMemoryBlobReplica("NAM/3")))
        .replicas(eur, List.of(new InMemoryBlobReplica("EUR/1"), new InMemoryBlobReplica("EUR/2"),
            new InMemoryBlobReplica("EUR/3")))
        .writeQuorum(2)
        .keys(TinkKeyEncryptionService.inMemory(master))
        .audit(auditLog)
        .build();

    TenantId contoso = TenantId.of("contoso");
    store.put(contoso, ObjectKey.of("reports/q2.xlsx"), bytes, Placement.preferred("EUR"), "alice");
    byte[] back = store.getBytes(contoso, ObjectKey.of("reports/q2.xlsx"), "alice");
    store.rotateKey(contoso, "admin");
    VerifyReport report = store.verify(true, "ops");
    store.shredTenant(contoso, "admin");

    assertThat(back).isEqualTo(bytes);
    assertThat(report.findings()).isEmpty();
    assertThat(store.list(contoso, "alice")).isEmpty();
  }
}
