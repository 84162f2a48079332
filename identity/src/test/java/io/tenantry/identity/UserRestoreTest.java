package io.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserRestoreTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final LocalDate DELETED = LocalDate.of(2026, 5, 1);

  private static User deletedAda() {
    return new User(UserId.of("ada"), "ada@contoso.com", UserType.MEMBER,
        Map.of("mail", "ada@contoso.com", "proxyAddresses", "SMTP:ada@contoso.com;smtp:lovelace@contoso.com",
            "department", "R&D"), true, DELETED);
  }

  private static Directory.Builder with(User... others) {
    Directory.Builder b = Directory.builder(T).user(deletedAda());
    for (User u : others) {
      b.user(u);
    }
    return b;
  }

  @Test
  void restore_withinThirtyDaysWithoutConflict_bringsTheUserBackUnchanged() {
    Directory d = with().assign(new RoleAssignment("ada", BuiltInRoles.REPORTS_READER, Scope.TENANT)).build();

    UserRestore.Restored r = UserRestore.restore(d, "ada", UserRestore.Options.STRICT, DELETED.plusDays(29));

    assertThat(r.user().isDeleted()).isFalse();
    assertThat(r.user().userPrincipalName()).isEqualTo("ada@contoso.com");
    assertThat(r.user().attributes()).isEqualTo(deletedAda().attributes());
    assertThat(r.removedAddresses()).isEmpty();
    assertThat(r.directory().user("ada")).contains(r.user());
    assertThat(r.directory().assignments()).isEqualTo(d.assignments());
  }

  @Test
  void restore_keepsTheTenantsPoliciesAndLimits() {
    Directory d = with().allowInvitesFrom(AllowInvitesFrom.ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS)
        .guestAccess(GuestAccessLevel.SAME_AS_MEMBERS).allowAuScopedUserAdminOnLimitedAdmins(true)
        .limits(new TenantLimits(20, 50, 60, 70, 80, 90, 40)).build();

    Directory restored = UserRestore.restore(d, "ada", UserRestore.Options.STRICT, DELETED).directory();

    assertThat(restored.allowInvitesFrom()).isEqualTo(AllowInvitesFrom.ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS);
    assertThat(restored.guestAccess()).isEqualTo(GuestAccessLevel.SAME_AS_MEMBERS);
    assertThat(restored.allowAuScopedUserAdminOnLimitedAdmins()).isTrue();
    assertThat(restored.limits()).isEqualTo(d.limits());
  }

  @Test
  void restore_onTheThirtiethDay_isNotFound() {
    assertThatThrownBy(() -> UserRestore.restore(with().build(), "ada", UserRestore.Options.STRICT,
        DELETED.plusDays(UserRestore.RETENTION_DAYS))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("2026-05-01");
  }

  @Test
  void restore_liveOrUnknownUser_isRefused() {
    Directory d = with(User.member("bob", "bob@contoso.com")).build();
    assertThatThrownBy(() -> UserRestore.restore(d, "bob", UserRestore.Options.STRICT, DELETED))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo(UserRestore.NOT_DELETED));
    assertThatThrownBy(() -> UserRestore.restore(d, "zed", UserRestore.Options.STRICT, DELETED))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void restore_upnTakenByANewAccount_failsUnlessANewUpnIsGiven() {
    Directory d = with(User.member("ada2", "ADA@contoso.com")).build();

    assertThatThrownBy(() -> UserRestore.restore(d, "ada", UserRestore.Options.ADMIN_CENTER, DELETED))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo(UserRestore.UPN))
        .hasMessageContaining("ada2").hasMessageContaining("newUserPrincipalName");
    assertThatThrownBy(() -> UserRestore.restore(d, "ada", UserRestore.Options.STRICT
        .withNewUserPrincipalName("ada@contoso.com"), DELETED)).isInstanceOf(ConflictException.class);

    // ada's mail is the new account's UPN too: strictly a proxy conflict, reconciled by removal.
    assertThatThrownBy(() -> UserRestore.restore(d, "ada",
        UserRestore.Options.STRICT.withNewUserPrincipalName("ada.lovelace@contoso.com"), DELETED))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(UserRestore.PROXY_ADDRESS));
    UserRestore.Restored r = UserRestore.restore(d, "ada",
        UserRestore.Options.ADMIN_CENTER.withNewUserPrincipalName("ada.lovelace@contoso.com"), DELETED);
    assertThat(r.user().userPrincipalName()).isEqualTo("ada.lovelace@contoso.com");
    assertThat(r.removedAddresses()).containsExactly("ada@contoso.com");
    assertThat(r.user().attribute("proxyAddresses")).isEqualTo("smtp:lovelace@contoso.com");
  }

  @Test
  void restore_proxyAddressInUse_failsStrictly_andIsRemovedByAutoReconcile() {
    User other = new User(UserId.of("lee"), "lee@contoso.com", UserType.MEMBER,
        Map.of("proxyAddresses", "smtp:Lovelace@contoso.com"), true, null);
    Directory d = with(other).build();

    assertThatThrownBy(() -> UserRestore.restore(d, "ada", UserRestore.Options.STRICT, DELETED))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(UserRestore.PROXY_ADDRESS))
        .hasMessageContaining("lovelace@contoso.com").hasMessageContaining("lee");

    UserRestore.Restored r = UserRestore.restore(d, "ada", UserRestore.Options.ADMIN_CENTER, DELETED);
    assertThat(r.removedAddresses()).containsExactly("smtp:lovelace@contoso.com");
    assertThat(r.user().attribute("proxyAddresses")).isEqualTo("SMTP:ada@contoso.com");
    assertThat(r.user().attribute("mail")).isEqualTo("ada@contoso.com");
  }

  @Test
  void restore_mailUsedAsAnotherUsersUpn_isAProxyConflictAndAutoReconcileDropsMail() {
    Directory d = Directory.builder(T).user(new User(UserId.of("ada"), "ada@contoso.com", UserType.MEMBER,
        Map.of("mail", "info@contoso.com"), true, DELETED)).user(User.member("desk", "info@contoso.com")).build();

    UserRestore.Restored r = UserRestore.restore(d, "ada", UserRestore.Options.ADMIN_CENTER, DELETED);

    assertThat(r.removedAddresses()).containsExactly("info@contoso.com");
    assertThat(r.user().attributes()).doesNotContainKey("mail");
  }

  @Test
  void options_malformedNewUpn_isRefused() {
    assertThatThrownBy(() -> UserRestore.Options.STRICT.withNewUserPrincipalName("not-an-upn"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-an-upn");
  }
}
