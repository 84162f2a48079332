package io.tenantry.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.groups.spi.GroupAuthorizer;
import io.tenantry.groups.spi.InMemoryDirectoryLookup;
import io.tenantry.groups.spi.InMemoryGroupSettingsStore;
import io.tenantry.groups.spi.InMemoryGroupStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GroupServiceTest {
  static final TenantId CONTOSO = TenantId.of("contoso");
  static final TenantId FABRIKAM = TenantId.of("fabrikam");
  static final UserId ADMIN = UserId.of("admin@contoso.com");
  static final UserId ALICE = UserId.of("alice@contoso.com");
  static final UserId BOB = UserId.of("bob@contoso.com");
  static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  final AtomicReference<Instant> now = new AtomicReference<>(DAY.atStartOfDay().toInstant(ZoneOffset.UTC));
  final InstantSource clock = () -> now.get();
  final InMemoryGroupStore store = new InMemoryGroupStore();
  final InMemoryGroupSettingsStore settings = new InMemoryGroupSettingsStore();
  final InMemoryDirectoryLookup directory = new InMemoryDirectoryLookup()
      .withRoles(CONTOSO, ADMIN, Set.of(AdminRole.GLOBAL_ADMINISTRATOR))
      .withAttributes(CONTOSO, ALICE, new UserAttributes("Sales", "", "", "", "FR", ""));
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final GroupAuthorizer adminsOnly = (t, actor, op, target) ->
      actor.equals(ADMIN) ? GroupAuthorizer.Verdict.allow("Global Administrator at /")
          : GroupAuthorizer.Verdict.deny("no role assignment covers the group");
  final GroupService service = GroupService.builder().store(store).settings(settings)
      .directory(directory).authorizer(adminsOnly).audit(audit).ids(IdGenerator.sequential())
      .clock(clock).build();

  void advance(int days) {
    now.set(now.get().plusSeconds(86_400L * days));
  }

  List<AuditRecord> audited(TenantId tenant) {
    return audit.query(AuditQuery.of(tenant)).items();
  }

  @Test
  void create_microsoft365_appliesNamingPolicyAndAddress() {
    settings.put(CONTOSO, settings.get(CONTOSO)
        .withNamingPolicy(NamingPolicy.of("GRP_[Department]_[GroupName]", "payroll")));

    GroupState s = service.create(CONTOSO, ALICE, NewGroup.of("Launch Plan", GroupKind.MICROSOFT_365, ALICE));

    assertThat(s.group().displayName()).isEqualTo("GRP_Sales_Launch Plan");
    assertThat(s.group().mailNickname()).isEqualTo("GRP_Sales_LaunchPlan");
    assertThat(s.group().proxyAddresses()).containsExactly("SMTP:GRP_Sales_LaunchPlan@contoso.onmicrosoft.com");
    assertThat(s.group().createdOn()).isEqualTo(DAY);
    assertThat(audited(CONTOSO)).extracting(AuditRecord::activity).containsExactly("GroupCreated");
  }

  @Test
  void create_globalAdministrator_isExemptFromNamingPolicy() {
    settings.put(CONTOSO, settings.get(CONTOSO)
        .withNamingPolicy(NamingPolicy.of("GRP_[GroupName]", "payroll")));

    GroupState s = service.create(CONTOSO, ADMIN, NewGroup.of("Payroll", GroupKind.MICROSOFT_365, ADMIN));

    assertThat(s.group().displayName()).isEqualTo("Payroll");
  }

  @Test
  void create_blockedWord_isRefusedAndNothingStored() {
    settings.put(CONTOSO, settings.get(CONTOSO).withNamingPolicy(NamingPolicy.of("", "payroll")));

    assertThatThrownBy(() -> service.create(CONTOSO, ALICE,
        NewGroup.of("Payroll team", GroupKind.MICROSOFT_365, ALICE)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("payroll");
    assertThat(store.list(CONTOSO)).isEmpty();
  }

  @Test
  void create_restrictedToSecurityGroup_allowsNestedMembersOnly() {
    Group inner = Group.of(GroupId.of("inner"), "Inner", GroupKind.SECURITY, DAY)
        .withMembers(List.of(GroupMember.member(ALICE)));
    Group creators = Group.of(GroupId.of("creators"), "Creators", GroupKind.SECURITY, DAY)
        .withMemberGroups(List.of(inner.id()));
    store.put(CONTOSO, new GroupState(inner, new LifecycleStatus.Active(DAY, null)));
    store.put(CONTOSO, new GroupState(creators, new LifecycleStatus.Active(DAY, null)));
    settings.put(CONTOSO, settings.get(CONTOSO).withCreationRestrictedTo(creators.id()));

    assertThat(service.canCreate(CONTOSO, ALICE, GroupKind.MICROSOFT_365).allowed()).isTrue();
    CreationDecision bob = service.canCreate(CONTOSO, BOB, GroupKind.MICROSOFT_365);
    assertThat(bob.allowed()).isFalse();
    assertThat(bob.reason()).contains("not a member", "creators");
    assertThat(service.canCreate(CONTOSO, ADMIN, GroupKind.MICROSOFT_365).allowed()).isTrue();
    assertThatThrownBy(() -> service.create(CONTOSO, BOB, NewGroup.of("x", GroupKind.MICROSOFT_365, BOB)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(audited(CONTOSO)).singleElement().extracting(AuditRecord::result)
        .isEqualTo(AuditResult.FAILURE);
  }

  @Test
  void canCreate_allowedGroupIsMicrosoft365_deniesFailClosed() {
    Group m365 = Group.of(GroupId.of("m"), "M", GroupKind.MICROSOFT_365, DAY)
        .withMembers(List.of(GroupMember.member(ALICE)));
    store.put(CONTOSO, new GroupState(m365, new LifecycleStatus.Active(DAY, null)));
    settings.put(CONTOSO, settings.get(CONTOSO).withCreationRestrictedTo(m365.id()));

    assertThat(service.canCreate(CONTOSO, ALICE, GroupKind.MICROSOFT_365).reason())
        .contains("not a live security group");
  }

  @Test
  void canCreate_groupsAdministratorUnderRestriction_isNotExempt() {
    directory.withRoles(CONTOSO, BOB, Set.of(AdminRole.GROUPS_ADMINISTRATOR));
    settings.put(CONTOSO, settings.get(CONTOSO).withCreationRestrictedTo(null));

    assertThat(service.canCreate(CONTOSO, BOB, GroupKind.MICROSOFT_365).allowed()).isFalse();
    directory.withRoles(CONTOSO, BOB, Set.of(AdminRole.USER_ADMINISTRATOR));
    assertThat(service.canCreate(CONTOSO, BOB, GroupKind.MICROSOFT_365).allowed()).isTrue();
  }

  @Test
  void canCreate_nonAdminAt250Objects_isDenied() {
    directory.withCreatedObjects(CONTOSO, ALICE, 249);
    assertThat(service.canCreate(CONTOSO, ALICE, GroupKind.MICROSOFT_365).allowed()).isTrue();

    directory.withCreatedObjects(CONTOSO, ALICE, 250);
    assertThat(service.canCreate(CONTOSO, ALICE, GroupKind.MICROSOFT_365).reason()).contains("250");
    directory.withCreatedObjects(CONTOSO, ADMIN, 10_000);
    assertThat(service.canCreate(CONTOSO, ADMIN, GroupKind.SECURITY).allowed()).isTrue();
  }

  @Test
  void rename_namingPolicyConfigured_appliesItOnEdit() {
    GroupState s = service.create(CONTOSO, ALICE, NewGroup.of("Launch", GroupKind.MICROSOFT_365, ALICE));
    settings.put(CONTOSO, settings.get(CONTOSO).withNamingPolicy(NamingPolicy.of("[GroupName]-[CountryOrRegion]", "")));

    GroupState renamed = service.rename(CONTOSO, ALICE, s.group().id(), "Launch");

    assertThat(renamed.group().displayName()).isEqualTo("Launch-FR");
    assertThat(service.rename(CONTOSO, ALICE, s.group().id(), "Launch-FR").group().displayName())
        .isEqualTo("Launch-FR");
  }

  @Test
  void create_aliasInUse_conflicts() {
    service.create(CONTOSO, ALICE, NewGroup.of("Launch", GroupKind.MICROSOFT_365, ALICE));

    ConflictException e = catchThrowableOfType(ConflictException.class,
        () -> service.create(CONTOSO, BOB, NewGroup.of("launch", GroupKind.MICROSOFT_365, BOB)));

    assertThat(e.kind()).isEqualTo("MAIL_NICKNAME");
    assertThat(service.create(FABRIKAM, BOB, NewGroup.of("Launch", GroupKind.MICROSOFT_365, BOB)))
        .isNotNull();
  }

  @Test
  void addMember_guestWhenTenantForbids_refusedForNonAdminsOnly() {
    settings.put(CONTOSO, settings.get(CONTOSO).withGuests(false, false, GuestDomainPolicy.anyDomain()));
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    GroupMember guest = GroupMember.guest(UserId.of("gina@fabrikam.com"));

    assertThatThrownBy(() -> service.addMember(CONTOSO, ALICE, id, guest))
        .isInstanceOf(ValidationException.class).hasMessageContaining("AllowToAddGuests");
    assertThat(service.addMember(CONTOSO, ADMIN, id, guest).group().members()).contains(guest);
  }

  @Test
  void addMember_groupBlocksGuests_evenWhenTenantAllows() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    service.setGuestSetting(CONTOSO, ADMIN, id, GuestSetting.BLOCK);

    assertThatThrownBy(() -> service.addMember(CONTOSO, ALICE, id, GroupMember.guest(UserId.of("g@x.com"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void addMember_guestFromDeniedDomain_refusedForEveryone() {
    settings.put(CONTOSO, settings.get(CONTOSO).withGuests(true, false, GuestDomainPolicy.deny(List.of("Evil.com"))));
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();

    assertThatThrownBy(() -> service.addMember(CONTOSO, ADMIN, id, GroupMember.guest(UserId.of("eve@evil.com"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("domain");
    assertThat(service.addMember(CONTOSO, ALICE, id, GroupMember.guest(UserId.of("eve@sub.evil.com")))
        .group().members()).hasSize(1);
  }

  @Test
  void addOwner_guestWhenGuestsMayNotOwn_isRefused() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    UserId gina = UserId.of("gina@fabrikam.com");
    service.addMember(CONTOSO, ALICE, id, GroupMember.guest(gina));

    assertThatThrownBy(() -> service.addOwner(CONTOSO, ALICE, id, gina))
        .isInstanceOf(ValidationException.class).hasMessageContaining("AllowGuestsToBeGroupOwner");
  }

  @Test
  void deleteAndRestore_microsoft365_keepsIdMembersAndAddresses() {
    GroupState created = service.create(CONTOSO, ALICE, new NewGroup("Team", GroupKind.MICROSOFT_365,
        List.of(ALICE), List.of(GroupMember.member(BOB), GroupMember.guest(UserId.of("g@fabrikam.com"))), List.of()));
    GroupId id = created.group().id();

    assertThat(service.delete(CONTOSO, ALICE, id).status()).isInstanceOf(LifecycleStatus.SoftDeleted.class);
    advance(29);
    GroupState restored = service.restore(CONTOSO, ALICE, id, RestoreOptions.STRICT);

    assertThat(restored.group()).isEqualTo(created.group());
    assertThat(restored.isLive()).isTrue();
  }

  @Test
  void restore_afterThirtyDays_isNotFound() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    service.delete(CONTOSO, ALICE, id);
    advance(30);

    assertThatThrownBy(() -> service.restore(CONTOSO, ADMIN, id, RestoreOptions.STRICT))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void delete_securityGroup_isPurgedAtOnce() {
    GroupId id = service.create(CONTOSO, ADMIN, NewGroup.of("Badges", GroupKind.SECURITY, ADMIN)).group().id();

    GroupState s = service.delete(CONTOSO, ADMIN, id);

    assertThat(s.status()).isInstanceOf(LifecycleStatus.Purged.class);
    assertThatThrownBy(() -> service.restore(CONTOSO, ADMIN, id, RestoreOptions.STRICT))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void restore_addressTakenMeanwhile_conflictsUnlessReconciled() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    service.delete(CONTOSO, ALICE, id);
    service.create(CONTOSO, BOB, NewGroup.of("Team", GroupKind.MICROSOFT_365, BOB));

    ConflictException e = catchThrowableOfType(ConflictException.class,
        () -> service.restore(CONTOSO, ALICE, id, RestoreOptions.STRICT));
    assertThat(e.kind()).isEqualTo("PROXY_ADDRESS");
    assertThat(store.find(CONTOSO, id).orElseThrow().isLive()).isFalse();

    GroupState r = service.restore(CONTOSO, ALICE, id, RestoreOptions.AUTO_RECONCILE);
    assertThat(r.group().id()).isEqualTo(id);
    assertThat(r.group().mailNickname()).startsWith("Team-").isNotEqualTo("Team");
    assertThat(r.group().proxyAddresses()).singleElement().asString()
        .startsWith("SMTP:Team-").endsWith("@contoso.onmicrosoft.com");
  }

  @Test
  void restore_notOwnerAndAuthorizerDenies_isDeniedAndAudited() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    service.delete(CONTOSO, ALICE, id);

    assertThatThrownBy(() -> service.restore(CONTOSO, BOB, id, RestoreOptions.STRICT))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("no role assignment");
    assertThat(audited(CONTOSO)).last().satisfies(r -> {
      assertThat(r.activity()).isEqualTo("GroupRestored");
      assertThat(r.result()).isEqualTo(AuditResult.FAILURE);
    });
    assertThat(service.restore(CONTOSO, ADMIN, id, RestoreOptions.STRICT).isLive()).isTrue();
  }

  @Test
  void purge_ownerMayNot_adminMay() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();
    service.delete(CONTOSO, ALICE, id);

    assertThatThrownBy(() -> service.purge(CONTOSO, ALICE, id)).isInstanceOf(AccessDeniedException.class);
    GroupState tomb = service.purge(CONTOSO, ADMIN, id);
    assertThat(tomb.status()).isInstanceOf(LifecycleStatus.Purged.class);
    assertThat(tomb.group().owners()).isEmpty();
  }

  @Test
  void renewAndRestore_managedGroup_expireLifetimeAfterToday() {
    settings.put(CONTOSO, settings.get(CONTOSO)
        .withExpiration(new ExpirationSetting(ExpirationPolicy.all(180, List.of()), DAY.minusDays(100))));
    GroupState s = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE));
    assertThat(((LifecycleStatus.Active) s.status()).expiresOn()).isEqualTo(DAY.plusDays(180));
    advance(10);

    GroupState renewed = service.renew(CONTOSO, ALICE, s.group().id());

    assertThat(((LifecycleStatus.Active) renewed.status()).expiresOn()).isEqualTo(DAY.plusDays(190));
    service.delete(CONTOSO, ALICE, s.group().id());
    advance(5);
    GroupState restored = service.restore(CONTOSO, ALICE, s.group().id(), RestoreOptions.STRICT);
    assertThat(restored.status()).isEqualTo(new LifecycleStatus.Active(DAY.plusDays(15), DAY.plusDays(195)));
  }

  @Test
  void setExpirationPolicy_existingGroups_recomputedFromClockOriginWith35DayFloor() {
    GroupId old = service.create(CONTOSO, ALICE, NewGroup.of("Old", GroupKind.MICROSOFT_365, ALICE)).group().id();
    advance(100);
    GroupId recent = service.create(CONTOSO, ALICE, NewGroup.of("Recent", GroupKind.MICROSOFT_365, ALICE)).group().id();
    GroupId sg = service.create(CONTOSO, ADMIN, NewGroup.of("Sec", GroupKind.SECURITY, ADMIN)).group().id();
    LocalDate today = DAY.plusDays(100);

    List<GroupState> changed = service.setExpirationPolicy(CONTOSO, ADMIN, ExpirationPolicy.all(60, List.of()));

    assertThat(changed).hasSize(2);
    assertThat(((LifecycleStatus.Active) store.find(CONTOSO, old).orElseThrow().status()).expiresOn())
        .isEqualTo(today.plusDays(35));
    assertThat(((LifecycleStatus.Active) store.find(CONTOSO, recent).orElseThrow().status()).expiresOn())
        .isEqualTo(today.plusDays(60));
    assertThat(((LifecycleStatus.Active) store.find(CONTOSO, sg).orElseThrow().status()).expiresOn()).isNull();
    assertThat(settings.get(CONTOSO).expiration().enabledOn()).isEqualTo(today);
    assertThatThrownBy(() -> service.setExpirationPolicy(CONTOSO, ALICE, null))
        .isInstanceOf(AccessDeniedException.class);

    service.setExpirationPolicy(CONTOSO, ADMIN, null);
    assertThat(((LifecycleStatus.Active) store.find(CONTOSO, old).orElseThrow().status()).expiresOn()).isNull();
  }

  @Test
  void entraAction_groupOperations_mapToEntraPermissions() {
    assertThat(GroupOperation.RESTORE.entraAction()).isEqualTo("microsoft.directory/deletedItems.groups/restore");
    assertThat(GroupOperation.PURGE.entraAction()).isEqualTo("microsoft.directory/deletedItems.groups/delete");
    assertThat(GroupOperation.UPDATE_MEMBERS.entraAction()).isEqualTo("microsoft.directory/groups/members/update");
  }

  @Test
  void renew_unmanagedGroup_isRefused() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();

    assertThatThrownBy(() -> service.renew(CONTOSO, ALICE, id))
        .isInstanceOf(ValidationException.class).hasMessageContaining("does not manage");
  }

  @Test
  void anyAction_groupOfAnotherTenant_isNotFound() {
    GroupId id = service.create(CONTOSO, ALICE, NewGroup.of("Team", GroupKind.MICROSOFT_365, ALICE)).group().id();

    assertThatThrownBy(() -> service.delete(FABRIKAM, ALICE, id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.rename(FABRIKAM, ALICE, id, "x")).isInstanceOf(NotFoundException.class);
    assertThat(store.find(CONTOSO, id).orElseThrow().isLive()).isTrue();
  }

  @Test
  void checkUpgrade_distributionList_listsEveryReason() {
    Group nestedList = Group.of(GroupId.of("dl"), "All (staff)", GroupKind.DISTRIBUTION, DAY)
        .withNames("All (staff)", "All(staff)").withOwners(List.of(ALICE));
    Group parent = Group.of(GroupId.of("parent"), "Parent", GroupKind.DISTRIBUTION, DAY)
        .withMemberGroups(List.of(nestedList.id())).withMembers(List.of(GroupMember.member(BOB)));
    store.put(CONTOSO, new GroupState(nestedList, new LifecycleStatus.Active(DAY, null)));
    store.put(CONTOSO, new GroupState(parent, new LifecycleStatus.Active(DAY, null)));

    DistributionListUpgrade dl = service.checkUpgrade(CONTOSO, nestedList.id());
    DistributionListUpgrade p = service.checkUpgrade(CONTOSO, parent.id());

    assertThat(dl.eligible()).isFalse();
    assertThat(dl.reasons()).hasSize(3).anyMatch(r -> r.contains("member of another group"))
        .anyMatch(r -> r.contains("owners only")).anyMatch(r -> r.contains("alias"));
    assertThat(p.reasons()).singleElement().asString().contains("contains other groups");
  }

  @Test
  void checkUpgrade_plainDistributionList_isEligible() {
    GroupId id = service.create(CONTOSO, ADMIN, new NewGroup("Staff", GroupKind.DISTRIBUTION,
        List.of(ADMIN), List.of(GroupMember.member(BOB)), List.of())).group().id();

    assertThat(service.checkUpgrade(CONTOSO, id)).isEqualTo(new DistributionListUpgrade(true, List.of()));
  }
}
