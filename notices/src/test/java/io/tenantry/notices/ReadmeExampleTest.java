package io.tenantry.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the README's "Using notices as a library" example as written. */
class ReadmeExampleTest {

  @Test
  void readmeExample_runsAndSendsWhatItSays() {
    TenantId contoso = TenantId.of("contoso");
    InMemoryNotificationRecorder port = new InMemoryNotificationRecorder();
    MessageCenter center = MessageCenter.builder().notifications(port).build(); // 30-day minimum

    LocalDate announced = LocalDate.of(2026, 6, 23);
    center.publish(Message.builder("MC700101").title("New meeting recap").body("Review policies.")
        .category(MessageCategory.PLAN_FOR_CHANGE).services("Microsoft Teams").published(announced)
        .majorUpdate(new Rollout(announced, announced.plusDays(22), announced.plusDays(69)))
        .build());

    Admin megan = Admin.of("megan@contoso.com", "Message Center Reader");
    center.savePreferences(contoso, megan.upn(),
        new AdminPreferences(Set.of("Microsoft Teams"), true));
    center.fireStageNotifications(contoso, List.of(megan), announced);      // "Announced", once
    List<Digest> digests = center.sendWeeklyDigests(contoso, List.of(megan), announced.plusDays(6));

    ServiceHealth health = ServiceHealth.builder().notifications(port).build();
    health.post(new HealthIssue("EX700201", "Exchange Online", HealthIssueKind.INCIDENT,
        "Mail delays", Targeting.allTenants(), List.of(new StatusUpdate(
            Instant.parse("2026-06-30T08:05:00Z"), HealthStatus.INVESTIGATING, "Investigating."))));
    Admin sam = Admin.of("sam@contoso.com", "Service Support Administrator");
    health.subscribe(contoso, sam.upn(), new HealthSubscription(Set.of("Exchange Online"), false));
    health.dispatch(contoso, List.of(sam), Instant.parse("2026-06-30T09:00:00Z")); // IssueStarted

    assertThat(digests).hasSize(1);
    assertThat(port.all()).extracting(n -> n.kind() + " " + n.channel() + " " + n.recipient())
        .containsExactly("STAGE_REACHED MESSAGE_CENTER megan@contoso.com",
            "STAGE_REACHED EMAIL megan@contoso.com", "WEEKLY_DIGEST EMAIL megan@contoso.com",
            "ISSUE_STARTED EMAIL sam@contoso.com");
  }
}
