package io.tenantry.notices.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.notices.HealthIssue;
import io.tenantry.notices.HealthStatus;
import io.tenantry.notices.Notification;
import io.tenantry.notices.ServiceHealth;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthFilesTest {
  private static final Path DIR = Path.of("src/test/resources/examples");

  @Test
  void examples_areRead_andEveryTimelineIsKept() throws Exception {
    IncidentsFile incidents = IncidentsFile.read(DIR.resolve("incidents.yaml"));
    SubscriptionsFile subs = SubscriptionsFile.read(DIR.resolve("subs.yaml"));
    assertThat(incidents.issues()).hasSize(3);
    assertThat(incidents.issues().get(0).status())
        .isEqualTo(HealthStatus.POST_INCIDENT_REPORT_PUBLISHED);
    assertThat(subs.tenants()).containsExactly(TenantId.of("contoso"), TenantId.of("fabrikam"));
    assertThat(subs.subscribers().get(2).subscription()).isNotNull();

    InMemoryNotificationRecorder sent = new InMemoryNotificationRecorder();
    ServiceHealth health = subs.newServiceHealth(incidents, sent);
    List<Notification> fabrikam = health.dispatch(TenantId.of("fabrikam"),
        subs.adminsOf(TenantId.of("fabrikam")), Instant.MAX);
    assertThat(fabrikam).extracting(Notification::reference).containsOnly("SP700203");
  }

  @Test
  void malformedIncidents_areRefused_listingEveryProblemWithItsLine() {
    String yaml = """
        issues:
          - id: EX1
            service: Exchange Online
            kind: outage
            title: t
            updates:
              - {at: 2026-06-30 08:00, status: investigating, text: x}
              - {at: 2026-06-30T09:00:00Z, status: fixed, text: x}
          - id: EX2
            service: Exchange Online
            kind: incident
            title: t
            updates:
              - {at: 2026-06-30T09:00:00Z, status: serviceRestored, text: x}
              - {at: 2026-06-30T10:00:00Z, status: investigating, text: x}
        """;
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> IncidentsFile.read("i.yaml", yaml));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "issues[0].kind: must be incident or advisory (value 'outage') (i.yaml:4)",
        "issues[0].updates[0].at: must be a date and time with an offset, e.g."
            + " 2026-06-30T08:05:00Z (value '2026-06-30 08:00') (i.yaml:7)",
        "issues[0].updates[1].status: must be one of investigating, serviceDegradation,"
            + " serviceInterruption, restoringService, extendedRecovery, serviceRestored,"
            + " postIncidentReportPublished (value 'fixed') (i.yaml:8)",
        "issues[1].updates[1].status: a restored issue does not reopen (post a new issue)"
            + " (value 'investigating') (i.yaml:15)");
  }

  @Test
  void malformedSubscriptions_areRefused_listingEveryProblemWithItsLine() {
    String yaml = """
        tenants:
          - id: contoso
            admins:
              - {upn: sam@contoso.com, roles: [Service Support Administrator], services: [Exchange Online]}
              - {upn: SAM@contoso.com, services: [Teams]}
              - {upn: gina@contoso.com, advisories: true}
          - id: "bad tenant"
        """;
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> SubscriptionsFile.read("s.yaml", yaml));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "tenants[0].admins[1].upn: lists admin SAM@contoso.com twice in this tenant"
            + " (value 'SAM@contoso.com') (s.yaml:5)",
        "tenants[0].admins[2].advisories: needs services to subscribe to (value 'true') (s.yaml:6)",
        "tenants[1].id: must be 1-64 characters of letters, digits, '-' and '.' (and not '.' or"
            + " '..') (value 'bad tenant') (s.yaml:7)");
  }

  @Test
  void issueTargetingATenantTheSubscriptionsDoNotDefine_isRefused_andDuplicateIdsAlwaysReported() {
    SubscriptionsFile subs = SubscriptionsFile.read("s.yaml", """
        tenants:
          - id: contoso
            admins: [{upn: sam@contoso.com, roles: [Service Support Administrator]}]
          - id: fabrikam
        """);
    assertThat(subs.definedTenants())
        .containsExactly(TenantId.of("contoso"), TenantId.of("fabrikam"));
    String yaml = """
        issues:
          - id: EX1
            service: Exchange Online
            kind: incident
            title: t
            tenants: [fabrikam, nowhere]
            updates:
              - {at: 2026-06-30T08:00:00Z, status: investigating, text: a}
          - id: EX1
            service: Exchange Online
            kind: incident
            title: t
            updates:
              - {at: 2026-06-30T08:00:00Z, status: investigating, text: a}
        """;

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> IncidentsFile.read("i.yaml", yaml, subs.definedTenants()));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "issues[0].tenants[1]: names a tenant the subscriptions file does not define"
            + " (value 'nowhere') (i.yaml:6)",
        "issues[1].id: uses issue id EX1 again (first on line 2) (value 'EX1') (i.yaml:9)");
    String ok = yaml.replace(", nowhere", "").replace("  - id: EX1\n    service: Exchange Online\n"
        + "    kind: incident\n    title: t\n    updates", "  - id: EX2\n    service: Exchange Online\n"
        + "    kind: incident\n    title: t\n    updates");
    assertThat(IncidentsFile.read("i.yaml", ok, subs.definedTenants()).issues())
        .extracting(HealthIssue::id).containsExactly("EX1", "EX2");
  }
}
