package io.tenantry.testkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Permission;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A principal or target of another tenant is always denied, and tenants never affect each other. */
class TenantIsolationPropertyTest {
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");

  @Property(tries = 150)
  void authorize_crossTenantPrincipalOrTarget_isAlwaysDenied(@ForAll long seed) {
    Random r = new Random(seed);
    Directory a = DirectoryArbitraries.directory(A, r);
    Directory b = DirectoryArbitraries.directory(B, r);
    Authorizer az = Authorizer.of(a, b);
    List<String> inA = DirectoryArbitraries.targets(a);
    List<String> inB = DirectoryArbitraries.targets(b);
    for (int i = 0; i < 100; i++) {
      Permission action = DirectoryArbitraries.ACTIONS.get(r.nextInt(DirectoryArbitraries.ACTIONS.size()));
      String foreign = inA.get(r.nextInt(inA.size() - 2));
      String local = inB.get(r.nextInt(inB.size()));
      assertThat(az.authorize(B, foreign, action, local).allowed()).isFalse();
      assertThat(az.allows(B, foreign, action, local)).isFalse();
      String localPrincipal = inB.get(r.nextInt(inB.size() - 2));
      assertThat(az.authorize(B, localPrincipal, action, foreign).allowed()).isFalse();
      assertThat(az.allows(B, localPrincipal, action, foreign)).isFalse();
    }
  }

  @Property(tries = 100)
  void authorize_anotherTenantsDirectory_neverChangesADecision(@ForAll long seed) {
    Random r = new Random(seed);
    Directory a = DirectoryArbitraries.directory(A, r);
    Directory b = DirectoryArbitraries.directory(B, r);
    Authorizer alone = Authorizer.of(a);
    Authorizer both = Authorizer.of(a, b);
    List<String> ids = DirectoryArbitraries.targets(a);
    for (int i = 0; i < 100; i++) {
      Permission action = DirectoryArbitraries.ACTIONS.get(r.nextInt(DirectoryArbitraries.ACTIONS.size()));
      String p = ids.get(r.nextInt(ids.size() - 1));
      String t = ids.get(r.nextInt(ids.size()));
      assertThat(both.authorize(A, p, action, t)).isEqualTo(alone.authorize(A, p, action, t));
      assertThat(both.allows(A, p, action, t)).isEqualTo(alone.allows(A, p, action, t));
    }
  }
}
