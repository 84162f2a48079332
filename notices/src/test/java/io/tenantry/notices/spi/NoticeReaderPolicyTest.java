package io.tenantry.notices.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeReaderPolicyTest {
  private static final TenantId T = TenantId.of("contoso");
  private final NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();

  @Test
  void messageCenterReader_readsMessages_notSecurityMessages_notHealth() {
    assertThat(policy.rightsOf(T, Set.of("Message Center Reader")))
        .isEqualTo(new ReadingRights(true, false, false));
  }

  @Test
  void globalReaderAndGlobalAdministrator_readEverything() {
    ReadingRights all = new ReadingRights(true, true, true);
    assertThat(policy.rightsOf(T, Set.of("Global Reader"))).isEqualTo(all);
    assertThat(policy.rightsOf(T, Set.of("Global Administrator"))).isEqualTo(all);
  }

  @Test
  void serviceSupportAdministratorAndHealthRoles_readServiceHealthOnly() {
    for (String role : Set.of("Service Support Administrator", "Helpdesk Administrator",
        "User Administrator", "Groups Administrator", "License Administrator",
        "Exchange Administrator")) {
      assertThat(policy.rightsOf(T, Set.of(role))).as(role)
          .isEqualTo(new ReadingRights(false, false, true));
    }
  }

  @Test
  void rolesWithoutTheActions_grantNothing() {
    for (String role : Set.of("Password Administrator", "Reports Reader", "Guest Inviter",
        "Usage Summary Reports Reader", "Privileged Role Administrator", "Directory Readers",
        "No Such Role")) {
      assertThat(policy.rightsOf(T, Set.of(role))).as(role).isEqualTo(ReadingRights.NONE);
    }
    assertThat(policy.rightsOf(T, Set.of())).isEqualTo(ReadingRights.NONE);
  }

  @Test
  void rights_addUpAcrossRoles_andNamesIgnoreCase() {
    assertThat(policy.rightsOf(T, Set.of("message center reader", "Service Support Administrator")))
        .isEqualTo(new ReadingRights(true, false, true));
    assertThat(policy.rightsOf(T, Set.of("Message Center Privacy Reader")))
        .isEqualTo(new ReadingRights(true, true, false));
  }
}
