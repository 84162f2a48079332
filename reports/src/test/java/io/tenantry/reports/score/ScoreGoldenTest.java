package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The fixture under {@code score/small}: 12 members and a guest, activity in March and June. Every
 * figure of its {@code score.json} was computed by hand from {@code usage-score.md}:
 *
 * <pre>
 * R = 2026-06-30, window 06-03..06-30. Max (deleted 05-01) is not enabled; Lee is inactive.
 * Communication   N 1 (Alice: mail + channel)          M 11  →  9.1  Initial
 * Content collab. N 3 (Alice+Bob on f1, Erin+guest f2) M 11  → 27.3  Repeatable
 * Teamwork        N 2 (Alice channel, Bob group mail)  M 4 (Alice, Bob, Carol, Erin) → 50.0
 * Meetings        N 1800 (Carol, video)                M 1800 + 3600 (Dan) → 33.3
 * Mobility        N 1 (Alice: Windows + iOS)           M 11  →  9.1
 * Data protection N 3 (Alice, Bob, Erin)               M 5   → 60.0  Managed (no recommendation)
 * Total 188.8 / 600 → 31.5
 * History: 0.0 with no activity; 20.0 while Lee's March mail is in the window (03-15..04-11,
 * five scenarios apply, Data protection 100.0) and from 06-05 (Erin); 8.3 from 06-10; 11.1 from
 * 06-15; 19.4 from 06-20; 31.5 from 06-29.
 * Groups: Sales (10) 193.3 / 600 → 32.2; Legal (2) hidden; Company Contoso (12) 31.5;
 * Country FR (10) 32.2, US (2) hidden; no State or City values.
 * Recommendations: Communication +9.1 (10 targets, 1 adopter → 2/11 = 18.2), Content +9.1
 * (8 targets → 4/11 = 36.4), Teamwork +25.0 (Carol, Erin → 3/4 = 75.0), Meetings +66.7 (Dan brings
 * 3600 → 100.0), Mobility +9.1. Peers: Communication 55.0 → −45.9, Meetings 40 → −6.7,
 * Data protection 59.95 → +0.05 → 0.1 (half-up).
 * </pre>
 */
class ScoreGoldenTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");

  static Path resource(String name) {
    try {
      return Path.of(ScoreGoldenTest.class.getResource("/score/small/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static UsageScore scoreOfSmallFixture(Peers peers) throws IOException {
    UserDirectory dir = UsersCsvReader.read(CONTOSO, resource("users.csv"));
    UsageScoreEngine.Computation c =
        UsageScoreEngine.create().start(CONTOSO, dir, LocalDate.parse("2026-06-30"));
    ActivityEventReader.of(dir).read(resource("events.jsonl"), c, ActivityEventReader.failFast());
    return c.finish(peers);
  }

  @Test
  void smallFixture_scoreJsonEqualsTheHandCheckedGolden() throws IOException {
    UsageScore score = scoreOfSmallFixture(Peers.read(resource("peers.json")));

    String actual = new String(ScoreJson.toBytes(score), StandardCharsets.UTF_8);

    assertThat(actual).isEqualTo(Files.readString(resource("score.json")));
  }

  @Test
  void smallFixture_figuresMatchTheHandComputation() throws IOException {
    UsageScore s = scoreOfSmallFixture(Peers.none());

    assertThat(s.scenarios()).extracting(l -> l.numerator() + "/" + l.denominator() + "="
        + l.points()).containsExactly("1/11=9.1", "3/11=27.3", "2/4=50.0", "1800/5400=33.3",
            "1/11=9.1", "3/5=60.0");
    assertThat(s.total()).isEqualTo(new TotalScore(new BigDecimal("188.8"), 600,
        new BigDecimal("31.5")));
    assertThat(s.history()).hasSize(180);
    assertThat(s.history().get(0).date()).isEqualTo(LocalDate.parse("2026-01-02"));
    assertThat(s.history()).filteredOn(h -> h.date().equals(LocalDate.parse("2026-03-15")))
        .extracting(HistoryEntry::percent).containsExactly(new BigDecimal("20.0"));
    assertThat(s.history()).filteredOn(h -> h.date().equals(LocalDate.parse("2026-04-12")))
        .extracting(HistoryEntry::percent).containsExactly(new BigDecimal("0.0"));
    assertThat(s.history()).filteredOn(h -> h.date().equals(LocalDate.parse("2026-06-20")))
        .extracting(HistoryEntry::percent).containsExactly(new BigDecimal("19.4"));
    assertThat(s.recommendations()).extracting(r -> r.scenario().displayName() + " +"
        + r.expectedGain() + " " + r.targets().size()).containsExactly(
            "Communication +9.1 10", "Content collaboration +9.1 8", "Teamwork +25.0 2",
            "Meetings +66.7 1", "Mobility +9.1 10");
    assertThat(s.groups().get(GroupDimension.DEPARTMENT))
        .containsExactly(new GroupView("Sales", 10, new BigDecimal("32.2")));
    assertThat(s.groups().get(GroupDimension.COMPANY))
        .containsExactly(new GroupView("Contoso", 12, new BigDecimal("31.5")));
  }
}
