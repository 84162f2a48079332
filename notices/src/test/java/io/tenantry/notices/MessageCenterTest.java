package io.tenantry.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageCenterTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final TenantId FABRIKAM = TenantId.of("fabrikam");
  private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

  private final InMemoryNotificationRecorder sent = new InMemoryNotificationRecorder();
  private final MessageCenter center = MessageCenter.builder().notifications(sent).build();

  private static final Admin MEGAN = Admin.of("megan@contoso.com", "Message Center Reader");
  private static final Admin GINA = Admin.of("gina@contoso.com", "Global Reader");
  private static final Admin SAM = Admin.of("sam@contoso.com", "Service Support Administrator");

  private static Rollout rollout(LocalDate announced, int toFirst, int firstReleaseDays) {
    LocalDate first = announced.plusDays(toFirst);
    return new Rollout(announced, first, first.plusDays(firstReleaseDays));
  }

  private static Message major(String id, Rollout r, String... services) {
    return Message.builder(id).services(services).published(r.announced()).majorUpdate(r)
        .category(MessageCategory.PLAN_FOR_CHANGE).build();
  }

  private static Message plain(String id, LocalDate published, String... services) {
    return Message.builder(id).services(services).published(published).build();
  }

  private static RolloutStage stageOf(Notification n) {
    for (RolloutStage s : RolloutStage.values()) {
      if (n.subject().contains(" - " + s.label() + " (")) {
        return s;
      }
    }
    throw new AssertionError("no stage in " + n.subject());
  }

  @Test
  void publish_majorUpdateWithFirstReleaseShorterThan30Days_isRefused() {
    Message m = major("MC1", rollout(JUNE_1, 10, 29), "Microsoft Teams");
    assertThatThrownBy(() -> center.publish(m)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("rollout.generalAvailability")
        .hasMessageContaining("lasts 29 days; at least 30");
    assertThat(center.messagesFor(CONTOSO, GINA)).isEmpty();
  }

  @Test
  void publish_majorUpdateWithExactly30Days_isAccepted() {
    center.publish(major("MC1", rollout(JUNE_1, 10, 30), "Microsoft Teams"));
    assertThat(center.messagesFor(CONTOSO, GINA)).extracting(Message::id).containsExactly("MC1");
  }

  @Test
  void publish_configuredMinimum_isUsed_andNonMajorMessagesAreNotChecked() {
    MessageCenter strict = MessageCenter.builder().notifications(sent)
        .minimumFirstReleaseDays(45).build();
    assertThatThrownBy(() -> strict.publish(major("MC1", rollout(JUNE_1, 0, 44), "Teams")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least 45");
    strict.publish(Message.builder("MC2").services("Teams").published(JUNE_1)
        .rollout(rollout(JUNE_1, 0, 1)).build());
    assertThat(strict.messagesFor(CONTOSO, GINA)).hasSize(1);
  }

  @Test
  void fireStageNotifications_eachStageOnce_inOrder_acrossDays() {
    Rollout r = rollout(JUNE_1, 14, 30);
    center.publish(major("MC1", r, "Microsoft Teams"));
    List<Admin> admins = List.of(GINA);
    for (LocalDate day = JUNE_1.minusDays(3); !day.isAfter(r.generalAvailabilityStart().plusDays(5));
        day = day.plusDays(1)) {
      center.fireStageNotifications(CONTOSO, admins, day);
      center.fireStageNotifications(CONTOSO, admins, day); // a second call the same day adds nothing
    }
    assertThat(sent.all()).extracting(n -> n.subject().split(" - ")[1])
        .containsExactly("Announced (2026-06-01)",
            "First release (targeted release) starts (2026-06-15)",
            "General availability starts (2026-07-15)");
    assertThat(sent.all()).allSatisfy(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.STAGE_REACHED);
      assertThat(n.channel()).isEqualTo(Channel.MESSAGE_CENTER);
      assertThat(n.tenant()).isEqualTo(CONTOSO);
    });
  }

  @Test
  void fireStageNotifications_lateCall_catchesUpInStageOrder() {
    Rollout r = new Rollout(JUNE_1, JUNE_1, JUNE_1.plusDays(30)); // announced and first release same day
    center.publish(major("MC1", r, "Microsoft Teams"));
    List<Notification> out = center.fireStageNotifications(CONTOSO, List.of(GINA),
        JUNE_1.plusDays(60));
    assertThat(out).extracting(MessageCenterTest::stageOf).containsExactly(
        RolloutStage.ANNOUNCED, RolloutStage.FIRST_RELEASE, RolloutStage.GENERAL_AVAILABILITY);
    assertThat(center.fireStageNotifications(CONTOSO, List.of(GINA), JUNE_1.plusDays(61)))
        .isEmpty();
  }

  @Test
  void fireStageNotifications_emailOnlyToAdminsWhoWantItAndFollowTheService() {
    center.publish(major("MC1", rollout(JUNE_1, 10, 30), "Microsoft Teams"));
    center.savePreferences(CONTOSO, GINA.upn(), new AdminPreferences(Set.of("Microsoft Teams"), true));
    center.savePreferences(CONTOSO, MEGAN.upn(), new AdminPreferences(Set.of("Exchange Online"), true));
    List<Notification> out = center.fireStageNotifications(CONTOSO, List.of(MEGAN, GINA, SAM),
        JUNE_1);
    assertThat(out).extracting(n -> n.recipient() + " " + n.channel()).containsExactly(
        "gina@contoso.com MESSAGE_CENTER", "gina@contoso.com EMAIL",
        "megan@contoso.com MESSAGE_CENTER");
  }

  @Test
  void fireStageNotifications_otherTenantsTargetedUpdate_isNeverNotified() {
    center.publish(Message.builder("MC1").services("Teams").published(JUNE_1)
        .majorUpdate(rollout(JUNE_1, 0, 30)).targeting(Targeting.tenants(Set.of(FABRIKAM))).build());
    assertThat(center.fireStageNotifications(CONTOSO, List.of(GINA), JUNE_1.plusDays(90)))
        .isEmpty();
    assertThat(center.fireStageNotifications(FABRIKAM,
        List.of(Admin.of("ada@fabrikam.com", "Global Administrator")), JUNE_1.plusDays(90)))
        .hasSize(3).allSatisfy(n -> assertThat(n.tenant()).isEqualTo(FABRIKAM));
  }

  @Test
  void messagesFor_readerWithoutMessageCenterRole_getsNothing() {
    center.publish(plain("MC1", JUNE_1, "Exchange Online"));
    center.publish(Message.builder("MC2").services("Exchange Online").published(JUNE_1)
        .security(true).build());
    center.savePreferences(CONTOSO, SAM.upn(), new AdminPreferences(Set.of("Exchange Online"), true));
    Admin noRoles = Admin.of("nobody@contoso.com");

    assertThat(center.messagesFor(CONTOSO, SAM)).isEmpty();
    assertThat(center.messagesFor(CONTOSO, noRoles)).isEmpty();
    assertThat(center.message(CONTOSO, SAM, "MC1")).isEmpty();
    assertThat(center.markRead(CONTOSO, SAM, "MC1")).isFalse();
    assertThat(center.digestFor(CONTOSO, SAM, JUNE_1.plusDays(3))).isEmpty();
    center.publish(major("MC3", rollout(JUNE_1, 0, 30), "Exchange Online"));
    assertThat(center.fireStageNotifications(CONTOSO, List.of(SAM, noRoles), JUNE_1)).isEmpty();
  }

  @Test
  void messagesFor_securityMessages_onlyWithTheSecurityRight() {
    center.publish(plain("MC1", JUNE_1, "Exchange Online"));
    center.publish(Message.builder("MC2").services("Exchange Online").published(JUNE_1)
        .security(true).build());
    assertThat(center.messagesFor(CONTOSO, MEGAN)).extracting(Message::id).containsExactly("MC1");
    assertThat(center.messagesFor(CONTOSO, GINA)).extracting(Message::id)
        .containsExactly("MC1", "MC2");
    assertThat(center.messagesFor(CONTOSO, Admin.of("p@contoso.com", "Message Center Privacy Reader")))
        .hasSize(2);
  }

  @Test
  void markReadAndArchive_areIndependentPerAdmin_andDeniedAcrossTenants() {
    center.publish(plain("MC1", JUNE_1, "Teams"));
    center.publish(Message.builder("MC2").services("Teams").published(JUNE_1)
        .targeting(Targeting.tenants(Set.of(FABRIKAM))).build());
    assertThat(center.markRead(CONTOSO, GINA, "MC1")).isTrue();
    assertThat(center.archive(CONTOSO, MEGAN, "MC1")).isTrue();
    assertThat(center.state(CONTOSO, GINA, "MC1")).contains(new MessageState(true, false));
    assertThat(center.state(CONTOSO, MEGAN, "MC1")).contains(new MessageState(false, true));
    assertThat(center.markRead(CONTOSO, GINA, "MC2")).isFalse();
    assertThat(center.state(CONTOSO, GINA, "MC2")).isEmpty();
    assertThat(center.markRead(CONTOSO, GINA, "MC404")).isFalse();
  }

  @Test
  void digest_onlyFollowedServices_thisTenant_pastWeek_majorFirst() {
    LocalDate asOf = LocalDate.of(2026, 6, 29);
    center.publish(plain("MC1", asOf.minusDays(7), "Exchange Online")); // first day of the week
    center.publish(plain("MC2", asOf.minusDays(1), "Exchange Online")); // last day
    center.publish(plain("MC3", asOf, "Exchange Online"));              // today: next week
    center.publish(plain("MC4", asOf.minusDays(8), "Exchange Online")); // the week before
    center.publish(plain("MC5", asOf.minusDays(3), "SharePoint Online")); // not followed
    center.publish(Message.builder("MC6").services("Exchange Online").published(asOf.minusDays(2))
        .targeting(Targeting.tenants(Set.of(FABRIKAM))).build());       // other tenant
    center.publish(major("MC7", rollout(asOf.minusDays(5), 10, 30), "Exchange Online",
        "SharePoint Online"));
    center.publish(plain("MC8", asOf.minusDays(4), "Exchange Online")); // archived below
    center.savePreferences(CONTOSO, GINA.upn(), new AdminPreferences(Set.of("Exchange Online"), true));
    center.archive(CONTOSO, GINA, "MC8");

    Digest d = center.digestFor(CONTOSO, GINA, asOf).orElseThrow();
    assertThat(d.messages()).extracting(Message::id).containsExactly("MC7", "MC2", "MC1");
    assertThat(d.weekStart()).isEqualTo(asOf.minusDays(7));
    assertThat(d.weekEnd()).isEqualTo(asOf.minusDays(1));
    assertThat(d.text()).contains("MC7 [Major update]").doesNotContain("MC5").doesNotContain("MC6");
    assertThat(d.html()).startsWith("<!DOCTYPE html>").contains("MC2").doesNotContain("MC6");
  }

  @Test
  void digest_noEmailOrNothingFollowed_isNotMade() {
    center.publish(plain("MC1", JUNE_1, "Exchange Online"));
    center.savePreferences(CONTOSO, GINA.upn(), new AdminPreferences(Set.of("Exchange Online"), false));
    center.savePreferences(CONTOSO, MEGAN.upn(), new AdminPreferences(Set.of(), true));
    assertThat(center.weeklyDigests(CONTOSO, List.of(GINA, MEGAN), JUNE_1.plusDays(1))).isEmpty();
  }

  @Test
  void digest_sameInputsInAnotherPublicationOrder_isByteForByteEqual() {
    LocalDate asOf = LocalDate.of(2026, 6, 29);
    List<Message> messages = List.of(
        plain("MC1", asOf.minusDays(3), "Exchange Online"),
        plain("MC2", asOf.minusDays(3), "Exchange Online"),
        Message.builder("MC3").services("Exchange Online").published(asOf.minusDays(2))
            .body("Line <one> & \"two\"\n\nsecond paragraph").build(),
        major("MC4", rollout(asOf.minusDays(6), 0, 30), "Exchange Online"));
    MessageCenter other = MessageCenter.builder().notifications(new InMemoryNotificationRecorder())
        .build();
    messages.forEach(center::publish);
    List<Message> reversed = new java.util.ArrayList<>(messages);
    java.util.Collections.reverse(reversed);
    reversed.forEach(other::publish);
    AdminPreferences prefs = new AdminPreferences(Set.of("Exchange Online"), true);
    center.savePreferences(CONTOSO, GINA.upn(), prefs);
    other.savePreferences(CONTOSO, GINA.upn(), prefs);

    Digest a = center.digestFor(CONTOSO, GINA, asOf).orElseThrow();
    Digest b = other.digestFor(CONTOSO, GINA, asOf).orElseThrow();
    assertThat(a).isEqualTo(b);
    assertThat(a.messages()).extracting(Message::id).containsExactly("MC4", "MC3", "MC1", "MC2");
    assertThat(a.html()).contains("Line &lt;one&gt; &amp; &quot;two&quot;</p>")
        .contains("<p>second paragraph</p>");
  }

  @Test
  void sendWeeklyDigests_handsEachDigestToThePort_asEmail() {
    center.publish(plain("MC1", JUNE_1, "Exchange Online"));
    center.savePreferences(CONTOSO, GINA.upn(), new AdminPreferences(Set.of("Exchange Online"), true));
    center.savePreferences(CONTOSO, MEGAN.upn(), new AdminPreferences(Set.of("Exchange Online"), true));
    List<Digest> digests = center.sendWeeklyDigests(CONTOSO, List.of(MEGAN, GINA, SAM),
        JUNE_1.plusDays(2));
    assertThat(digests).extracting(Digest::recipient)
        .containsExactly("gina@contoso.com", "megan@contoso.com");
    assertThat(sent.all()).extracting(Notification::kind, Notification::channel,
        Notification::recipient).containsExactly(
            org.assertj.core.groups.Tuple.tuple(NotificationKind.WEEKLY_DIGEST, Channel.EMAIL,
                "gina@contoso.com"),
            org.assertj.core.groups.Tuple.tuple(NotificationKind.WEEKLY_DIGEST, Channel.EMAIL,
                "megan@contoso.com"));
    assertThat(sent.all().get(0).html()).isEqualTo(digests.get(0).html());
  }

  @Test
  void admin_upnThatIsNotAPrincipalName_isRefused() {
    for (String bad : List.of("megan", "@contoso.com", "megan@", "me gan@contoso.com",
        "../x@contoso.com", "a\\b@contoso.com")) {
      assertThatThrownBy(() -> Admin.of(bad)).as(bad).isInstanceOf(ValidationException.class)
          .hasMessageContaining("upn");
    }
  }

  @Test
  void fireStageNotifications_adminListedTwice_isRefused() {
    assertThatThrownBy(() -> center.fireStageNotifications(CONTOSO,
        List.of(GINA, Admin.of("GINA@contoso.com")), JUNE_1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
  }
}
