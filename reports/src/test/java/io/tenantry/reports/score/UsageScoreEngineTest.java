package io.tenantry.reports.score;

import static io.tenantry.reports.input.Activity.CALL;
import static io.tenantry.reports.input.Activity.EMAIL_READ;
import static io.tenantry.reports.input.Activity.EMAIL_RECEIVED;
import static io.tenantry.reports.input.Activity.EMAIL_SENT;
import static io.tenantry.reports.input.Activity.FILE_SHARED_EXTERNALLY;
import static io.tenantry.reports.input.Activity.FILE_SYNCED;
import static io.tenantry.reports.input.Activity.FILE_VIEWED_OR_EDITED;
import static io.tenantry.reports.input.Activity.MEETING_ATTENDED;
import static io.tenantry.reports.input.Activity.MEETING_ORGANIZED;
import static io.tenantry.reports.input.Activity.MESSAGE_POSTED;
import static io.tenantry.reports.input.Activity.PAGE_VIEWED;
import static io.tenantry.reports.input.Activity.PEER_TO_PEER_SESSION;
import static io.tenantry.reports.input.Activity.PRIVATE_CHAT_MESSAGE;
import static io.tenantry.reports.input.Activity.REPLY_MESSAGE;
import static io.tenantry.reports.input.Activity.TEAM_CHAT_MESSAGE;
import static io.tenantry.reports.input.Activity.URGENT_MESSAGE;
import static io.tenantry.reports.input.Workload.EXCHANGE;
import static io.tenantry.reports.input.Workload.M365_APPS;
import static io.tenantry.reports.input.Workload.ONE_DRIVE;
import static io.tenantry.reports.input.Workload.SHARE_POINT;
import static io.tenantry.reports.input.Workload.SKYPE_FOR_BUSINESS;
import static io.tenantry.reports.input.Workload.TEAMS;
import static io.tenantry.reports.input.Workload.YAMMER;
import static io.tenantry.reports.score.ScoreFixture.R;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.UserDirectory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each scenario of {@code usage-score.md} on a small directory whose N and M are counted by hand
 * in the comments.
 */
class UsageScoreEngineTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void communication_twoModesAmongPeopleEnabledForTwoProducts_countsThem() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("a", EXCHANGE, TEAMS);          // M, N: mail + chat
    int b = f.member("b", EXCHANGE, TEAMS);          // M: mail only
    int c = f.member("c", EXCHANGE);                 // not M: one product only
    int dd = f.member("d", EXCHANGE, YAMMER);        // M: UrgentMessage counts nowhere
    int e = f.member("e", TEAMS, YAMMER);            // M, N: Yammer post + channel message
    int g = f.guest("g", EXCHANGE, TEAMS);           // guests are left out
    f.event(a, EXCHANGE, EMAIL_SENT).add().event(a, TEAMS, PRIVATE_CHAT_MESSAGE).add();
    f.event(b, EXCHANGE, EMAIL_SENT).add();
    f.event(c, EXCHANGE, EMAIL_SENT).add().event(c, TEAMS, PRIVATE_CHAT_MESSAGE).add();
    f.event(dd, EXCHANGE, EMAIL_SENT).add().event(dd, TEAMS, URGENT_MESSAGE).add();
    f.event(e, YAMMER, MESSAGE_POSTED).add().event(e, TEAMS, TEAM_CHAT_MESSAGE).add();
    f.event(g, EXCHANGE, EMAIL_SENT).add().event(g, TEAMS, PRIVATE_CHAT_MESSAGE).add();

    ScenarioResult line = f.score().scenario(Scenario.COMMUNICATION);

    assertThat(line.numerator()).isEqualTo(2);
    assertThat(line.denominator()).isEqualTo(4);
    assertThat(line.points()).isEqualTo(d("50.0"));
    assertThat(line.maturity()).isEqualTo(MaturityLevel.DEFINED);
  }

  @Test
  void contentCollaboration_sharersAndPeopleWorkingOnTheSameFile_countInN() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("a", ONE_DRIVE);      // M, N: f1 with b (OneDrive and SharePoint share ids)
    int b = f.member("b", SHARE_POINT);    // M, N
    int c = f.member("c", ONE_DRIVE);      // M: alone on f2, twice
    int dd = f.member("d", SHARE_POINT);   // M, N: shared a file
    int e = f.member("e", ONE_DRIVE);      // M, N: f3 with a guest, who counts as another person
    int x = f.guest("x", SHARE_POINT);     //   the guest itself is in no N or M
    int ff = f.member("f", ONE_DRIVE);     // M: f4 only 28 days before R, outside the window
    int h = f.member("h");                 // not M (no licence), but another person for i
    int i = f.member("i", ONE_DRIVE);      // M, N: f6 with h
    int j = f.user("j", u -> u.createdDate(R.plusDays(1)));  // does not exist as of R
    int k = f.member("k", ONE_DRIVE);      // M: j's events count nowhere
    f.event(a, ONE_DRIVE, FILE_VIEWED_OR_EDITED).file("f1").add();
    f.event(b, SHARE_POINT, FILE_SYNCED).file("f1").daysBefore(27).add();
    f.event(c, ONE_DRIVE, FILE_VIEWED_OR_EDITED).file("f2").add();
    f.event(c, ONE_DRIVE, FILE_VIEWED_OR_EDITED).file("f2").daysBefore(3).add();
    f.event(dd, SHARE_POINT, FILE_SHARED_EXTERNALLY).add();
    f.event(e, ONE_DRIVE, FILE_VIEWED_OR_EDITED).file("f3").add();
    f.event(x, SHARE_POINT, PAGE_VIEWED).file("f3").add();
    f.event(ff, ONE_DRIVE, FILE_VIEWED_OR_EDITED).file("f4").daysBefore(28).add();
    f.event(a, ONE_DRIVE, FILE_VIEWED_OR_EDITED).file("f4").add();
    f.event(h, ONE_DRIVE, FILE_SYNCED).file("f6").add();
    f.event(i, ONE_DRIVE, FILE_SYNCED).file("f6").add();
    f.event(j, ONE_DRIVE, FILE_SYNCED).file("f7").add();
    f.event(k, ONE_DRIVE, FILE_SYNCED).file("f7").add();

    ScenarioResult line = f.score().scenario(Scenario.CONTENT_COLLABORATION);

    assertThat(line.numerator()).isEqualTo(5);
    assertThat(line.denominator()).isEqualTo(8);
    assertThat(line.points()).isEqualTo(d("62.5"));
    assertThat(line.maturity()).isEqualTo(MaturityLevel.MANAGED);
  }

  @Test
  void teamwork_sharedWorkspaceActivityAmongSendersAndFileUsers_countsInN() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("a", EXCHANGE);      // M, N: mail to a group
    int b = f.member("b", TEAMS);         // M: private chat only
    int c = f.member("c", SHARE_POINT);   // M, N: group site file
    int dd = f.member("d");               // not M: no Exchange, Teams or SharePoint licence
    int e = f.member("e", EXCHANGE);      // not M: PageViewed is not file activity
    int ff = f.member("f", SHARE_POINT);  // M: OneDrive file with a group is not a group site
    int g = f.member("g", TEAMS);         // M, N: channel reply
    int h = f.member("h", ONE_DRIVE);     // not M: OneDrive licence is not a prerequisite
    int i = f.member("i", TEAMS);         // not M: UrgentMessage counts nowhere
    f.event(a, EXCHANGE, EMAIL_SENT).group("g1").add();
    f.event(b, TEAMS, PRIVATE_CHAT_MESSAGE).add();
    f.event(c, SHARE_POINT, FILE_SYNCED).group("g1").add();
    f.event(dd, TEAMS, TEAM_CHAT_MESSAGE).add();
    f.event(e, SHARE_POINT, PAGE_VIEWED).group("g1").add();
    f.event(ff, ONE_DRIVE, FILE_VIEWED_OR_EDITED).group("g1").add();
    f.event(g, TEAMS, REPLY_MESSAGE).add();
    f.event(h, ONE_DRIVE, FILE_SYNCED).add();
    f.event(i, TEAMS, URGENT_MESSAGE).add();

    ScenarioResult line = f.score().scenario(Scenario.TEAMWORK);

    assertThat(line.numerator()).isEqualTo(3);
    assertThat(line.denominator()).isEqualTo(5);
    assertThat(line.points()).isEqualTo(d("60.0"));
    assertThat(line.maturity()).isEqualTo(MaturityLevel.MANAGED);
  }

  @Test
  void meetings_weightsAttendancesBySecondsAndCount() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("a");
    int b = f.member("b");
    int c = f.member("c");
    int g = f.guest("g");
    int e = f.member("e");
    // a: max(600, 0, 0, 60) × 2 = 1200, audio only
    f.event(a, TEAMS, MEETING_ATTENDED).seconds(600, 0, 0).count(2).add();
    // b: max(30, 10, 0, 60) = 60, with video
    f.event(b, TEAMS, MEETING_ATTENDED).seconds(30, 10, 0).add();
    // c: max(0, 0, 120, 60) = 120, with screen sharing
    f.event(c, TEAMS, MEETING_ATTENDED).seconds(0, 0, 120).add();
    // left out: a guest's attendance, an organized meeting, a call
    f.event(g, TEAMS, MEETING_ATTENDED).seconds(0, 1000, 0).add();
    f.event(e, TEAMS, MEETING_ORGANIZED).seconds(0, 500, 0).add();
    f.event(e, TEAMS, CALL).seconds(0, 500, 0).add();

    UsageScore score = f.score();
    ScenarioResult line = score.scenario(Scenario.MEETINGS);

    assertThat(line.numerator()).isEqualTo(180);
    assertThat(line.denominator()).isEqualTo(1380);
    assertThat(line.points()).isEqualTo(d("13.0"));   // 13.043…
    assertThat(line.maturity()).isEqualTo(MaturityLevel.INITIAL);
    Recommendation r = score.recommendation(Scenario.MEETINGS).orElseThrow();
    assertThat(r.targets()).extracting(TargetPerson::userPrincipalName)
        .containsExactly("a@contoso.com");
    // a tenth of 1 target, rounded up, is 1 person bringing 1200: (180 + 1200) / 1380 = 100.0
    assertThat(r.expectedGain()).isEqualTo(d("87.0"));
  }

  @Test
  void mobility_twoPlatformClassesOfTeamsExchangeOrApps_countInN() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("a", TEAMS, EXCHANGE);  // N: desktop + mobile
    int b = f.member("b", TEAMS, EXCHANGE);  // M: Windows and Mac are both desktop
    int c = f.member("c", TEAMS, EXCHANGE);  // M: EmailReceived does not count
    int dd = f.member("d", TEAMS, EXCHANGE); // M: Yammer does not count
    int e = f.member("e", M365_APPS);        // N: web + mobile, Apps only
    int ff = f.member("f", SKYPE_FOR_BUSINESS); // M: Skype does not count
    int h = f.member("h", ONE_DRIVE);        // not M: OneDrive is not a prerequisite
    f.event(a, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WINDOWS).add();
    f.event(a, EXCHANGE, EMAIL_READ).platform(Platform.IOS).add();
    f.event(b, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WINDOWS).add();
    f.event(b, M365_APPS, Activity.APP_USED).platform(Platform.MAC).add();
    f.event(c, EXCHANGE, EMAIL_RECEIVED).platform(Platform.WEB).add();
    f.event(c, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WINDOWS).add();
    f.event(dd, YAMMER, MESSAGE_POSTED).platform(Platform.WEB).add();
    f.event(dd, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WINDOWS).add();
    f.event(e, M365_APPS, Activity.APP_USED).platform(Platform.WEB).add();
    f.event(e, M365_APPS, Activity.APP_USED).platform(Platform.ANDROID_PHONE).daysBefore(20).add();
    f.event(ff, SKYPE_FOR_BUSINESS, PEER_TO_PEER_SESSION).platform(Platform.IOS).add();
    f.event(ff, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WEB).add();
    f.event(h, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WEB).add();
    f.event(h, EXCHANGE, EMAIL_READ).platform(Platform.IOS).add();

    ScenarioResult line = f.score().scenario(Scenario.MOBILITY);

    assertThat(line.numerator()).isEqualTo(2);
    assertThat(line.denominator()).isEqualTo(6);
    assertThat(line.points()).isEqualTo(d("33.3"));
    assertThat(line.maturity()).isEqualTo(MaturityLevel.REPEATABLE);
  }

  @Test
  void enabled_licensedOnSomeWindowDayAndNotDeletedBeforeTheWindow() {
    ScoreFixture f = new ScoreFixture();
    f.user("a", u -> u.licence(EXCHANGE, R));                       // M: assigned on R
    f.user("b", u -> u.licence(EXCHANGE, R.plusDays(1)));           // assigned after R
    f.user("c", u -> u.licence(EXCHANGE, R.minusDays(60)).deletedDate(R.minusDays(28)));
    f.user("d", u -> u.licence(EXCHANGE, R.minusDays(60)).deletedDate(R.minusDays(27))); // M
    f.user("e", u -> u.licence(EXCHANGE, R.minusDays(60)).deletedDate(R.plusDays(3)));   // M
    f.user("f", u -> u.licence(EXCHANGE, R.minusDays(60)).createdDate(R.plusDays(1)));
    f.user("g", u -> u.licence(ONE_DRIVE, R.minusDays(60)));         // not a prerequisite
    f.event(0, TEAMS, TEAM_CHAT_MESSAGE).platform(Platform.WINDOWS).add();
    f.event(0, EXCHANGE, EMAIL_READ).platform(Platform.WEB).add();

    ScenarioResult line = f.score().scenario(Scenario.MOBILITY);

    assertThat(line.numerator()).isEqualTo(1);
    assertThat(line.denominator()).isEqualTo(3);
  }

  @Test
  void dataProtection_activePeopleWithMfa() {
    ScoreFixture f = new ScoreFixture();
    int a = f.user("a", u -> u.mfaRegistered(true));   // N
    int b = f.member("b");                             // M
    f.user("c", u -> u.mfaRegistered(true));           // not active
    int dd = f.member("d");                            // EmailReceived makes nobody active
    int g = f.guest("g");                              // guests are left out
    f.event(a, SKYPE_FOR_BUSINESS, PEER_TO_PEER_SESSION).add();
    f.event(b, YAMMER, Activity.MESSAGE_READ).daysBefore(27).add();
    f.event(dd, EXCHANGE, EMAIL_RECEIVED).add();
    f.event(g, TEAMS, TEAM_CHAT_MESSAGE).add();

    ScenarioResult line = f.score().scenario(Scenario.DATA_PROTECTION);

    assertThat(line.numerator()).isEqualTo(1);
    assertThat(line.denominator()).isEqualTo(2);
    assertThat(line.points()).isEqualTo(d("50.0"));
  }

  @Test
  void points_roundHalfUpToOneDecimal() {
    ScoreFixture f = new ScoreFixture();
    for (int i = 0; i < 16; i++) {
      boolean mfa = i == 0;
      int u = f.user("p" + (char) ('a' + i), b -> b.mfaRegistered(mfa));
      f.event(u, EXCHANGE, EMAIL_READ).add();
    }

    UsageScore score = f.score();

    // 100 × 1 ÷ 16 = 6.25, half-up 6.3 (half-even would give 6.2)
    assertThat(score.scenario(Scenario.DATA_PROTECTION).points()).isEqualTo(d("6.3"));
    // a tenth of 15 targets, rounded up, is 2: 100 × 3 ÷ 16 = 18.75 → 18.8; gain 18.8 − 6.3
    Recommendation r = score.recommendation(Scenario.DATA_PROTECTION).orElseThrow();
    assertThat(r.targets()).hasSize(15);
    assertThat(r.expectedGain()).isEqualTo(d("12.5"));
    assertThat(r.targets().get(0).userPrincipalName()).isEqualTo("pb@contoso.com");
  }

  @Test
  void maturity_readFromRoundedPoints_19point95IsRepeatable() {
    ScoreFixture f = new ScoreFixture();
    for (int i = 0; i < 2000; i++) {
      boolean mfa = i < 399;
      int u = f.user("u" + i, b -> b.mfaRegistered(mfa));
      f.event(u, EXCHANGE, EMAIL_READ).add();
    }

    ScenarioResult line = f.score().scenario(Scenario.DATA_PROTECTION);

    assertThat(line.points()).isEqualTo(d("20.0"));  // 19.95
    assertThat(line.maturity()).isEqualTo(MaturityLevel.REPEATABLE);
  }

  @Test
  void total_sumsApplicableScenariosAndRoundsThePercentHalfUp() {
    ScoreFixture f = new ScoreFixture();
    int a = f.user("a", u -> u.mfaRegistered(true).licence(ONE_DRIVE, R.minusDays(5)));
    int b = f.member("b");
    int c = f.member("c");
    for (int u : List.of(a, b, c)) {
      f.event(u, EXCHANGE, EMAIL_READ).add();
    }

    UsageScore score = f.score();

    // Content collaboration 0 / 1 = 0.0; Data protection 1 / 3 = 33.3; the rest have no M
    assertThat(score.scenario(Scenario.CONTENT_COLLABORATION).points()).isEqualTo(d("0.0"));
    assertThat(score.scenario(Scenario.COMMUNICATION).points()).isNull();
    assertThat(score.scenario(Scenario.COMMUNICATION).maturity()).isNull();
    assertThat(score.scenario(Scenario.COMMUNICATION).denominator()).isZero();
    assertThat(score.total().points()).isEqualTo(d("33.3"));
    assertThat(score.total().max()).isEqualTo(200);
    assertThat(score.total().percent()).isEqualTo(d("16.7"));   // 16.65
    assertThat(score.recommendation(Scenario.COMMUNICATION)).isEmpty();
  }

  @Test
  void total_withoutApplicableScenario_isZeroWithNullPercent() {
    ScoreFixture f = new ScoreFixture();
    f.member("a");

    UsageScore score = f.score();

    assertThat(score.total().points()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(score.total().max()).isZero();
    assertThat(score.total().percent()).isNull();
    assertThat(score.recommendations()).isEmpty();
    assertThat(score.scenarios()).extracting(ScenarioResult::scenario)
        .containsExactlyElementsOf(Scenario.inOrder());
  }

  @Test
  void history_eachDayUsesItsOwnWindowAndExistence() {
    ScoreFixture f = new ScoreFixture();
    int a = f.user("a", u -> u.mfaRegistered(true));
    int b = f.member("b");
    int c = f.user("c", u -> u.mfaRegistered(true).createdDate(R.minusDays(1)));
    int dd = f.user("d", u -> u.licence(EXCHANGE, R));
    f.event(a, EXCHANGE, EMAIL_READ).daysBefore(28).add();   // in the windows of
    f.event(b, EXCHANGE, EMAIL_READ).add();                   // only in R's window
    f.event(c, EXCHANGE, EMAIL_READ).daysBefore(5).add();     // counts from R-1, c's creation
    f.event(dd, EXCHANGE, EMAIL_RECEIVED).add();

    UsageScore score = f.score(3);

    assertThat(score.history()).extracting(HistoryEntry::date)
        .containsExactly(R.minusDays(2), R.minusDays(1), R);
    // a → 1/1; R-1: a, c → 2/2; R: b, c → 1/2
    assertThat(score.history()).extracting(h -> h.points().get(Scenario.DATA_PROTECTION))
        .containsExactly(d("100.0"), d("100.0"), d("50.0"));
    // d's Exchange licence starts on R, so Mobility applies on R only
    assertThat(score.history()).extracting(h -> h.points().get(Scenario.MOBILITY))
        .containsExactly(null, null, d("0.0"));
    assertThat(score.history().get(2).percent()).isEqualTo(score.total().percent());
    assertThat(score.history().get(0).percent()).isEqualTo(d("100.0"));
  }

  @Test
  void groups_valuesHeldByFewerThanTenPeopleAreNotShown() {
    ScoreFixture f = new ScoreFixture();
    for (int i = 0; i < 10; i++) {
      boolean mfa = i < 5;
      int u = f.user("s" + i, b -> b.attribute("Department", "Sales").mfaRegistered(mfa)
          .attribute("City", "Paris"));
      f.event(u, EXCHANGE, EMAIL_READ).add();
    }
    for (int i = 0; i < 9; i++) {
      int u = f.user("o" + i, b -> b.attribute("Department", "Ops").attribute("City", "Paris"));
      f.event(u, EXCHANGE, EMAIL_READ).add();
    }
    f.user("og", b -> b.attribute("Department", "Ops").userType(
        io.tenantry.reports.input.UserType.GUEST));

    UsageScore score = f.score();

    assertThat(score.groups().get(GroupDimension.DEPARTMENT))
        .containsExactly(new GroupView("Sales", 10, d("50.0")));
    // 19 in Paris, 5 with MFA: 26.3
    assertThat(score.groups().get(GroupDimension.CITY))
        .containsExactly(new GroupView("Paris", 19, d("26.3")));
    assertThat(score.groups().get(GroupDimension.COMPANY)).isEmpty();
    assertThat(score.groups().keySet()).containsExactly(GroupDimension.values());
  }

  @Test
  void peers_showValueAndRoundedDifference() {
    ScoreFixture f = new ScoreFixture();
    int a = f.user("a", u -> u.mfaRegistered(true));
    f.member("b");
    f.event(a, EXCHANGE, EMAIL_READ).add();
    Peers peers = new Peers(Map.of(Scenario.DATA_PROTECTION, d("55.55"),
        Scenario.COMMUNICATION, d("40")));

    UsageScore score = UsageScoreEngine.withHistoryDays(1)
        .compute(ScoreFixture.TENANT, f.directory(), f.events, R, peers);

    ScenarioResult dp = score.scenario(Scenario.DATA_PROTECTION);
    assertThat(dp.peer()).isEqualTo(d("55.55"));
    assertThat(dp.peerDelta()).isEqualTo(d("44.5"));   // 100.0 − 55.55 = 44.45
    ScenarioResult com = score.scenario(Scenario.COMMUNICATION);
    assertThat(com.peer()).isEqualTo(d("40"));
    assertThat(com.peerDelta()).isNull();
    assertThat(score.scenario(Scenario.MOBILITY).peer()).isNull();
  }

  @Test
  void recommendations_onlyBelowManaged_withRenderedCampaign() {
    ScoreFixture f = new ScoreFixture();
    int a = f.member("anna", EXCHANGE, TEAMS);
    int b = f.user("bob", u -> u.licence(EXCHANGE, R).licence(TEAMS, R).displayName(""));
    f.event(a, EXCHANGE, EMAIL_SENT).add().event(a, TEAMS, PRIVATE_CHAT_MESSAGE).add();
    f.event(b, EXCHANGE, EMAIL_SENT).add();

    UsageScore score = f.score();

    // Communication 1/2 = 50.0 (Defined): recommended; Teamwork 0/2: recommended
    assertThat(score.recommendations()).extracting(Recommendation::scenario)
        .containsExactly(Scenario.COMMUNICATION, Scenario.TEAMWORK, Scenario.MOBILITY,
            Scenario.DATA_PROTECTION);
    Recommendation r = score.recommendation(Scenario.COMMUNICATION).orElseThrow();
    assertThat(r.targets()).extracting(TargetPerson::userId).containsExactly("id-bob");
    assertThat(r.expectedGain()).isEqualTo(d("50.0"));
    CampaignMessage m = r.renderCampaign().get(0);
    assertThat(m.subject()).isEqualTo("Communication: reach your colleagues your way");
    assertThat(m.body()).startsWith("Hello bob@contoso.com,");
    assertThat(r.campaign().template()).contains("{{displayName}}");
  }

  @Test
  void start_directoryOfAnotherTenant_isDenied() {
    ScoreFixture f = new ScoreFixture();
    f.member("a");
    UserDirectory other = UserDirectory.of(TenantId.of("fabrikam"), f.users);

    assertThatThrownBy(() -> UsageScoreEngine.create().start(ScoreFixture.TENANT, other, R))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("fabrikam");
  }
}
