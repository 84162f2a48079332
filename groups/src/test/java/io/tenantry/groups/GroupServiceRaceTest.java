package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.groups.spi.GroupAuthorizer;
import io.tenantry.groups.spi.GroupStore;
import io.tenantry.groups.spi.InMemoryGroupSettingsStore;
import io.tenantry.groups.spi.InMemoryGroupStore;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two admins changing one group at once: the service writes each change over the state it read
 * ({@link GroupStore#replace}), so the later change is refused instead of undoing the earlier. The
 * race is staged with a store that lets the other admin act right after this one's read.
 */
class GroupServiceRaceTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final UserId ADMIN = UserId.of("admin@contoso.com");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  private final InMemoryGroupStore inner = new InMemoryGroupStore();
  private Runnable afterNextRead = () -> { };

  /** The shared store, with the other admin's action run once right after a read. */
  private final GroupStore racing = new GroupStore() {
    @Override
    public Optional<GroupState> find(TenantId tenant, GroupId id) {
      Optional<GroupState> read = inner.find(tenant, id);
      interleave();
      return read;
    }

    @Override
    public List<GroupState> list(TenantId tenant) {
      List<GroupState> read = inner.list(tenant);
      interleave();
      return read;
    }

    @Override
    public void put(TenantId tenant, GroupState state) {
      inner.put(tenant, state);
    }

    @Override
    public void replace(TenantId tenant, GroupState expected, GroupState next) {
      inner.replace(tenant, expected, next);
    }
  };

  private final InMemoryGroupSettingsStore settings = new InMemoryGroupSettingsStore();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InstantSource clock = InstantSource.fixed(DAY.atStartOfDay().toInstant(ZoneOffset.UTC));
  private final GroupAuthorizer admins = (t, actor, op, target) ->
      GroupAuthorizer.Verdict.allow("Global Administrator at /");
  private final GroupService me = service(racing);
  private final GroupService other = service(inner);

  private GroupService service(GroupStore store) {
    return GroupService.builder().store(store).settings(settings).authorizer(admins).audit(audit)
        .ids(IdGenerator.sequential()).clock(clock).build();
  }

  private void interleave() {
    Runnable r = afterNextRead;
    afterNextRead = () -> { };
    r.run();
  }

  private GroupId managedGroup() {
    settings.put(CONTOSO, settings.get(CONTOSO).withExpiration(
        new ExpirationSetting(ExpirationPolicy.all(180, List.of()), DAY.minusDays(100))));
    return other.create(CONTOSO, ADMIN, NewGroup.of("Team", GroupKind.MICROSOFT_365, ADMIN))
        .group().id();
  }

  @Test
  void renew_groupDeletedByAnotherAdminAfterTheRead_isRefusedAndTheDeletionStays() {
    GroupId id = managedGroup();
    afterNextRead = () -> other.delete(CONTOSO, ADMIN, id);

    assertThatThrownBy(() -> me.renew(CONTOSO, ADMIN, id)).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo("STALE_VERSION"));

    assertThat(inner.find(CONTOSO, id).orElseThrow().status())
        .isInstanceOf(LifecycleStatus.SoftDeleted.class);
    assertThat(audit.query(AuditQuery.of(CONTOSO)).items()).extracting(AuditRecord::activity)
        .doesNotContain("GroupRenewed");
  }

  @Test
  void delete_groupRenamedByAnotherAdminAfterTheRead_isRefusedAndTheNameStays() {
    GroupId id = managedGroup();
    afterNextRead = () -> other.rename(CONTOSO, ADMIN, id, "Renamed");

    assertThatThrownBy(() -> me.delete(CONTOSO, ADMIN, id)).isInstanceOf(ConflictException.class);

    GroupState now = inner.find(CONTOSO, id).orElseThrow();
    assertThat(now.isLive()).isTrue();
    assertThat(now.group().displayName()).isEqualTo("Renamed");
  }

  @Test
  void setExpirationPolicy_groupRenewedByAnotherAdminMeanwhile_keepsTheRenewal() {
    GroupId id = managedGroup();
    GroupState renewedLater = inner.find(CONTOSO, id).orElseThrow()
        .with(new LifecycleStatus.Active(DAY.plusDays(1), DAY.plusDays(181)));
    afterNextRead = () -> inner.put(CONTOSO, renewedLater);

    List<GroupState> changed = me.setExpirationPolicy(CONTOSO, ADMIN,
        ExpirationPolicy.all(365, List.of()));

    LifecycleStatus.Active now = (LifecycleStatus.Active) inner.find(CONTOSO, id).orElseThrow()
        .status();
    assertThat(now.lastRenewedOn()).as("the renewal is kept").isEqualTo(DAY.plusDays(1));
    assertThat(now.expiresOn()).isEqualTo(DAY.plusDays(366));
    assertThat(changed).extracting(GroupState::status).containsExactly(now);
  }
}
