package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.ReadResult;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.jdbc.datastore.JdbcBlobReplica;
import io.tenantry.jdbc.datastore.JdbcKeysetStore;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The encrypted store wired entirely to JDBC adapters (three replicas, keysets and audit in one
 * database), as {@code tenantry store --db} wires it: content round-trips and survives reopening,
 * a chunk altered in the database is detected and repaired from a healthy copy, and a shredded
 * tenant's data does not read again.
 */
class JdbcEncryptedStoreTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final DataLocation NAM = GeoRegistry.documented().require("NAM");

  @TempDir
  Path dir;

  private static EncryptedStore store(JdbcDatabase db, String master) {
    List<JdbcBlobReplica> replicas = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      replicas.add(new JdbcBlobReplica(db, "NAM/replica-" + i));
    }
    return EncryptedStore.builder().geography(new TenantGeography(NAM, List.of()))
        .replicas(NAM, replicas).writeQuorum(2).chunkSize(1024)
        .keys(JdbcKeysetStore.keyEncryptionService(db, MasterKey.fromBase64(master)))
        .audit(new JdbcAuditLog(db)).clock(InstantSource.system()).ids(IdGenerator.random())
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void store_onJdbcAdapters_roundTrips_repairsAnAlteredChunk_andShredsForGood(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      String master = MasterKey.generateBase64();
      byte[] content = new byte[5000];
      new Random(42).nextBytes(content);
      ObjectKey key = ObjectKey.of("finance/q2.xlsx");
      store(JdbcDatabase.open(db.pool()), master).put(CONTOSO, key, content, Placement.central(),
          "alice");

      EncryptedStore reopened = store(JdbcDatabase.open(db.pool()), master);
      assertThat(reopened.getBytes(CONTOSO, key, "bob")).isEqualTo(content);
      try (Connection c = db.pool().getConnection(); PreparedStatement p = c.prepareStatement(
          "UPDATE tenantry_blob SET content = ? WHERE tenant_id = ? AND replica = ? AND kind = ?")) {
        p.setBytes(1, new byte[] {1, 2, 3});
        p.setString(2, CONTOSO.value());
        p.setString(3, "NAM/replica-1");
        p.setString(4, "CHUNK");
        assertThat(p.executeUpdate()).isPositive();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ReadResult read = reopened.get(CONTOSO, key, out, "bob");
      assertThat(out.toByteArray()).isEqualTo(content);
      assertThat(read.repaired()).isNotEmpty();
      assertThat(reopened.verify(false, "ops").intact()).isTrue();

      reopened.shredTenant(CONTOSO, "admin");
      assertThatThrownBy(() -> store(JdbcDatabase.open(db.pool()), master)
          .getBytes(CONTOSO, key, "bob")).isInstanceOf(TenantShreddedException.class);
      assertThat(new JdbcAuditLog(JdbcDatabase.open(db.pool())).query(AuditQuery.of(CONTOSO))
          .items()).extracting(r -> r.activity()).contains("Put", "Get", "ShredTenant");
    }
  }
}
