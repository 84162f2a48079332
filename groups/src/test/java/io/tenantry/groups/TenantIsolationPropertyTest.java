package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.groups.spi.GroupAuthorizer;
import io.tenantry.groups.spi.InMemoryGroupStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No group operation of one tenant ever reads or changes another tenant's groups. */
class TenantIsolationPropertyTest {

  @Provide
  Arbitrary<TenantId> tenants() {
    return Arbitraries.strings().withChars("abcxyz019-.").ofMinLength(1).ofMaxLength(10)
        .filter(s -> !s.equals(".") && !s.equals("..")).map(TenantId::of);
  }

  @Provide
  Arbitrary<LifecycleAction.Kind> kinds() {
    return Arbitraries.of(LifecycleAction.Kind.values());
  }

  @Property(tries = 150)
  void operations_inAnotherTenant_neverTouchTheGroup(@ForAll("tenants") TenantId owner,
      @ForAll("tenants") TenantId other, @ForAll("kinds") LifecycleAction.Kind kind,
      @ForAll boolean deletedFirst) {
    Assume.that(!owner.equals(other));
    InMemoryGroupStore store = new InMemoryGroupStore();
    GroupService service = GroupService.builder().store(store).authorizer(GroupAuthorizer.allowAll())
        .ids(IdGenerator.sequential()).clock(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))
        .build();
    UserId admin = UserId.of("admin");
    GroupId id = service.create(owner, admin, NewGroup.of("Team", GroupKind.MICROSOFT_365, admin))
        .group().id();
    if (deletedFirst) {
      service.delete(owner, admin, id);
    }
    GroupState before = store.find(owner, id).orElseThrow();

    assertThatThrownBy(() -> {
      switch (kind) {
        case RENEW -> service.renew(other, admin, id);
        case DELETE -> service.delete(other, admin, id);
        case RESTORE -> service.restore(other, admin, id, RestoreOptions.AUTO_RECONCILE);
      }
    }).isInstanceOf(NotFoundException.class);
    assertThat(store.find(owner, id)).contains(before);
    assertThat(store.list(other)).isEmpty();
    assertThat(service.canCreate(other, admin, GroupKind.MICROSOFT_365).allowed()).isTrue();
    assertThat(List.copyOf(store.list(owner))).containsExactly(before);
  }
}
