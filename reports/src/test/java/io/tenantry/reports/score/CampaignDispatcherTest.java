package io.tenantry.reports.score;

import static io.tenantry.reports.input.Activity.EMAIL_READ;
import static io.tenantry.reports.input.Workload.EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.reports.score.spi.InMemoryCampaignSender;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignDispatcherTest {
  private static final Instant NOW = Instant.parse("2026-07-01T08:00:00Z");

  private static UsageScore scoreWithoutMfa() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("ann");
    int b = f.member("bob");
    f.event(a, EXCHANGE, EMAIL_READ).add().event(b, EXCHANGE, EMAIL_READ).add();
    return f.score();
  }

  @Test
  void handOver_rendersForEveryTargetAndAuditsTheHandOver() {
    InMemoryCampaignSender sender = new InMemoryCampaignSender();
    InMemoryAuditLog audit = new InMemoryAuditLog();
    CampaignDispatcher d = new CampaignDispatcher(sender, audit, InstantSource.fixed(NOW),
        IdGenerator.sequential());

    List<CampaignMessage> sent = d.handOver(ScoreFixture.TENANT, scoreWithoutMfa(),
        Scenario.DATA_PROTECTION, "admin@contoso.com");

    assertThat(sent).extracting(m -> m.recipient().userPrincipalName())
        .containsExactly("ann@contoso.com", "bob@contoso.com");
    assertThat(sent.get(0).body()).startsWith("Hello Ann,");
    assertThat(sender.handOvers(ScoreFixture.TENANT)).singleElement()
        .satisfies(h -> assertThat(h.messages()).isEqualTo(sent));
    assertThat(sender.handOvers(TenantId.of("fabrikam"))).isEmpty();
    List<AuditRecord> records = audit.query(AuditQuery.of(ScoreFixture.TENANT)).items();
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.activity()).isEqualTo(CampaignDispatcher.ACTIVITY);
      assertThat(r.target()).isEqualTo("Data protection");
      assertThat(r.result()).isEqualTo(AuditResult.SUCCESS);
      assertThat(r.details()).containsEntry("recipients", "2");
      assertThat(r.time()).isEqualTo(NOW);
      assertThat(r.actor()).isEqualTo("admin@contoso.com");
    });
  }

  @Test
  void handOver_senderFails_auditsTheFailureAndThrows() {
    InMemoryAuditLog audit = new InMemoryAuditLog();
    CampaignDispatcher d = new CampaignDispatcher((t, s, m) -> {
      throw new IllegalStateException("mail relay down");
    }, audit, InstantSource.fixed(NOW), IdGenerator.sequential());

    assertThatThrownBy(() -> d.handOver(ScoreFixture.TENANT, scoreWithoutMfa(),
        Scenario.DATA_PROTECTION, "admin@contoso.com"))
        .isInstanceOf(PortFailureException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(audit.query(AuditQuery.of(ScoreFixture.TENANT)).items()).singleElement()
        .satisfies(r -> {
          assertThat(r.result()).isEqualTo(AuditResult.FAILURE);
          assertThat(r.details()).containsEntry("reason", "mail relay down");
        });
  }

  @Test
  void handOver_scoreOfAnotherTenant_isDeniedAndNothingIsSent() {
    InMemoryCampaignSender sender = new InMemoryCampaignSender();
    InMemoryAuditLog audit = new InMemoryAuditLog();
    CampaignDispatcher d = new CampaignDispatcher(sender, audit, InstantSource.fixed(NOW),
        IdGenerator.sequential());

    assertThatThrownBy(() -> d.handOver(TenantId.of("fabrikam"), scoreWithoutMfa(),
        Scenario.DATA_PROTECTION, "admin@fabrikam.com"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(sender.handOvers(TenantId.of("fabrikam"))).isEmpty();
    assertThat(sender.handOvers(ScoreFixture.TENANT)).isEmpty();
  }
}
