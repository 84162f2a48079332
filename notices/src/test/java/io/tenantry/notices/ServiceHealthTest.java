package io.tenantry.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.notices.spi.InMemoryNoticeStateStore;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceHealthTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final TenantId FABRIKAM = TenantId.of("fabrikam");
  private static final Instant T0 = Instant.parse("2026-06-30T08:00:00Z");
  private static final Admin SAM = Admin.of("sam@contoso.com", "Service Support Administrator");
  private static final Admin GINA = Admin.of("gina@contoso.com", "Global Reader");
  private static final Admin MEGAN = Admin.of("megan@contoso.com", "Message Center Reader");

  private final InMemoryNotificationRecorder sent = new InMemoryNotificationRecorder();
  private final ServiceHealth health = ServiceHealth.builder().notifications(sent).build();

  private static StatusUpdate at(int minutes, HealthStatus status) {
    return new StatusUpdate(T0.plusSeconds(60L * minutes), status, status.label() + " update");
  }

  private static HealthIssue incident(String id, Targeting targeting, StatusUpdate... updates) {
    return new HealthIssue(id, "Exchange Online", HealthIssueKind.INCIDENT, "Mail delays",
        targeting, List.of(updates));
  }

  @Test
  void dispatch_startChangeAndEnd_notifySubscribersInOrder() {
    health.post(incident("EX1", Targeting.allTenants(),
        at(0, HealthStatus.INVESTIGATING), at(10, HealthStatus.SERVICE_DEGRADATION),
        at(20, HealthStatus.SERVICE_DEGRADATION), at(30, HealthStatus.SERVICE_RESTORED),
        at(90, HealthStatus.POST_INCIDENT_REPORT_PUBLISHED)));
    health.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Exchange Online"), false));
    health.subscribe(CONTOSO, GINA.upn(), new HealthSubscription(Set.of("Exchange Online"), false));

    List<Notification> out = health.dispatch(CONTOSO, List.of(SAM, GINA), Instant.MAX);

    assertThat(out).extracting(n -> n.kind() + " " + n.recipient()).containsExactly(
        "ISSUE_STARTED gina@contoso.com", "ISSUE_STARTED sam@contoso.com",
        "ISSUE_STATUS_CHANGED gina@contoso.com", "ISSUE_STATUS_CHANGED sam@contoso.com",
        "ISSUE_ENDED gina@contoso.com", "ISSUE_ENDED sam@contoso.com",
        "ISSUE_STATUS_CHANGED gina@contoso.com", "ISSUE_STATUS_CHANGED sam@contoso.com");
    assertThat(out).allSatisfy(n -> assertThat(n.channel()).isEqualTo(Channel.EMAIL));
    assertThat(out.get(4).text()).contains("Service restored").contains(T0.plusSeconds(1800)
        .toString());
    assertThat(sent.all()).isEqualTo(out);
  }

  @Test
  void dispatch_eachUpdateOnce_andLaterUpdatesWaitForTheirTime() {
    health.post(incident("EX1", Targeting.allTenants(), at(0, HealthStatus.INVESTIGATING)));
    health.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Exchange Online"), false));
    assertThat(health.dispatch(CONTOSO, List.of(SAM), T0.minusSeconds(1))).isEmpty();
    assertThat(health.dispatch(CONTOSO, List.of(SAM), T0)).hasSize(1);
    assertThat(health.dispatch(CONTOSO, List.of(SAM), T0.plusSeconds(3600))).isEmpty();

    health.post(incident("EX1", Targeting.allTenants(), at(0, HealthStatus.INVESTIGATING),
        at(45, HealthStatus.SERVICE_RESTORED)));
    assertThat(health.dispatch(CONTOSO, List.of(SAM), T0.plusSeconds(3600)))
        .extracting(Notification::kind).containsExactly(NotificationKind.ISSUE_ENDED);
  }

  @Test
  void dispatch_readerWithoutHealthRole_getsNothing() {
    health.post(incident("EX1", Targeting.allTenants(), at(0, HealthStatus.INVESTIGATING)));
    health.subscribe(CONTOSO, MEGAN.upn(), new HealthSubscription(Set.of("Exchange Online"), true));
    assertThat(health.dispatch(CONTOSO, List.of(MEGAN), Instant.MAX)).isEmpty();
    assertThat(health.issuesFor(CONTOSO, MEGAN)).isEmpty();
    assertThat(health.issuesFor(CONTOSO, SAM)).extracting(HealthIssue::id).containsExactly("EX1");
  }

  @Test
  void dispatch_advisory_onlyToSubscribersWhoWantAdvisories() {
    health.post(new HealthIssue("TM1", "Microsoft Teams", HealthIssueKind.ADVISORY, "Chat delays",
        Targeting.allTenants(), List.of(at(0, HealthStatus.INVESTIGATING))));
    health.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Microsoft Teams"), true));
    health.subscribe(CONTOSO, GINA.upn(), new HealthSubscription(Set.of("Microsoft Teams"), false));
    assertThat(health.dispatch(CONTOSO, List.of(SAM, GINA), Instant.MAX))
        .extracting(Notification::recipient).containsExactly("sam@contoso.com");
  }

  @Test
  void dispatch_unsubscribedService_orOtherTenantsIssue_sendsNothing() {
    health.post(incident("EX1", Targeting.tenants(Set.of(FABRIKAM)),
        at(0, HealthStatus.INVESTIGATING)));
    health.post(new HealthIssue("SP1", "SharePoint Online", HealthIssueKind.INCIDENT, "Slow sites",
        Targeting.allTenants(), List.of(at(0, HealthStatus.SERVICE_INTERRUPTION))));
    health.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Exchange Online"), true));
    assertThat(health.dispatch(CONTOSO, List.of(SAM), Instant.MAX)).isEmpty();
    assertThat(health.issuesFor(CONTOSO, SAM)).extracting(HealthIssue::id).containsExactly("SP1");
  }

  @Test
  void dispatch_firstUpdateAlreadyRestored_notifiesStartThenEnd() {
    health.post(incident("EX1", Targeting.allTenants(), at(0, HealthStatus.SERVICE_RESTORED)));
    health.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Exchange Online"), false));
    assertThat(health.dispatch(CONTOSO, List.of(SAM), Instant.MAX)).extracting(Notification::kind)
        .containsExactly(NotificationKind.ISSUE_STARTED, NotificationKind.ISSUE_ENDED);
  }

  @Test
  void dispatch_severalIssues_mergedByTime() {
    health.post(incident("EX2", Targeting.allTenants(), at(5, HealthStatus.INVESTIGATING),
        at(20, HealthStatus.SERVICE_RESTORED)));
    health.post(incident("EX1", Targeting.allTenants(), at(0, HealthStatus.INVESTIGATING),
        at(10, HealthStatus.SERVICE_RESTORED)));
    health.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Exchange Online"), false));
    List<String> order = new ArrayList<>();
    for (Notification n : health.dispatch(CONTOSO, List.of(SAM), Instant.MAX)) {
      order.add(n.reference() + " " + n.kind());
    }
    assertThat(order).containsExactly("EX1 ISSUE_STARTED", "EX2 ISSUE_STARTED", "EX1 ISSUE_ENDED",
        "EX2 ISSUE_ENDED");
  }

  @Test
  void post_rewritingHistory_isAConflict() {
    health.post(incident("EX1", Targeting.allTenants(), at(0, HealthStatus.INVESTIGATING)));
    assertThatThrownBy(() -> health.post(incident("EX1", Targeting.allTenants(),
        at(0, HealthStatus.SERVICE_DEGRADATION)))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> health.post(incident("EX1", Targeting.tenants(Set.of(CONTOSO)),
        at(0, HealthStatus.INVESTIGATING)))).isInstanceOf(ConflictException.class);
  }

  /** Two runs over one persistent store: each builds its engine from that run's issue file. */
  private static List<String> run(InMemoryNoticeStateStore store, HealthIssue issue) {
    ServiceHealth h = ServiceHealth.builder().notifications(new InMemoryNotificationRecorder())
        .state(store).build();
    h.post(issue);
    h.subscribe(CONTOSO, SAM.upn(), new HealthSubscription(Set.of("Exchange Online"), false));
    return h.dispatch(CONTOSO, List.of(SAM), Instant.MAX).stream()
        .map(n -> n.kind() + " " + n.at()).toList();
  }

  @Test
  void dispatch_updateInsertedBeforeNotifiedOnes_isNotifiedOnce_andTheOthersNotAgain() {
    InMemoryNoticeStateStore store = new InMemoryNoticeStateStore();
    StatusUpdate investigating = at(0, HealthStatus.INVESTIGATING);
    StatusUpdate degraded = at(60, HealthStatus.SERVICE_DEGRADATION);
    StatusUpdate restored = at(120, HealthStatus.SERVICE_RESTORED);

    assertThat(run(store, incident("EX1", Targeting.allTenants(), investigating, restored)))
        .containsExactly("ISSUE_STARTED " + T0, "ISSUE_ENDED " + restored.at());
    assertThat(run(store, incident("EX1", Targeting.allTenants(), investigating, degraded,
        restored))).containsExactly("ISSUE_STATUS_CHANGED " + degraded.at());
    assertThat(run(store, incident("EX1", Targeting.allTenants(), investigating, degraded,
        restored))).isEmpty();
  }

  @Test
  void dispatch_lateUpdateThatBecomesTheFirst_doesNotStartTheIssueAgain() {
    InMemoryNoticeStateStore store = new InMemoryNoticeStateStore();
    StatusUpdate degraded = at(60, HealthStatus.SERVICE_DEGRADATION);

    assertThat(run(store, incident("EX1", Targeting.allTenants(), degraded)))
        .containsExactly("ISSUE_STARTED " + degraded.at());
    assertThat(run(store, incident("EX1", Targeting.allTenants(),
        at(0, HealthStatus.INVESTIGATING), degraded))).isEmpty();
    assertThat(run(store, incident("EX1", Targeting.allTenants(),
        at(0, HealthStatus.INVESTIGATING), degraded, at(90, HealthStatus.SERVICE_RESTORED))))
        .containsExactly("ISSUE_ENDED " + T0.plusSeconds(90 * 60));
  }
}
