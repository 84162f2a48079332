package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.groups.spi.IdentityGroupAuthorizer;
import io.tenantry.groups.spi.GroupStore;
import io.tenantry.groups.spi.InMemoryDirectoryLookup;
import io.tenantry.groups.spi.InMemoryGroupActivity;
import io.tenantry.groups.spi.InMemoryGroupSettingsStore;
import io.tenantry.groups.spi.InMemoryGroupStore;
import io.tenantry.groups.spi.InMemoryLifecycleNotifier;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Using groups as a library" example, compiled and run so it never rots. */
class ReadmeExamplesTest {

  @Test
  void readme_groupsExample_runsAsDocumented() {
    UserId alice = UserId.of("alice@contoso.com");
    InMemoryDirectoryLookup directory = new InMemoryDirectoryLookup().withAttributes(
        TenantId.of("contoso"), alice, new UserAttributes("Sales", "", "", "", "", ""));
    io.tenantry.identity.Authorizer identityAuthorizer = io.tenantry.identity.Authorizer.of(
        io.tenantry.identity.Directory.builder(TenantId.of("contoso")).build());
    InMemoryGroupActivity activity = new InMemoryGroupActivity();
    InMemoryLifecycleNotifier notifier = new InMemoryLifecycleNotifier();
    InMemoryAuditLog audit = new InMemoryAuditLog();

    TenantId contoso = TenantId.of("contoso");
    InMemoryGroupSettingsStore settings = new InMemoryGroupSettingsStore();
    settings.put(contoso, settings.get(contoso)
        .withNamingPolicy(NamingPolicy.of("GRP_[Department]_[GroupName]", "payroll,top secret"))
        .withExpiration(new ExpirationSetting(ExpirationPolicy.all(180, List.of("it@contoso.com")),
            LocalDate.of(2026, 1, 1))));
    GroupStore store = new InMemoryGroupStore();
    GroupService groups = GroupService.builder().store(store).settings(settings)
        .directory(directory)
        .authorizer(IdentityGroupAuthorizer.over(identityAuthorizer))
        .clock(InstantSource.fixed(Instant.parse("2026-06-01T08:00:00Z")))
        .build();

    GroupState team = groups.create(contoso, alice, NewGroup.of("Launch", GroupKind.MICROSOFT_365, alice));
    groups.delete(contoso, alice, team.group().id());
    GroupState restored = groups.restore(contoso, alice, team.group().id(), RestoreOptions.STRICT);

    GroupLifecycleService lifecycle = new GroupLifecycleService(store, settings, activity, notifier,
        audit, IdGenerator.random(), InstantSource.system());
    DayOutcome day = lifecycle.runDay(contoso, LocalDate.of(2026, 7, 1), List.of());

    assertThat(team.group().displayName()).isEqualTo("GRP_Sales_Launch");
    assertThat(restored.group()).isEqualTo(team.group());
    assertThat(day.events()).isEmpty();
  }
}
