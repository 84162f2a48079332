package io.tenantry.groups.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityDaysTest {
  static final TenantId CONTOSO = TenantId.of("contoso");
  static final LocalDate D = LocalDate.of(2026, 3, 10);
  static final GroupId G = GroupId.of("g");

  static ActivityDays days(LocalDate... active) {
    Group g = Group.of(G, "g", GroupKind.MICROSOFT_365, D.minusDays(100));
    return new ActivityDays(CONTOSO, List.of(new SimulatedGroup(g, List.of(active), 1)));
  }

  @Test
  void hadActivity_dayEqualToAfter_doesNotCount() {
    assertThat(days(D, D).hadActivity(CONTOSO, G, D, D.plusDays(5))).isFalse();
  }

  @Test
  void hadActivity_dayAfterAfterThroughInclusive_counts() {
    ActivityDays a = days(D.plusDays(5), D, D);

    assertThat(a.hadActivity(CONTOSO, G, D, D.plusDays(5))).isTrue();
    assertThat(a.hadActivity(CONTOSO, G, D, D.plusDays(4))).isFalse();
  }

  @Test
  void hadActivity_otherTenantOrUnknownGroup_isFalse() {
    ActivityDays a = days(D.plusDays(1));

    assertThat(a.hadActivity(TenantId.of("fabrikam"), G, D, D.plusDays(5))).isFalse();
    assertThat(a.hadActivity(CONTOSO, GroupId.of("h"), D, D.plusDays(5))).isFalse();
  }
}
