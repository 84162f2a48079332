package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.GroupState;
import io.tenantry.identity.offboarding.OffboardingStep;
import io.tenantry.jdbc.groups.JdbcGroupSettingsStore;
import io.tenantry.jdbc.groups.JdbcGroupStore;
import io.tenantry.jdbc.identity.JdbcDirectoryStore;
import io.tenantry.jdbc.identity.JdbcOffboardingProgressStore;
import io.tenantry.testkit.groups.GroupSettingsStoreContract;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the identity and groups adapters wrote to an H2 file database is all there after the
 * database was closed (its last connection gone) and opened again, as a single node restarting.
 */
class H2FileReopenIdentityGroupsTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");

  @TempDir
  Path dir;

  @Test
  void identityAndGroupsState_h2FileClosedAndReopened_isAllThere() {
    // unpooled: every connection is closed after each call, so H2 closes the file in between
    DataSource file = new DriverDataSource("jdbc:h2:file:" + dir.resolve("tenantry"), null, null);
    JdbcDatabase first = JdbcDatabase.open(file);
    GroupState group = GroupStates.live(GroupId.of("team"));
    UserId alice = UserId.of("alice");
    new JdbcDirectoryStore(first).put(Directories.rich(CONTOSO));
    new JdbcGroupStore(first).put(CONTOSO, group);
    new JdbcGroupSettingsStore(first).put(CONTOSO, GroupSettingsStoreContract.everythingSet(CONTOSO));
    new JdbcOffboardingProgressStore(first).markCompleted(CONTOSO, alice, OffboardingStep.SIGN_OUT);

    JdbcDatabase again = JdbcDatabase.open(file);

    assertThat(again.migrationsApplied()).isEmpty();
    assertThat(Directories.describe(new JdbcDirectoryStore(again).load(CONTOSO).orElseThrow()
        .directory())).isEqualTo(Directories.describe(Directories.rich(CONTOSO)));
    assertThat(new JdbcGroupStore(again).list(CONTOSO)).containsExactly(group);
    GroupSettingsStoreContract.assertSameSettings(new JdbcGroupSettingsStore(again).get(CONTOSO),
        GroupSettingsStoreContract.everythingSet(CONTOSO));
    assertThat(new JdbcOffboardingProgressStore(again).completed(CONTOSO, alice))
        .containsExactly(OffboardingStep.SIGN_OUT);
  }
}
