package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CampaignTest {

  @Test
  void render_replacesBothPlaceholdersInSubjectAndBody() {
    Campaign c = new Campaign("{{scenario}} for {{displayName}}",
        "Hi {{displayName}}, try {{scenario}}. {{displayName}}!");

    CampaignMessage m = c.render(Scenario.MOBILITY,
        new TargetPerson("id-1", "ann@contoso.com", "Ann Lee"));

    assertThat(m.subject()).isEqualTo("Mobility for Ann Lee");
    assertThat(m.body()).isEqualTo("Hi Ann Lee, try Mobility. Ann Lee!");
    assertThat(m.recipient().userId()).isEqualTo("id-1");
  }

  @Test
  void render_blankDisplayName_greetsByPrincipalName() {
    CampaignMessage m = new Campaign("s", "Hello {{displayName}}")
        .render(Scenario.TEAMWORK, new TargetPerson("id-2", "bob@contoso.com", ""));

    assertThat(m.body()).isEqualTo("Hello bob@contoso.com");
  }

  @Test
  void render_nameHoldingAPlaceholder_isNotExpandedAgain() {
    CampaignMessage m = new Campaign("s", "Hello {{displayName}}")
        .render(Scenario.TEAMWORK, new TargetPerson("id-3", "x@contoso.com", "{{scenario}}"));

    assertThat(m.body()).isEqualTo("Hello {{scenario}}");
  }

  @Test
  void constructor_blankTemplate_isRejected() {
    assertThatThrownBy(() -> new Campaign("subject", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
