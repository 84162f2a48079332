package io.tenantry.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthIssueTest {
  private static final Instant T0 = Instant.parse("2026-06-30T08:00:00Z");

  private static StatusUpdate at(int minutes, HealthStatus status) {
    return new StatusUpdate(T0.plusSeconds(60L * minutes), status, "text");
  }

  private static HealthIssue issue(StatusUpdate... updates) {
    return new HealthIssue("EX1", "Exchange Online", HealthIssueKind.INCIDENT, "Title",
        Targeting.allTenants(), List.of(updates));
  }

  @Test
  void timeline_openStatusesInAnyOrderThenRestoredThenReport_isAccepted() {
    HealthIssue i = issue(at(0, HealthStatus.SERVICE_INTERRUPTION),
        at(1, HealthStatus.INVESTIGATING), at(2, HealthStatus.EXTENDED_RECOVERY),
        at(3, HealthStatus.SERVICE_RESTORED), at(4, HealthStatus.POST_INCIDENT_REPORT_PUBLISHED));
    assertThat(i.status()).isEqualTo(HealthStatus.POST_INCIDENT_REPORT_PUBLISHED);
  }

  @Test
  void timeline_empty_isRefused() {
    assertThatThrownBy(() -> issue()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("updates: an issue needs at least one status update");
  }

  @Test
  void timeline_notStrictlyIncreasing_isRefusedNamingTheUpdate() {
    assertThatThrownBy(() -> issue(at(5, HealthStatus.INVESTIGATING),
        at(5, HealthStatus.SERVICE_DEGRADATION)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("updates[1].at");
  }

  @Test
  void timeline_reopeningAfterRestored_isRefused() {
    assertThatThrownBy(() -> issue(at(0, HealthStatus.SERVICE_RESTORED),
        at(1, HealthStatus.INVESTIGATING)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("does not reopen");
  }

  @Test
  void timeline_reportBeforeRestored_isRefused() {
    assertThatThrownBy(() -> issue(at(0, HealthStatus.INVESTIGATING),
        at(1, HealthStatus.POST_INCIDENT_REPORT_PUBLISHED)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("updates[1].status");
    assertThatThrownBy(() -> issue(at(0, HealthStatus.POST_INCIDENT_REPORT_PUBLISHED)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("updates[0].status");
  }

  @Test
  void status_graphNameOfTheReport_isAccepted() {
    assertThat(HealthStatus.fromWireName("postIncidentReviewPublished"))
        .contains(HealthStatus.POST_INCIDENT_REPORT_PUBLISHED);
    assertThat(HealthStatus.fromWireName("resolved")).isEmpty();
  }
}
