package io.tenantry.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantry.cli.demo.Dashboard.Kpi;
import io.tenantry.cli.demo.Dashboard.LifecycleRow;
import io.tenantry.cli.demo.Dashboard.Line;
import io.tenantry.cli.demo.Dashboard.Recommendation;
import io.tenantry.cli.demo.Dashboard.ReplicaRow;
import io.tenantry.cli.demo.Dashboard.ScenarioBar;
import io.tenantry.cli.demo.Dashboard.Series;
import io.tenantry.cli.demo.Dashboard.Spike;
import io.tenantry.cli.demo.Dashboard.TenantPanel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {

  static Dashboard.Model sample() {
    LocalDate asOf = LocalDate.of(2026, 6, 30);
    List<LocalDate> days = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      days.add(asOf.minusDays(i));
    }
    double[] teams = new double[30];
    double[] mail = new double[30];
    for (int i = 0; i < 30; i++) {
      teams[i] = 100 + i * 3;
      mail[i] = 140 - i;
    }
    List<LocalDate> weeks = List.of(asOf.minusDays(21), asOf.minusDays(14), asOf.minusDays(7), asOf);
    TenantPanel contoso = new TenantPanel("contoso", "Contoso <Ltd>",
        List.of(new Kpi("Users", "1400"), new Kpi("Usage Score", "52.1 %")),
        new Series(days, List.of(new Line("Teams", teams), new Line("Exchange", mail)), "users"),
        List.of(new ScenarioBar("Communication", 61.3, 400, "Managed", 55.0, 6.3),
            new ScenarioBar("Meetings", null, null, null, null, null)),
        new Series(days, List.of(new Line("Total", mail)), "percent"),
        List.of(new Recommendation("Mobility", "Encourage mobile apps", 1204, 4.2)),
        List.of(new LifecycleRow(asOf.plusDays(3), "Sales Team", "ExpiryNotificationSent",
            "30 days before expiry")),
        new Series(weeks, List.of(new Line("Teams", new double[] {1, 2, 9, 2})), "tickets"),
        List.of(new Spike(asOf.minusDays(7), "Teams", "z = 4.1")),
        List.of(new ReplicaRow("NAM", "replica-1", 10, 10, 0, 1),
            new ReplicaRow("NAM", "replica-2", 10, 9, 1, 0)));
    TenantPanel fabrikam = new TenantPanel("fabrikam", "Fabrikam", List.of(), 
        new Series(days, List.of(), "users"), List.of(), new Series(days, List.of(), ""), List.of(),
        List.of(), new Series(weeks, List.of(), ""), List.of(), List.of());
    return new Dashboard.Model("Tenantry demo", asOf, List.of(contoso, fabrikam));
  }

  @Test
  void render_isSelfContained_noNetworkReference() {
    String html = Dashboard.render(sample());
    Matcher m = Pattern.compile("(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertThat(m.group(2)).doesNotStartWith("http:").doesNotStartWith("https:").doesNotStartWith("//");
    }
    assertThat(html).doesNotContain("<script").doesNotContain("@import").doesNotContain("url(");
  }

  @Test
  void render_hasEveryPanelPerTenant_andEscapesText() {
    String html = Dashboard.render(sample());
    for (String panel : List.of("active-users", "score", "score-history", "recommendations",
        "lifecycle", "service-desk", "replicas")) {
      assertThat(html).contains("data-panel=\"" + panel + "\"");
    }
    assertThat(html).contains("Contoso &lt;Ltd&gt;").doesNotContain("Contoso <Ltd>");
    assertThat(html).contains("data-tenant=\"contoso\"").contains("data-tenant=\"fabrikam\"");
    assertThat(html).contains("61.3 pts · level 400 Managed · vs peers +6.3");
    assertThat(html).contains("not applicable");
    assertThat(html).contains("Teams (187)").contains("DAMAGED");
  }

  @Test
  void render_sameModel_sameBytes() {
    assertThat(Dashboard.render(sample())).isEqualTo(Dashboard.render(sample()));
  }

  @Test
  void render_inHeadlessChromium_chartsPresent_noConsoleErrors(@TempDir Path dir) throws Exception {
    assumeTrue(HeadlessChromium.executable() != null,
        "Chromium is not installed, so the browser test did not run (.ci/run installs it)");
    Path page = dir.resolve("dashboard.html");
    Files.writeString(page, Dashboard.render(sample()), StandardCharsets.UTF_8);
    HeadlessChromium.Run run = HeadlessChromium.run(page, dir, "--dump-dom");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("data-chart=\"active-users\"").contains("data-chart=\"score\"")
        .contains("data-chart=\"service-desk\"").contains("<polyline");
    assertThat(run.consoleErrors()).isEmpty();
    Path shot = dir.resolve("shot.png");
    HeadlessChromium.Run s = HeadlessChromium.run(page, dir, "--screenshot=" + shot,
        "--window-size=1280,1600", "--hide-scrollbars");
    assertThat(s.exitCode()).as(s.stderr()).isZero();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }
}
