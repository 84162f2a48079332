package io.tenantry.reports.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.reports.recommendations.TenantFacts.ActiveUserFact;
import io.tenantry.reports.recommendations.TenantFacts.GroupFact;
import io.tenantry.reports.recommendations.TenantFacts.GuestFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantAdvisorTest {
  static final TenantId T = TenantId.of("contoso");
  static final LocalDate R = LocalDate.parse("2026-06-30");

  static List<GroupFact> groups(int total, int inactive) {
    List<GroupFact> g = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      g.add(new GroupFact("g" + i, "Group " + i,
          i < inactive ? R.minusDays(91) : R.minusDays(90), R.minusYears(1)));
    }
    return g;
  }

  static TenantFacts healthy() {
    return new TenantFacts(T, R, List.of("a@contoso.com", "b@contoso.com"), true, false,
        groups(10, 1), List.of(new GuestFact("p_x.com#EXT#@contoso.com", R.minusDays(10), null)),
        List.of(new ActiveUserFact("a@contoso.com", true)), null);
  }

  @Test
  void evaluate_compliantTenant_findsNothing() {
    // one inactive group of ten is exactly a tenth: not more than a tenth
    assertThat(TenantAdvisor.builtIn(RuleSettings.defaults()).evaluate(T, healthy())).isEmpty();
  }

  @Test
  void evaluate_everyBuiltInRuleFires_withAffectedObjectsAndAction() {
    List<ActiveUserFact> active = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      active.add(new ActiveUserFact("u" + i + "@contoso.com", i < 8));
    }
    TenantFacts f = new TenantFacts(T, R, List.of("e@c.com", "a@c.com", "d@c.com", "c@c.com",
        "b@c.com"), false, false, groups(10, 2), List.of(
            new GuestFact("old_x.com#EXT#@contoso.com", R.minusDays(91), null),
            new GuestFact("never_x.com#EXT#@contoso.com", null, R.minusDays(200)),
            new GuestFact("new_x.com#EXT#@contoso.com", null, R.minusDays(5))),
        active, null);

    List<Finding> findings = TenantAdvisor.builtIn(RuleSettings.defaults()).evaluate(T, f);

    assertThat(findings).extracting(Finding::ruleId).containsExactly(
        BuiltInRules.TOO_MANY_GLOBAL_ADMINS, BuiltInRules.NO_PASSWORD_EXPIRATION_POLICY,
        BuiltInRules.GROUP_EXPIRATION_OFF, BuiltInRules.INACTIVE_GUESTS,
        BuiltInRules.LOW_MFA_REGISTRATION);
    assertThat(findings.get(0).affected())
        .containsExactly("a@c.com", "b@c.com", "c@c.com", "d@c.com", "e@c.com");
    assertThat(findings.get(2).affected()).containsExactly("Group 0", "Group 1");
    assertThat(findings.get(3).affected())
        .containsExactly("never_x.com#EXT#@contoso.com", "old_x.com#EXT#@contoso.com");
    // 8 of 10 registered: below 90 %
    assertThat(findings.get(4).affected()).containsExactly("u8@contoso.com", "u9@contoso.com");
    assertThat(findings).allSatisfy(x -> assertThat(x.action()).isNotBlank());
  }

  @Test
  void hostRules_areAddedAndBuiltInsRemoved() {
    TenantRule custom = new TenantRule() {
      @Override
      public String id() {
        return "no-guests-allowed";
      }

      @Override
      public Optional<Finding> evaluate(TenantFacts facts) {
        return facts.guests().isEmpty() ? Optional.empty() : Optional.of(new Finding(id(),
            Finding.Severity.LOW, "Guests present", "Remove them.",
            facts.guests().stream().map(GuestFact::userPrincipalName).toList()));
      }
    };
    TenantAdvisor advisor = TenantAdvisor.builtIn(RuleSettings.defaults())
        .without(BuiltInRules.NO_PASSWORD_EXPIRATION_POLICY).with(custom);
    TenantFacts noPolicy = new TenantFacts(T, R, List.of(), false, true, List.of(),
        healthy().guests(), List.of(), null);

    assertThat(advisor.evaluate(T, noPolicy)).extracting(Finding::ruleId)
        .containsExactly("no-guests-allowed");
    assertThat(advisor.ruleIds()).doesNotContain(BuiltInRules.NO_PASSWORD_EXPIRATION_POLICY)
        .endsWith("no-guests-allowed");
    assertThatThrownBy(() -> advisor.with(custom)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settings_stricterThresholds_fireMoreRules() {
    RuleSettings strict = new RuleSettings(1, 90, new java.math.BigDecimal("0.05"),
        java.math.BigDecimal.ONE, 300);

    assertThat(TenantAdvisor.builtIn(strict).evaluate(T, healthy())).extracting(Finding::ruleId)
        .containsExactly(BuiltInRules.TOO_MANY_GLOBAL_ADMINS, BuiltInRules.GROUP_EXPIRATION_OFF);
  }

  @Test
  void lowUsageScore_scenariosBelowLevel300_areNamedWithTheirActions() {
    io.tenantry.reports.input.UserDirectory dir = io.tenantry.reports.input.UserDirectory.of(T,
        List.of(io.tenantry.reports.input.DirectoryUser.builder("u1", "u1@contoso.com").build()));
    io.tenantry.reports.score.UsageScore score = io.tenantry.reports.score.UsageScoreEngine
        .withHistoryDays(1).compute(T, dir, List.of(io.tenantry.reports.input.ActivityEvent.of(0,
            R, io.tenantry.reports.input.Workload.EXCHANGE,
            io.tenantry.reports.input.Activity.EMAIL_READ, 1)), R,
            io.tenantry.reports.score.Peers.none());
    TenantFacts f = new TenantFacts(T, R, List.of(), true, true, List.of(), List.of(), List.of(),
        score);

    // Data protection 0 / 1 = 0.0, level 100; nothing else applies
    assertThat(TenantAdvisor.builtIn(RuleSettings.defaults()).evaluate(T, f)).singleElement()
        .satisfies(x -> {
          assertThat(x.ruleId()).isEqualTo(BuiltInRules.LOW_USAGE_SCORE);
          assertThat(x.affected()).containsExactly("Data protection");
          assertThat(x.action()).startsWith("Data protection: ");
        });
  }

  @Test
  void evaluate_factsOfAnotherTenant_isDenied() {
    assertThatThrownBy(() -> TenantAdvisor.builtIn(RuleSettings.defaults())
        .evaluate(TenantId.of("fabrikam"), healthy()))
        .isInstanceOf(AccessDeniedException.class);
  }
}
