package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.groups.spi.InMemoryGroupActivity;
import io.tenantry.groups.spi.InMemoryGroupSettingsStore;
import io.tenantry.groups.spi.InMemoryGroupStore;
import io.tenantry.groups.spi.InMemoryLifecycleNotifier;
import io.tenantry.groups.spi.LifecycleNotifier;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupLifecycleServiceTest {
  static final TenantId CONTOSO = TenantId.of("contoso");
  static final TenantId FABRIKAM = TenantId.of("fabrikam");
  static final LocalDate ENABLED = LocalDate.of(2026, 1, 1);

  final InMemoryGroupStore store = new InMemoryGroupStore();
  final InMemoryGroupSettingsStore settings = new InMemoryGroupSettingsStore();
  final InMemoryGroupActivity activity = new InMemoryGroupActivity();
  final InMemoryLifecycleNotifier notifier = new InMemoryLifecycleNotifier();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T03:00:00Z"));
  final Group team = Group.of(GroupId.of("team"), "Team", GroupKind.MICROSOFT_365, ENABLED)
      .withOwners(List.of(UserId.of("olga@contoso.com")))
      .withMembers(List.of(GroupMember.member(UserId.of("m@contoso.com"))));

  GroupLifecycleService service(LifecycleNotifier n) {
    return new GroupLifecycleService(store, settings, activity, n, audit, IdGenerator.sequential(), clock);
  }

  void setUp() {
    ExpirationSetting x = new ExpirationSetting(ExpirationPolicy.all(30, List.of("it@contoso.com")), ENABLED);
    settings.put(CONTOSO, settings.get(CONTOSO).withExpiration(x));
    LifecycleState start = x.engine().start(CONTOSO, List.of(team));
    start.groups().values().forEach(s -> store.put(CONTOSO, s));
  }

  void runDays(GroupLifecycleService s, LocalDate from, LocalDate to) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      s.runDay(CONTOSO, d, List.of());
    }
  }

  @Test
  void runDay_wholeLifecycle_notifiesStoresAndAudits() {
    setUp();

    runDays(service(notifier), ENABLED, ENABLED.plusDays(61));

    assertThat(notifier.sentTo(CONTOSO)).extracting(s -> s.event().name())
        .containsExactly("ExpiryNotificationSent", "ExpiryNotificationSent", "ExpiryNotificationSent",
            "SoftDeleted");
    assertThat(notifier.sentTo(CONTOSO).get(3).recipients()).containsExactly("olga@contoso.com");
    GroupState tomb = store.find(CONTOSO, team.id()).orElseThrow();
    assertThat(tomb.status()).isEqualTo(new LifecycleStatus.Purged(ENABLED.plusDays(61)));
    assertThat(tomb.group().members()).isEmpty();
    assertThat(audit.query(AuditQuery.of(CONTOSO)).items()).extracting(AuditRecord::activity)
        .containsExactly("ExpiryNotificationSent", "ExpiryNotificationSent", "ExpiryNotificationSent",
            "SoftDeleted", "Purged");
    assertThat(notifier.sentTo(FABRIKAM)).isEmpty();
  }

  @Test
  void runDay_activity_renewsAndTheStoreKeepsTheNewExpiration() {
    setUp();
    activity.record(CONTOSO, team.id(), ENABLED.plusDays(3));

    GroupLifecycleService service = service(notifier);
    service.runDay(CONTOSO, ENABLED, List.of());
    service.runDay(CONTOSO, ENABLED.plusDays(3), List.of());

    assertThat(store.find(CONTOSO, team.id()).orElseThrow().status())
        .isEqualTo(new LifecycleStatus.Active(ENABLED.plusDays(3), ENABLED.plusDays(33)));
  }

  @Test
  void runDay_notifierFails_storesNothing() {
    setUp();
    GroupState before = store.find(CONTOSO, team.id()).orElseThrow();
    LifecycleNotifier broken = (t, e, to) -> {
      throw new PortFailureException("mail server down", new java.io.IOException("refused"));
    };

    assertThatThrownBy(() -> service(broken).runDay(CONTOSO, ENABLED, List.of()))
        .isInstanceOf(PortFailureException.class);
    assertThat(store.find(CONTOSO, team.id()).orElseThrow()).isEqualTo(before);
    assertThat(audit.query(AuditQuery.of(CONTOSO)).items()).isEmpty();
  }

  @Test
  void runDay_otherTenant_seesNothing() {
    setUp();

    DayOutcome o = service(notifier).runDay(FABRIKAM, ENABLED, List.of());

    assertThat(o.events()).isEmpty();
    assertThat(store.list(FABRIKAM)).isEmpty();
  }
}
