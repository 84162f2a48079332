package io.tenantry.notices.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.notices.Message;
import io.tenantry.notices.MessageCategory;
import io.tenantry.notices.MessageCenter;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesFileTest {
  private static final Path EXAMPLE = Path.of("src/test/resources/examples/messages.yaml");

  private static List<String> problems(String yaml) {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> MessagesFile.read("m.yaml", yaml));
    assertThat(e).as("the file is refused").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void example_isReadWithEveryField() throws Exception {
    MessagesFile file = MessagesFile.read(EXAMPLE);
    assertThat(file.tenants()).containsExactly(TenantId.of("contoso"), TenantId.of("fabrikam"));
    assertThat(file.minimumFirstReleaseDays()).isEqualTo(30);
    Message mc = file.messages().get(0);
    assertThat(mc.id()).isEqualTo("MC700101");
    assertThat(mc.category()).isEqualTo(MessageCategory.PLAN_FOR_CHANGE);
    assertThat(mc.majorUpdate()).isTrue();
    assertThat(mc.rollout().firstReleaseStart()).isEqualTo(LocalDate.of(2026, 7, 15));
    assertThat(mc.body()).contains("\n\nReview your meeting policies");
    assertThat(file.admins().get(0).read()).containsExactly("MC700101");
  }

  @Test
  void example_newMessageCenter_appliesStateAndPreferences() throws Exception {
    MessagesFile file = MessagesFile.read(EXAMPLE);
    MessageCenter center = file.newMessageCenter(new InMemoryNotificationRecorder());
    TenantAdmin megan = file.admins().get(0);
    assertThat(center.state(megan.tenant(), megan.admin(), "MC700101").orElseThrow().read())
        .isTrue();
    assertThat(center.preferences(megan.tenant(), megan.admin().upn()).email()).isTrue();
  }

  @Test
  void malformedFile_isRefused_listingEveryProblemWithItsLine() {
    String yaml = """
        tenants:
          - id: contoso
            admins:
              - upn: not-a-upn
                roles: [Global Reader]
                colour: blue
              - upn: gina@contoso.com
                email: yes
                read: [MC9]
          - id: contoso
        messages:
          - id: MC1
            title: Short first release
            body: b
            category: planForChange
            services: [Teams]
            majorUpdate: true
            published: 2026-06-01
            rollout: {announced: 2026-06-01, firstRelease: 2026-06-10, generalAvailability: 2026-07-01}
          - id: MC2
            title: Bad
            body: b
            category: someday
            services: [Teams]
            published: 2026-13-01
            tenants: [tailspin]
          - id: MC1
            title: Duplicate
            body: b
            category: stayInformed
            services: [Teams]
            published: 2026-06-01
        """;
    assertThat(problems(yaml)).containsExactlyInAnyOrder(
        "tenants[1].id: defines tenant contoso twice (value 'contoso') (m.yaml:10)",
        "messages[0].rollout.generalAvailability: the first-release stage of major update MC1"
            + " lasts 21 days; at least 30 are required so admins can plan (value '2026-07-01')"
            + " (m.yaml:19)",
        "messages[1].category: must be planForChange, preventOrFixIssues or stayInformed"
            + " (value 'someday') (m.yaml:23)",
        "messages[1].published: is not a valid calendar date (value '2026-13-01') (m.yaml:25)",
        "messages[1].tenants[0]: names a tenant this file does not define (value 'tailspin')"
            + " (m.yaml:26)",
        "messages[2].id: uses message id MC1 again (first on line 12) (value 'MC1') (m.yaml:27)",
        "tenants[0].admins[0].colour: unknown key 'colour'; expected one of archived, email,"
            + " follows, read, roles, upn (value 'colour') (m.yaml:6)",
        "tenants[0].admins[0].upn: must be a user principal name like admin@contoso.com"
            + " (value 'not-a-upn') (m.yaml:4)",
        "tenants[0].admins[1].email: must be true or false (value 'yes') (m.yaml:8)",
        "tenants[0].admins[1].read[0]: names a message this file does not define (value 'MC9')"
            + " (m.yaml:9)");
  }

  @Test
  void duplicateId_ofAMessageWithOtherProblems_isReportedToo() {
    String yaml = """
        tenants: [{id: contoso}]
        messages:
          - {id: A, title: t, body: b, category: bogus, services: [Teams], published: 2026-06-24, colour: red}
          - {id: A, title: t, body: b, category: stayInformed, services: [Teams], published: 2026-06-24}
        """;
    assertThat(problems(yaml)).containsExactly(
        "messages[0].colour: unknown key 'colour'; expected one of actionRequiredBy, body,"
            + " category, id, majorUpdate, published, rollout, security, services, tags, tenants,"
            + " title (value 'colour') (m.yaml:3)",
        "messages[0].category: must be planForChange, preventOrFixIssues or stayInformed"
            + " (value 'bogus') (m.yaml:3)",
        "messages[1].id: uses message id A again (first on line 3) (value 'A') (m.yaml:4)");
  }

  @Test
  void majorUpdateWithoutRollout_andBackwardsRollout_areRefused() {
    String yaml = """
        tenants: [{id: contoso}]
        messages:
          - {id: MC1, title: t, body: b, category: stayInformed, services: [Teams],
             majorUpdate: true, published: 2026-06-01}
          - {id: MC2, title: t, body: b, category: stayInformed, services: [Teams],
             published: 2026-06-01,
             rollout: {announced: 2026-06-01, firstRelease: 2026-05-01, generalAvailability: 2026-07-01}}
        """;
    assertThat(problems(yaml)).containsExactly(
        "messages[0].rollout: a major update needs its rollout stages (value 'MC1') (m.yaml:3)",
        "messages[1].rollout.firstRelease: must not be before the announcement (2026-06-01)"
            + " (value '2026-05-01') (m.yaml:7)");
  }

  @Test
  void minimumFirstReleaseDays_fromTheFile_isApplied() {
    String yaml = """
        minimumFirstReleaseDays: 10
        tenants: [{id: contoso}]
        messages:
          - {id: MC1, title: t, body: b, category: planForChange, services: [Teams],
             majorUpdate: true, published: 2026-06-01,
             rollout: {announced: 2026-06-01, firstRelease: 2026-06-01, generalAvailability: 2026-06-11}}
        """;
    assertThat(MessagesFile.read("m.yaml", yaml).messages()).hasSize(1);
  }

  @Test
  void emptyTenantList_isRefused_notReadAsNoTenant() {
    String yaml = """
        tenants: [{id: contoso}]
        messages:
          - {id: MC1, title: t, body: b, category: stayInformed, services: [Teams],
             published: 2026-06-01, tenants: []}
        """;
    assertThat(problems(yaml)).containsExactly("messages[0].tenants: must list at least one tenant"
        + " (omit the key for all tenants) (m.yaml:4)");
  }

  @Test
  void invalidYaml_isRefusedWithItsLine() {
    assertThat(problems("tenants:\n  - id: [unclosed\n")).singleElement().asString()
        .contains("is not valid YAML").contains("(m.yaml:");
  }

  @Test
  void emptyServiceList_isListedBesideTheMessagesOtherProblems() {
    String yaml = """
        tenants: [{id: contoso}]
        messages:
          - {id: MC1, title: t, body: b, category: bogus, services: [], published: 2026-06-01}
          - {id: MC2, title: t, body: b, category: stayInformed, services: [], published: 2026-06-01}
        """;
    assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("category").contains("(m.yaml:3)"))
        .contains("messages[0].services: must list at least one service (m.yaml:3)",
            "messages[1].services: must list at least one service (m.yaml:4)");
  }
}
