package io.tenantry.reports.score;

import static io.tenantry.reports.input.Activity.EMAIL_READ;
import static io.tenantry.reports.input.Activity.EMAIL_SENT;
import static io.tenantry.reports.input.Activity.PRIVATE_CHAT_MESSAGE;
import static io.tenantry.reports.input.Workload.EXCHANGE;
import static io.tenantry.reports.input.Workload.TEAMS;
import static io.tenantry.reports.score.ScoreFixture.R;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.reports.input.UserType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChampionsTest {

  @Test
  void champions_rankedByBreadthThenActiveDays_perDepartmentOfTenOrMore() {
    ScoreFixture f = new ScoreFixture();
    int[] sales = new int[10];
    for (int i = 0; i < 10; i++) {
      boolean mfa = i == 0;
      sales[i] = f.user("s" + i, b -> b.attribute("Department", "Sales").mfaRegistered(mfa)
          .licence(EXCHANGE, R.minusDays(90)).licence(TEAMS, R.minusDays(90)));
    }
    for (int i = 0; i < 9; i++) {
      int o = f.user("o" + i, b -> b.attribute("Department", "Ops").mfaRegistered(true));
      f.event(o, EXCHANGE, EMAIL_READ).add();
    }
    f.user("g", b -> b.attribute("Department", "Ops").userType(UserType.GUEST));
    // s0: Communication, Data protection; 2 active days
    f.event(sales[0], EXCHANGE, EMAIL_SENT).add().event(sales[0], TEAMS, PRIVATE_CHAT_MESSAGE)
        .daysBefore(1).add();
    // s1: Communication only, 3 active days
    f.event(sales[1], EXCHANGE, EMAIL_SENT).add().event(sales[1], TEAMS, PRIVATE_CHAT_MESSAGE)
        .daysBefore(1).add().event(sales[1], EXCHANGE, EMAIL_READ).daysBefore(2).add();
    // s2: Communication only, 2 active days
    f.event(sales[2], EXCHANGE, EMAIL_SENT).add().event(sales[2], TEAMS, PRIVATE_CHAT_MESSAGE)
        .daysBefore(5).add();
    // s3: active but in no numerator
    f.event(sales[3], EXCHANGE, EMAIL_READ).add();
    UsageScoreEngine.Computation c =
        UsageScoreEngine.withHistoryDays(1).start(ScoreFixture.TENANT, f.directory(), R);
    f.events.forEach(c);
    c.finish(Peers.none());

    List<DepartmentChampions> result = c.champions(2);

    assertThat(result).singleElement().satisfies(d -> {
      assertThat(d.department()).isEqualTo("Sales");
      assertThat(d.people()).isEqualTo(10);
      assertThat(d.champions()).extracting(ch -> ch.person().userId())
          .containsExactly("id-s0", "id-s1");
      assertThat(d.champions().get(0).strengths())
          .containsExactly(Scenario.COMMUNICATION, Scenario.DATA_PROTECTION);
      assertThat(d.champions().get(0).activeDays()).isEqualTo(2);
      assertThat(d.champions().get(1).activeDays()).isEqualTo(3);
    });
    assertThat(c.champions(10).get(0).champions()).extracting(ch -> ch.person().userId())
        .containsExactly("id-s0", "id-s1", "id-s2");
  }

  @Test
  void champions_beforeFinish_isRefused() {
    ScoreFixture f = new ScoreFixture();
    UsageScoreEngine.Computation c =
        UsageScoreEngine.create().start(ScoreFixture.TENANT, f.directory(), R);

    assertThatThrownBy(() -> c.champions(3)).isInstanceOf(IllegalStateException.class);
  }
}
