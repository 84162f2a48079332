package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.StoredKeyset;
import io.tenantry.jdbc.datastore.JdbcBlobReplica;
import io.tenantry.jdbc.datastore.JdbcKeysetStore;
import io.tenantry.jdbc.notices.JdbcNoticeStateStore;
import io.tenantry.jdbc.notices.JdbcNotificationOutbox;
import io.tenantry.jdbc.reports.JdbcAggregateStore;
import io.tenantry.jdbc.reports.JdbcConcealmentSecrets;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.Channel;
import io.tenantry.notices.HealthSubscription;
import io.tenantry.notices.Notification;
import io.tenantry.notices.NotificationKind;
import io.tenantry.notices.RolloutStage;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction of the datastore, notices and reports adapters whose connection dies mid-way
 * leaves no partial state: for every write, the connection is killed at each of its statements
 * and at its commit in turn; each time the call fails with a {@link PortFailureException} carrying
 * the SQL failure and what a healthy adapter reads is exactly what it read before; then the call
 * succeeds. The number of steps each write takes is checked too, so a new statement is covered.
 */
class PortsKilledConnectionTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");

  @TempDir
  Path dir;

  /**
   * One database seen through a healthy data source and through one whose connection dies on the
   * statement (or commit) it is armed for.
   */
  private record Twin(JdbcDatabase healthy, FailingDataSource failing, JdbcDatabase dying) {
    static Twin of(TestDatabase db) {
      FailingDataSource failing = new FailingDataSource(db);
      return new Twin(JdbcDatabase.open(db.pool()), failing, JdbcDatabase.open(failing));
    }

    /** See {@link FailingDataSource#killAtEachStep}. */
    int killAtEachStep(Supplier<Object> observe, Runnable write) throws Exception {
      return failing.killAtEachStep(observe::get, write);
    }
  }

  /** Counts a table's rows of tenant contoso (a test-side check, not an adapter's statement). */
  private static long rows(TestDatabase db, String table) {
    try {
      return db.queryLong("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", CONTOSO.value());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the rows of " + table, e);
    }
  }

  private static String hex(byte[] b) {
    return b == null ? null : HexFormat.of().formatHex(b);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void datastoreWrites_connectionKilledAtEachStep_leaveNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Twin twin = Twin.of(db);
      JdbcDatabase healthy = twin.healthy();
      JdbcDatabase dying = twin.dying();
      JdbcBlobReplica replica = new JdbcBlobReplica(healthy, "NAM/replica-1");
      JdbcBlobReplica dyingReplica = new JdbcBlobReplica(dying, "NAM/replica-1");
      BlobName blob = BlobName.of(BlobKind.CHUNK, "c1");
      Supplier<Object> blobs = () -> List.of(replica.list(CONTOSO, BlobKind.CHUNK),
          replica.get(CONTOSO, blob).map(PortsKilledConnectionTest::hex).orElse("-"));
      // a new blob: update (no row), insert, commit; a known one: update, commit
      assertThat(twin.killAtEachStep(blobs, () -> dyingReplica.put(CONTOSO, blob,
          new byte[] {1}))).isEqualTo(3);
      assertThat(twin.killAtEachStep(blobs, () -> dyingReplica.put(CONTOSO, blob,
          new byte[] {2}))).isEqualTo(2);
      assertThat(twin.killAtEachStep(blobs, () -> dyingReplica.delete(CONTOSO, blob)))
          .isEqualTo(2);

      JdbcKeysetStore keys = new JdbcKeysetStore(healthy);
      JdbcKeysetStore dyingKeys = new JdbcKeysetStore(dying);
      Supplier<Object> keyset = () -> keys.isShredded(CONTOSO) ? "shredded"
          : keys.read(CONTOSO).map(k -> hex(k.encrypted()) + "@" + k.version()).orElse("-");
      // create: read, insert, commit; replace: update, commit; shred: update, commit
      assertThat(twin.killAtEachStep(keyset, () -> dyingKeys.create(CONTOSO, new byte[] {1})))
          .isEqualTo(3);
      StoredKeyset v1 = keys.read(CONTOSO).orElseThrow();
      assertThat(twin.killAtEachStep(keyset,
          () -> dyingKeys.replace(CONTOSO, v1.version(), new byte[] {2}))).isEqualTo(2);
      assertThat(twin.killAtEachStep(keyset, () -> dyingKeys.shred(CONTOSO))).isEqualTo(2);
      assertThat(keyset.get()).isEqualTo("shredded");
      TenantId never = TenantId.of("never-had-keys");
      assertThat(twin.killAtEachStep(() -> keys.isShredded(never),
          () -> dyingKeys.shred(never))).as("update (no row), insert tombstone, commit")
          .isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void noticesWrites_connectionKilledAtEachStep_leaveNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Twin twin = Twin.of(db);
      JdbcDatabase healthy = twin.healthy();
      JdbcDatabase dying = twin.dying();
      JdbcNoticeStateStore state = new JdbcNoticeStateStore(healthy);
      JdbcNoticeStateStore dyingState = new JdbcNoticeStateStore(dying);
      String admin = "admin@contoso.com";
      Supplier<Object> prefs = () -> state.preferences(CONTOSO, admin);
      // update (no row), insert, delete followed, insert followed, commit
      assertThat(twin.killAtEachStep(prefs, () -> dyingState.savePreferences(CONTOSO, admin,
          new AdminPreferences(Set.of("Exchange Online", "Microsoft Teams"), true)))).isEqualTo(5);
      // update, delete followed, insert followed, commit
      assertThat(twin.killAtEachStep(prefs, () -> dyingState.savePreferences(CONTOSO, admin,
          new AdminPreferences(Set.of("SharePoint Online"), false)))).isEqualTo(4);
      assertThat(prefs.get()).isEqualTo(new AdminPreferences(Set.of("SharePoint Online"), false));

      Supplier<Object> sub = () -> state.subscription(CONTOSO, admin);
      HealthSubscription s = new HealthSubscription(Set.of("Exchange Online", "Teams"), true);
      // delete services, delete subscription, insert subscription, insert services, commit
      assertThat(twin.killAtEachStep(sub, () -> dyingState.saveSubscription(CONTOSO, admin, s)))
          .isEqualTo(5);
      assertThat(twin.killAtEachStep(sub,
          () -> dyingState.saveSubscription(CONTOSO, admin, null))).isEqualTo(3);
      assertThat(sub.get()).isEqualTo(java.util.Optional.empty());

      // read, insert, commit
      assertThat(twin.killAtEachStep(() -> rows(db, "tenantry_notice_ledger"),
          () -> assertThat(dyingState.markStageNotified(CONTOSO, "MC1", RolloutStage.ANNOUNCED))
              .isTrue())).isEqualTo(3);
      assertThat(state.markStageNotified(CONTOSO, "MC1", RolloutStage.ANNOUNCED)).isFalse();

      JdbcNotificationOutbox outbox = new JdbcNotificationOutbox(healthy);
      JdbcNotificationOutbox dyingOutbox = new JdbcNotificationOutbox(dying);
      Notification n = new Notification(CONTOSO, NotificationKind.ISSUE_STARTED, Channel.EMAIL,
          admin, Instant.parse("2026-06-30T08:00:00Z"), "EX1", "Subject", "Text", null);
      assertThat(twin.killAtEachStep(() -> outbox.pending(CONTOSO, 100),
          () -> dyingOutbox.send(CONTOSO, n))).as("insert, commit").isEqualTo(2);
      List<JdbcNotificationOutbox.Pending> stored = outbox.pending(CONTOSO, 100);
      assertThat(stored).extracting(JdbcNotificationOutbox.Pending::notification)
          .containsExactly(n);
      assertThat(twin.killAtEachStep(() -> outbox.pending(CONTOSO, 100),
          () -> dyingOutbox.acknowledge(CONTOSO, List.of(stored.get(0).position()))))
          .as("delete batch, commit").isEqualTo(2);
      assertThat(outbox.pending(CONTOSO, 100)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void reportsWrites_connectionKilledAtEachStep_leaveNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Twin twin = Twin.of(db);
      JdbcDatabase healthy = twin.healthy();
      JdbcDatabase dying = twin.dying();
      JdbcAggregateStore aggregates = new JdbcAggregateStore(healthy);
      JdbcAggregateStore dyingAggregates = new JdbcAggregateStore(dying);
      Supplier<Object> snapshot = () -> aggregates.get(CONTOSO, "D30")
          .map(s -> hex(s.bytes()) + "@" + s.version()).orElse("-");
      // new: lock and read the version, insert, commit; replace: lock and read, update, commit
      assertThat(twin.killAtEachStep(snapshot,
          () -> dyingAggregates.put(CONTOSO, "D30", 0, new byte[] {1}))).isEqualTo(3);
      assertThat(twin.killAtEachStep(snapshot,
          () -> dyingAggregates.put(CONTOSO, "D30", 1, new byte[] {2}))).isEqualTo(3);
      assertThat(snapshot.get()).isEqualTo("02@2");

      SecureRandom random = new SecureRandom(new byte[] {1});
      JdbcConcealmentSecrets dyingSecrets = new JdbcConcealmentSecrets(dying, random);
      // read (none), then in a transaction: read, insert, commit
      assertThat(twin.killAtEachStep(() -> rows(db, "tenantry_concealment_secret"),
          () -> dyingSecrets.secretFor(CONTOSO))).isEqualTo(4);
      assertThat(new JdbcConcealmentSecrets(healthy, random).secretFor(CONTOSO))
          .isEqualTo(dyingSecrets.secretFor(CONTOSO));
    }
  }
}
