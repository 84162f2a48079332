package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestrictedAuAuditTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-01T00:00:00Z"));

  private static Directory.Builder users() {
    return Directory.builder(T).user(User.member("alice", "alice@contoso.com"))
        .user(User.member("bob", "bob@contoso.com")).user(User.member("carol", "carol@contoso.com"));
  }

  private static AdministrativeUnit au(String id, Set<String> members, boolean restricted) {
    return new AdministrativeUnit(AdminUnitId.of(id), id, members, Set.of(), null, restricted);
  }

  private static RoleAssignment helpdeskOver(String who, String au) {
    return new RoleAssignment(who, BuiltInRoles.HELPDESK_ADMINISTRATOR, Scope.parse("/administrativeUnits/" + au));
  }

  private static List<String> lines(List<AuditRecord> records) {
    return records.stream().map(r -> r.activity() + " " + r.target() + " " + r.details()).toList();
  }

  @Test
  void between_newRestrictedAuWithMembersAndScopedRole_recordsCreationMembersAndRole() {
    Directory before = users().adminUnit(au("au-open", Set.of("alice"), false)).build();
    Directory after = users().adminUnit(au("au-open", Set.of("alice", "bob"), false))
        .adminUnit(au("au-vip", Set.of("bob", "carol"), true))
        .assign(helpdeskOver("alice", "au-vip")).assign(helpdeskOver("carol", "au-open")).build();

    List<AuditRecord> records = RestrictedAuAudit.between(before, after, "admin@contoso.com", CLOCK,
        IdGenerator.seeded(1));

    assertThat(lines(records)).containsExactly(
        RestrictedAuAudit.ADD_AU + " au-vip {IsMemberManagementRestricted=true, category=AdministrativeUnit}",
        RestrictedAuAudit.ADD_MEMBER + " bob {administrativeUnit=au-vip, category=AdministrativeUnit}",
        RestrictedAuAudit.ADD_MEMBER + " carol {administrativeUnit=au-vip, category=AdministrativeUnit}",
        RestrictedAuAudit.ADD_ROLE_MEMBER + " alice {administrativeUnit=au-vip, category=RoleManagement, role="
            + BuiltInRoles.HELPDESK_ADMINISTRATOR.value() + "}");
    assertThat(records).allSatisfy(r -> {
      assertThat(r.tenant()).isEqualTo(T);
      assertThat(r.actor()).isEqualTo("admin@contoso.com");
      assertThat(r.time()).isEqualTo(CLOCK.instant());
    });
  }

  @Test
  void record_membersAndRolesLeavingARestrictedAu_areAppendedAsRemovals() {
    Directory before = users().adminUnit(au("au-vip", Set.of("bob", "carol"), true))
        .assign(helpdeskOver("alice", "au-vip")).build();
    Directory after = users().adminUnit(au("au-vip", Set.of("carol"), true)).build();
    InMemoryAuditLog log = new InMemoryAuditLog();

    int n = RestrictedAuAudit.record(before, after, "admin@contoso.com", CLOCK, IdGenerator.seeded(1), log);

    assertThat(n).isEqualTo(2);
    assertThat(log.query(AuditQuery.of(T)).items()).extracting(AuditRecord::activity, AuditRecord::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RestrictedAuAudit.REMOVE_MEMBER, "bob"),
            org.assertj.core.groups.Tuple.tuple(RestrictedAuAudit.REMOVE_ROLE_MEMBER, "alice"));
  }

  @Test
  void between_unrestrictedAuChanges_recordOnlyItsCreation() {
    Directory after = users().adminUnit(au("au-open", Set.of("alice"), false))
        .assign(helpdeskOver("bob", "au-open")).build();

    assertThat(lines(RestrictedAuAudit.between(null, after, "admin", CLOCK, IdGenerator.seeded(1))))
        .containsExactly(RestrictedAuAudit.ADD_AU
            + " au-open {IsMemberManagementRestricted=false, category=AdministrativeUnit}");
  }

  @Test
  void between_versionsOfDifferentTenants_isRefused() {
    Directory other = Directory.builder(TenantId.of("fabrikam")).build();
    assertThatThrownBy(() -> RestrictedAuAudit.between(other, users().build(), "admin", CLOCK,
        IdGenerator.seeded(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fabrikam");
  }
}
