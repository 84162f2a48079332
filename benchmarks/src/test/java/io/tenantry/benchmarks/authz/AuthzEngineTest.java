package io.tenantry.benchmarks.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthzEngineTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({"tenantry, MANY, 1000, 512", "jcasbin, MANY, 1000, 512",
      "tenantry, FIXED, 10000, 256", "jcasbin, FIXED, 10000, 256"})
  void checkAndDecide_smallDirectory_answerEveryQueryAsTheModelSays(String engine,
      SyntheticTenants.Shape shape, int assignments, int queries) {
    SyntheticTenants data = SyntheticTenants.of(shape, assignments, queries);
    AuthzEngine authz = AuthzEngine.named(engine, data);

    for (int i = 0; i < data.queries().size(); i++) {
      assertThat(authz.check(i)).as("query %d %s", i, data.queries().get(i))
          .isEqualTo(data.queries().get(i).expected());
      assertThat(authz.allowed(authz.decide(i))).as("decision %d %s", i, data.queries().get(i))
          .isEqualTo(data.queries().get(i).expected());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 10_000, 100_000, 1_000_000})
  void of_anySize_holdsTheAssignmentsAskedForAndHalfHits(int assignments) {
    for (SyntheticTenants.Shape shape : SyntheticTenants.Shape.values()) {
      SyntheticTenants data = SyntheticTenants.of(shape, assignments, 100);

      assertThat((long) data.tenants() * data.usersPerTenant()).as("%s", shape).isEqualTo(assignments);
      assertThat(data.queries().stream().filter(SyntheticTenants.Query::expected).count())
          .as("%s", shape).isEqualTo(50);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10_000, 100_000, 1_000_000})
  void of_fixedShape_keepsTheIssuesHundredTenants(int assignments) {
    SyntheticTenants data = SyntheticTenants.of(SyntheticTenants.Shape.FIXED, assignments, 10);

    assertThat(data.tenants()).isEqualTo(100);
    assertThat(data.usersPerTenant()).isEqualTo(assignments / 100);
  }
}
