package io.tenantry.testkit.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.ExpirationSetting;
import io.tenantry.groups.GuestDomainPolicy;
import io.tenantry.groups.ManagedGroupTypes;
import io.tenantry.groups.NamingPolicy;
import io.tenantry.groups.TenantGroupSettings;
import io.tenantry.groups.spi.GroupSettingsStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GroupSettingsStore} implementation must meet: the defaults for a tenant
 * that stored nothing, every field read back as put (the naming policy compared by its pattern and
 * blocked words, as it has no value equality), replacement, tenant isolation and concurrent puts.
 * Extend it and implement {@link #newStore()}.
 */
public abstract class GroupSettingsStoreContract {
  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");

  private GroupSettingsStore store;

  /**
   * Returns a new, empty store for one test.
   *
   * @return the implementation under test
   */
  protected abstract GroupSettingsStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  /**
   * Settings with every field set away from its default.
   *
   * @param tenant the tenant
   * @return the settings
   */
  public static TenantGroupSettings everythingSet(TenantId tenant) {
    ExpirationPolicy policy = new ExpirationPolicy(180, ManagedGroupTypes.SELECTED,
        Set.of(GroupId.of("g2"), GroupId.of("g1")), List.of("it@contoso.com", "ops@contoso.com"));
    return new TenantGroupSettings(false, GroupId.of("creators"), false,
        NamingPolicy.of("GRP_[Department]_[GroupName]", List.of("CEO", "Payroll")), true, false,
        false, GuestDomainPolicy.allowOnly(List.of("partner.example", "fabrikam.example")),
        new ExpirationSetting(policy, LocalDate.of(2026, 3, 1)), "contoso.example");
  }

  /**
   * Asserts that two settings are equal field by field.
   *
   * @param actual what the store returned
   * @param expected what was put
   */
  public static void assertSameSettings(TenantGroupSettings actual,
      TenantGroupSettings expected) {
    assertThat(actual.namingPolicy().pattern()).isEqualTo(expected.namingPolicy().pattern());
    assertThat(actual.namingPolicy().blockedWords())
        .isEqualTo(expected.namingPolicy().blockedWords());
    assertThat(actual).usingRecursiveComparison().ignoringFields("namingPolicy")
        .isEqualTo(expected);
    assertThat(actual.expiration()).isEqualTo(expected.expiration());
    assertThat(actual.guestDomains()).isEqualTo(expected.guestDomains());
  }

  @Test
  void get_nothingStored_returnsTheDefaults() {
    assertSameSettings(store.get(CONTOSO), TenantGroupSettings.defaults(CONTOSO));
  }

  @Test
  void put_thenGet_returnsEveryField() {
    TenantGroupSettings s = everythingSet(CONTOSO);

    store.put(CONTOSO, s);

    assertSameSettings(store.get(CONTOSO), s);
  }

  @Test
  void put_again_replacesTheSettings() {
    store.put(CONTOSO, everythingSet(CONTOSO));
    TenantGroupSettings back = TenantGroupSettings.defaults(CONTOSO)
        .withNamingPolicy(NamingPolicy.of("[GroupName]_Team", List.of()));

    store.put(CONTOSO, back);
    store.put(CONTOSO, back);

    assertSameSettings(store.get(CONTOSO), back);
    assertThat(store.get(CONTOSO).expirationSetting()).isEmpty();
  }

  @Test
  void tenants_neverSeeEachOthersSettings() {
    TenantGroupSettings mine = everythingSet(CONTOSO);
    store.put(CONTOSO, mine);

    assertSameSettings(store.get(FABRIKAM), TenantGroupSettings.defaults(FABRIKAM));
    TenantGroupSettings theirs = TenantGroupSettings.defaults(FABRIKAM)
        .withCreationRestrictedTo(GroupId.of("x"));
    store.put(FABRIKAM, theirs);

    assertSameSettings(store.get(CONTOSO), mine);
    assertSameSettings(store.get(FABRIKAM), theirs);
  }

  @Test
  void put_concurrentlyForManyTenants_keepsEachTenantsSettings() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 40; i++) {
      TenantId t = TenantId.of("t" + i);
      pool.submit(() -> store.put(t, everythingSet(t)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    for (int i = 0; i < 40; i++) {
      TenantId t = TenantId.of("t" + i);
      assertSameSettings(store.get(t), everythingSet(t));
    }
  }
}
