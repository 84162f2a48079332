package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.jdbc.notices.JdbcNoticeStateStore;
import io.tenantry.notices.HealthIssue;
import io.tenantry.notices.HealthIssueKind;
import io.tenantry.notices.HealthStatus;
import io.tenantry.notices.StatusUpdate;
import io.tenantry.notices.Targeting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ledger rows written by earlier versions, which named a health update by its position in the
 * timeline, are carried over to the time-and-status identity.
 */
class JdbcNoticeLedgerUpgradeTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final StatusUpdate INVESTIGATING = new StatusUpdate(
      Instant.parse("2026-06-30T08:00:00Z"), HealthStatus.INVESTIGATING, "a");
  private static final StatusUpdate DEGRADED = new StatusUpdate(
      Instant.parse("2026-06-30T09:00:00Z"), HealthStatus.SERVICE_DEGRADATION, "b");
  private static final StatusUpdate RESTORED = new StatusUpdate(
      Instant.parse("2026-06-30T10:00:00Z"), HealthStatus.SERVICE_RESTORED, "c");

  @RegisterExtension
  final Databases databases = new Databases();

  private static void legacyRow(JdbcDatabase db, String tenant, String issue, String entry)
      throws Exception {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO tenantry_notice_ledger (tenant_id, kind, ref_id, entry)"
            + " VALUES (?, 'health', ?, ?)")) {
      p.setString(1, tenant);
      p.setString(2, issue);
      p.setString(3, entry);
      p.executeUpdate();
    }
  }

  @Test
  void adoptPositionalHealthEntries_marksTheUpdatesAtThosePositions_once() throws Exception {
    JdbcDatabase db = databases.open(TestDatabase.Kind.H2_MEMORY);
    legacyRow(db, "contoso", "EX1", "0");
    legacyRow(db, "contoso", "EX1", "1");
    legacyRow(db, "fabrikam", "EX1", "0");
    legacyRow(db, "contoso", "EX1", "7");
    legacyRow(db, "contoso", "EX2", "0");
    JdbcNoticeStateStore store = new JdbcNoticeStateStore(db);
    HealthIssue issue = new HealthIssue("EX1", "Exchange Online", HealthIssueKind.INCIDENT, "t",
        Targeting.allTenants(), List.of(INVESTIGATING, RESTORED));

    assertThat(store.adoptPositionalHealthEntries(CONTOSO, issue)).isEqualTo(2);
    assertThat(store.adoptPositionalHealthEntries(CONTOSO, issue)).isZero();
    assertThat(store.adoptPositionalHealthEntries(TenantId.of("fabrikam"), issue)).isEqualTo(1);

    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1", INVESTIGATING)).isFalse();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1", RESTORED)).isFalse();
    assertThat(store.markHealthUpdateNotified(TenantId.of("fabrikam"), "EX1", INVESTIGATING))
        .isFalse();
    assertThat(store.markHealthUpdateNotified(TenantId.of("fabrikam"), "EX1", RESTORED)).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX1", DEGRADED)).isTrue();
    assertThat(store.markHealthUpdateNotified(CONTOSO, "EX2", INVESTIGATING)).isTrue();
  }
}
