package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.jdbc.datastore.JdbcBlobReplica;
import io.tenantry.jdbc.datastore.JdbcKeysetStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large objects through the encrypted store on an H2 file database (40 MB, three times), as {@code tenantry store put
 * --db jdbc:h2:file:…} writes them: 4 MiB chunks, three replicas in one database. Kept inline in
 * the table's pages (a {@code VARBINARY} column), values of megabytes made H2 2.5's MVStore read
 * pages past the end of the file while it was still writing them ({@code EOFException}, "File
 * corrupted"), and about every other such put missed its write quorum; as LOBs they are not.
 */
class JdbcLargeObjectTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final DataLocation NAM = GeoRegistry.documented().require("NAM");

  @TempDir
  Path dir;

  @Test
  void putsOfTensOfMegabytes_onAnH2File_allReachTheirQuorum_andReadBack() throws Exception {
    String master = MasterKey.generateBase64();
    Random random = new Random(42);
    try (TestDatabase tdb = TestDatabase.create(TestDatabase.Kind.H2_FILE, dir)) {
      JdbcDatabase db = JdbcDatabase.open(tdb.pool());
      List<JdbcBlobReplica> replicas = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        replicas.add(new JdbcBlobReplica(db, "NAM/replica-" + i));
      }
      EncryptedStore store = EncryptedStore.builder()
          .geography(new TenantGeography(NAM, List.of())).replicas(NAM, replicas)
          .writeQuorum(3).chunkSize(4 * 1024 * 1024)
          .keys(JdbcKeysetStore.keyEncryptionService(db, MasterKey.fromBase64(master)))
          .audit(new JdbcAuditLog(db)).clock(InstantSource.system())
          .ids(IdGenerator.random()).build();
      byte[] content = new byte[40 * 1024 * 1024];
      for (int round = 1; round <= 3; round++) {
        random.nextBytes(content);
        ObjectKey key = ObjectKey.of("big-" + round);
        store.put(CONTOSO, key, content, Placement.central(), "tester");
        assertThat(store.getBytes(CONTOSO, key, "tester")).as("round %d", round)
            .isEqualTo(content);
      }
    }
  }
}
