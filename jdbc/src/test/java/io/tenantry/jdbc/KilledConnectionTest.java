package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.spi.AuditLog;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction whose connection dies mid-way leaves no partial state: for every statement of an
 * append (of a new tenant and of a known one) and of a purge, and for their commit, the connection
 * is killed there, the call fails with a {@link PortFailureException} carrying the SQL failure, and
 * the database holds exactly what it held before; the same call then succeeds.
 */
class KilledConnectionTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir
  Path dir;

  private static AuditRecord record(TenantId tenant, String id, int minute) {
    return new AuditRecord(id, tenant, T0.plusSeconds(60L * minute), "admin", "RoleAssigned",
        "alice", AuditResult.SUCCESS, Map.of("role", "User Administrator", "scope", "/"));
  }

  private static long details(TestDatabase db, TenantId t) throws SQLException {
    return db.queryLong("SELECT COUNT(*) FROM tenantry_audit_detail WHERE tenant_id = ?", t.value());
  }

  private static long sequence(TestDatabase db, TenantId t) throws SQLException {
    return db.queryLong("SELECT last_seq FROM tenantry_audit_sequence WHERE tenant_id = ?",
        t.value());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void append_connectionKilledAtEachStep_leavesNoPartialState(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      AuditLog healthy = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      FailingDataSource failing = new FailingDataSource(db);
      AuditLog dying = new JdbcAuditLog(JdbcDatabase.open(failing));
      TenantId known = TenantId.of("contoso");
      List<AuditRecord> kept = new ArrayList<>();
      kept.add(record(known, "first", 0));
      healthy.append(kept.get(0));
      int steps = 0;
      for (int step = 1; ; step++) {
        TenantId fresh = TenantId.of("new-" + step);
        AuditRecord forKnown = record(known, "k" + step, step);
        AuditRecord forFresh = record(fresh, "f" + step, step);
        long seqBefore = sequence(db, known);
        long detailsBefore = details(db, known);

        failing.arm(step);
        boolean failed = fails(() -> dying.append(forKnown));
        failing.arm(step);
        boolean freshFailed = fails(() -> dying.append(forFresh));
        assertThat(freshFailed).as("both paths have the same number of steps").isEqualTo(failed);
        if (!failed) {
          assertThat(healthy.query(AuditQuery.of(known)).items()).contains(forKnown);
          assertThat(healthy.query(AuditQuery.of(fresh)).items()).containsExactly(forFresh);
          break;
        }
        steps = step;
        assertThat(healthy.query(AuditQuery.of(known)).items()).containsExactlyElementsOf(kept);
        assertThat(details(db, known)).isEqualTo(detailsBefore);
        assertThat(sequence(db, known)).isEqualTo(seqBefore);
        assertThat(healthy.query(AuditQuery.of(fresh)).items()).isEmpty();
        assertThat(details(db, fresh)).isZero();
        assertThat(sequence(db, fresh)).as("no sequence row for the new tenant").isEqualTo(-1);

        healthy.append(forKnown);
        healthy.append(forFresh);
        kept.add(forKnown);
        assertThat(healthy.query(AuditQuery.of(known)).items()).containsExactlyElementsOf(kept);
        assertThat(healthy.query(AuditQuery.of(fresh)).items()).containsExactly(forFresh);
      }
      // bump or insert the sequence, read it, look the id up, insert the record, its details, commit
      assertThat(steps).isEqualTo(6);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void purge_connectionKilledAtEachStep_removesNothing(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      AuditLog healthy = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      FailingDataSource failing = new FailingDataSource(db);
      AuditLog dying = new JdbcAuditLog(JdbcDatabase.open(failing));
      TenantId t = TenantId.of("contoso");
      List<AuditRecord> all = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        all.add(record(t, "r" + i, i));
        healthy.append(all.get(i));
      }
      Instant cutoff = T0.plusSeconds(60L * 3);
      int steps = 0;
      for (int step = 1; step < 10; step++) {
        failing.arm(step);
        if (!fails(() -> dying.purgeBefore(t, cutoff))) {
          failing.arm(0);
          break;
        }
        steps = step;
        assertThat(healthy.query(AuditQuery.of(t)).items()).containsExactlyElementsOf(all);
        assertThat(details(db, t)).isEqualTo(2L * all.size());
      }
      // delete the details, delete the records, commit
      assertThat(steps).isEqualTo(3);
      assertThat(healthy.query(AuditQuery.of(t)).items()).containsExactlyElementsOf(all.subList(3, 6));
    }
  }

  private static boolean fails(Runnable call) {
    try {
      call.run();
      return false;
    } catch (PortFailureException e) {
      assertThat(e).hasCauseInstanceOf(SQLException.class);
      return true;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void anyCall_databaseUnreachable_failsWithTheCause(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      FailingDataSource failing = new FailingDataSource(db);
      AuditLog log = new JdbcAuditLog(JdbcDatabase.open(failing));
      TenantId t = TenantId.of("contoso");
      failing.arm(1);
      assertThatThrownBy(() -> log.query(AuditQuery.of(t)))
          .isInstanceOf(PortFailureException.class).hasCauseInstanceOf(SQLException.class)
          .hasMessageContaining("contoso");
    }
  }
}
