package io.tenantry.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import io.tenantry.notices.spi.NoticeReaderPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the notices engines over generated tenants, messages, issues and admins: tenant
 * isolation, the reading rights, stage notifications once each and in order, digest determinism.
 */
class NoticesPropertyTest {
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("contoso"), TenantId.of("fabrikam"), TenantId.of("tailspin"));
  private static final List<String> SERVICES =
      List.of("Exchange Online", "Microsoft Teams", "SharePoint Online");
  private static final List<String> ROLES = List.of("Message Center Reader", "Global Reader",
      "Global Administrator", "Service Support Administrator", "Password Administrator",
      "Message Center Privacy Reader");
  private static final LocalDate BASE = LocalDate.of(2026, 6, 1);
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  private static Arbitrary<Targeting> targeting() {
    return Arbitraries.oneOf(Arbitraries.just(Targeting.allTenants()),
        Arbitraries.of(TENANTS).set().ofMinSize(1).ofMaxSize(2).map(Targeting::tenants));
  }

  @Provide
  Arbitrary<List<Message>> messages() {
    Arbitrary<Message> message = Combinators.combine(
        Arbitraries.integers().between(0, 20),                        // published offset
        Arbitraries.of(SERVICES).set().ofMinSize(1).ofMaxSize(2),
        Arbitraries.of(true, false),                                   // major
        Arbitraries.of(true, false),                                   // security
        targeting(),
        Arbitraries.integers().between(0, 10),                         // days to first release
        Arbitraries.integers().between(30, 40))                        // first release days
        .as((offset, services, major, security, target, toFirst, frDays) -> {
          LocalDate published = BASE.plusDays(offset);
          Message.Builder b = Message.builder("MC")
              .services(services.toArray(String[]::new)).published(published)
              .security(security).targeting(target);
          if (major) {
            LocalDate first = published.plusDays(toFirst);
            b.majorUpdate(new Rollout(published, first, first.plusDays(frDays)));
          }
          return b;
        }).map(Message.Builder::build);
    return message.list().ofMinSize(0).ofMaxSize(8).map(NoticesPropertyTest::renumber);
  }

  private static List<Message> renumber(List<Message> list) {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Message m = list.get(i);
      out.add(new Message("MC" + (100 + i), m.title(), m.body(), m.category(), m.services(),
          m.tags(), m.majorUpdate(), m.security(), m.published(), m.actionRequiredBy(),
          m.rollout(), m.targeting()));
    }
    return out;
  }

  @Provide
  Arbitrary<List<Admin>> admins() {
    return Arbitraries.of(ROLES).set().ofMaxSize(2).list().ofMinSize(1).ofMaxSize(4)
        .map(roleSets -> {
          List<Admin> admins = new ArrayList<>();
          for (int i = 0; i < roleSets.size(); i++) {
            admins.add(new Admin("admin" + i + "@example.com", roleSets.get(i)));
          }
          return admins;
        });
  }

  @Provide
  Arbitrary<Set<String>> followed() {
    return Arbitraries.of(SERVICES).set().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<HealthIssue>> issues() {
    Arbitrary<HealthIssue> issue = Combinators.combine(Arbitraries.of(SERVICES),
        Arbitraries.of(HealthIssueKind.class), targeting(),
        Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 100))
        .as((service, kind, target, updates, start) -> {
          List<StatusUpdate> timeline = new ArrayList<>();
          for (int u = 0; u < updates; u++) {
            HealthStatus s = u == updates - 1 && updates > 1 ? HealthStatus.SERVICE_RESTORED
                : HealthStatus.values()[u % 5];
            timeline.add(new StatusUpdate(T0.plusSeconds(600L * (start + u)), s, "update " + u));
          }
          return new HealthIssue("X", service, kind, "Issue", target, timeline);
        });
    return issue.list().ofMaxSize(6).map(list -> {
      List<HealthIssue> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        HealthIssue h = list.get(i);
        out.add(new HealthIssue("EX" + i, h.service(), h.kind(), h.title(), h.targeting(),
            h.timeline()));
      }
      return out;
    });
  }

  private static MessageCenter center(List<Message> messages, InMemoryNotificationRecorder port) {
    MessageCenter c = MessageCenter.builder().notifications(port).build();
    messages.forEach(c::publish);
    return c;
  }

  @Property(tries = 200)
  void messageCenter_tenantSeesOnlyWhatTargetsIt_andOnlyWhatItsRolesAllow(
      @ForAll("messages") List<Message> messages, @ForAll("admins") List<Admin> admins,
      @ForAll("followed") Set<String> followed) {
    InMemoryNotificationRecorder port = new InMemoryNotificationRecorder();
    MessageCenter c = center(messages, port);
    Map<String, Message> byId = messages.stream()
        .collect(Collectors.toMap(Message::id, m -> m));
    NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();
    for (TenantId tenant : TENANTS) {
      for (Admin a : admins) {
        c.savePreferences(tenant, a.upn(), new AdminPreferences(followed, true));
        var rights = policy.rightsOf(tenant, a.roles());
        for (Message m : c.messagesFor(tenant, a)) {
          assertThat(m.targeting().includes(tenant)).isTrue();
          assertThat(m.security() ? rights.securityMessages() : rights.messages()).isTrue();
        }
        if (!rights.anyMessages()) {
          assertThat(c.messagesFor(tenant, a)).isEmpty();
        }
      }
      for (Digest d : c.sendWeeklyDigests(tenant, admins, BASE.plusDays(14))) {
        assertThat(d.tenant()).isEqualTo(tenant);
        for (Message m : d.messages()) {
          assertThat(m.targeting().includes(tenant)).isTrue();
          assertThat(m.concernsAny(followed)).isTrue();
        }
      }
      for (Notification n : c.fireStageNotifications(tenant, admins, BASE.plusDays(90))) {
        assertThat(n.tenant()).isEqualTo(tenant);
        assertThat(byId.get(n.reference()).targeting().includes(tenant)).isTrue();
      }
    }
    Set<String> upns = admins.stream().map(Admin::upn).collect(Collectors.toSet());
    assertThat(port.all()).allSatisfy(n -> assertThat(upns).contains(n.recipient()));
  }

  @Property(tries = 200)
  void stageNotifications_fireOnceEach_inStageOrder_whateverTheCallDays(
      @ForAll("messages") List<Message> messages,
      @ForAll @Size(max = 12) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 120) Integer>
          callDays) {
    InMemoryNotificationRecorder port = new InMemoryNotificationRecorder();
    MessageCenter c = center(messages, port);
    Admin ga = Admin.of("ga@example.com", "Global Administrator");
    List<Integer> days = new ArrayList<>(callDays);
    Collections.sort(days);
    days.add(200); // a final call after every stage
    TenantId tenant = TENANTS.get(0);
    for (int d : days) {
      c.fireStageNotifications(tenant, List.of(ga), BASE.plusDays(d));
    }
    Map<String, List<String>> perMessage = new HashMap<>();
    for (Notification n : port.all()) {
      perMessage.computeIfAbsent(n.reference(), k -> new ArrayList<>()).add(n.subject());
    }
    for (Message m : messages) {
      boolean expected = m.majorUpdate() && m.targeting().includes(tenant);
      List<String> subjects = perMessage.getOrDefault(m.id(), List.of());
      if (!expected) {
        assertThat(subjects).isEmpty();
        continue;
      }
      assertThat(subjects).hasSize(3);
      for (int s = 0; s < 3; s++) {
        assertThat(subjects.get(s)).contains(" - " + RolloutStage.values()[s].label() + " (");
      }
    }
  }

  @Property(tries = 150)
  void digest_isDeterministic_whateverThePublicationOrder(
      @ForAll("messages") List<Message> messages, @ForAll("followed") Set<String> followed,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 30) int asOfOffset) {
    List<Message> shuffled = new ArrayList<>(messages);
    Collections.reverse(shuffled);
    MessageCenter a = center(messages, new InMemoryNotificationRecorder());
    MessageCenter b = center(shuffled, new InMemoryNotificationRecorder());
    Admin gr = Admin.of("gr@example.com", "Global Reader");
    for (MessageCenter c : List.of(a, b)) {
      c.savePreferences(TENANTS.get(1), gr.upn(), new AdminPreferences(followed, true));
    }
    LocalDate asOf = BASE.plusDays(asOfOffset);
    assertThat(a.digestFor(TENANTS.get(1), gr, asOf)).isEqualTo(b.digestFor(TENANTS.get(1), gr,
        asOf));
  }

  @Property(tries = 200)
  void serviceHealth_tenantIsNotifiedOnlyOfItsIssues_andOnlyItsEntitledSubscribers(
      @ForAll("issues") List<HealthIssue> issues, @ForAll("admins") List<Admin> admins,
      @ForAll("followed") Set<String> services) {
    InMemoryNotificationRecorder port = new InMemoryNotificationRecorder();
    ServiceHealth health = ServiceHealth.builder().notifications(port).build();
    issues.forEach(health::post);
    Map<String, HealthIssue> byId = issues.stream()
        .collect(Collectors.toMap(HealthIssue::id, i -> i));
    NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();
    Map<String, Admin> byUpn = admins.stream().collect(Collectors.toMap(Admin::upn, x -> x));
    for (TenantId tenant : TENANTS) {
      admins.forEach(a -> health.subscribe(tenant, a.upn(),
          new HealthSubscription(new LinkedHashSet<>(services), true)));
      List<Notification> sent = health.dispatch(tenant, admins, Instant.MAX);
      assertThat(health.dispatch(tenant, admins, Instant.MAX)).isEmpty();
      for (Notification n : sent) {
        assertThat(n.tenant()).isEqualTo(tenant);
        HealthIssue issue = byId.get(n.reference());
        assertThat(issue.targeting().includes(tenant)).isTrue();
        assertThat(services).contains(issue.service());
        assertThat(policy.rightsOf(tenant, byUpn.get(n.recipient()).roles()).serviceHealth())
            .isTrue();
      }
      for (int i = 1; i < sent.size(); i++) {
        assertThat(sent.get(i).at()).isAfterOrEqualTo(sent.get(i - 1).at());
      }
    }
  }
}
