package io.tenantry.benchmarks.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthzEngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"tenantry", "jcasbin"})
  void check_tinyDirectory_answersEveryQueryAsTheModelSays(String engine) {
    SyntheticTenants data = SyntheticTenants.of(1000, 512);
    AuthzEngine authz = AuthzEngine.named(engine, data);

    for (int i = 0; i < data.queries().size(); i++) {
      assertThat(authz.check(i)).as("query %d %s", i, data.queries().get(i))
          .isEqualTo(data.queries().get(i).expected());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 10_000, 100_000, 1_000_000})
  void of_anySize_holdsTheAssignmentsAskedForAndHalfHits(int assignments) {
    SyntheticTenants data = SyntheticTenants.of(assignments, 100);

    assertThat((long) data.tenants() * data.usersPerTenant()).isEqualTo(assignments);
    assertThat(data.queries().stream().filter(SyntheticTenants.Query::expected).count())
        .isEqualTo(50);
  }
}
